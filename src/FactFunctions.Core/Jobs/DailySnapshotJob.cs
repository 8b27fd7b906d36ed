using FactFunctions.Dates;
using FactFunctions.Reports.Publication;
using FactFunctions.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactFunctions.Jobs;

/// <summary>
/// Takes one snapshot per London day, at the first hourly run at or after <see cref="SnapshotOptions.DailyAt"/>. The id
/// is the date, so repeated or concurrent runs keep one snapshot. Each run also clears away abandoned half-written
/// snapshots, and on-demand snapshots past their retention that no paper was made from (daily ones are kept).
/// </summary>
public sealed partial class DailySnapshotJob(SnapshotStore snapshots, PaperStore reports, IOptions<SnapshotOptions> options, ILogger<DailySnapshotJob> logger) : IFactJob
{
    public string Name => "DailySnapshot";

    public string Schedule => Schedules.Hourly;

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await snapshots.CleanUpAbandonedAsync(cancellationToken);
        await RemoveExpiredAsync(now, cancellationToken);

        var london = TimeZoneInfo.ConvertTime(now, LondonTime.Zone);
        if (TimeOnly.FromDateTime(london.DateTime) < options.Value.DailyAt)
        {
            return;
        }

        string id = SnapshotStore.DailyId(DateOnly.FromDateTime(london.DateTime));
        var outcome = await snapshots.TakeAsync(id, SnapshotKinds.Daily, null, cancellationToken);
        if (outcome.Status == SnapshotStatus.ImportIncomplete)
        {
            LogImportIncomplete(logger, id, outcome.Import!.Id);
        }
        else if (outcome.Status != SnapshotStatus.Taken)
        {
            LogNotTaken(logger, id, outcome.Status);
        }
    }

    /// <summary>On-demand snapshots older than the retention that no paper names; never the latest snapshot.</summary>
    public async Task<int> RemoveExpiredAsync(DateTimeOffset now, CancellationToken ct)
    {
        var cutoff = now - TimeSpan.FromDays(options.Value.OnDemandRetentionDays);
        int removed = 0;
        foreach (var header in await snapshots.ExpiredOnDemandAsync(cutoff, ct))
        {
            if (await reports.NamesSnapshotAsync(header.Id, ct))
            {
                continue;
            }

            await snapshots.DeleteAsync(header, ct);
            removed++;
        }

        if (removed > 0)
        {
            LogExpired(logger, removed, options.Value.OnDemandRetentionDays);
        }

        return removed;
    }

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Removed {Count} on-demand snapshots older than {Days} days that no paper was made from")]
    private static partial void LogExpired(ILogger logger, int count, int days);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Daily snapshot {SnapshotId} not taken: import {ImportId} has not completed; the next hourly run tries again")]
    private static partial void LogImportIncomplete(ILogger logger, string snapshotId, string importId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Daily snapshot {SnapshotId} not taken by this run: {Status}")]
    private static partial void LogNotTaken(ILogger logger, string snapshotId, SnapshotStatus status);
}
