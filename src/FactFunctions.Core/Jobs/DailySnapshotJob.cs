using FactFunctions.Dates;
using FactFunctions.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactFunctions.Jobs;

public sealed class SnapshotOptions
{
    public const string Section = "Fact:Snapshots";

    /// <summary>London wall-clock time from which the day's snapshot is taken.</summary>
    public TimeOnly DailyAt { get; set; } = new(6, 0);
}

/// <summary>
/// Takes one snapshot per London day, at the first hourly run at or after <see cref="SnapshotOptions.DailyAt"/>. The id
/// is the date, so repeated or concurrent runs keep one snapshot; each run also clears away abandoned half-written ones.
/// </summary>
public sealed partial class DailySnapshotJob(SnapshotStore snapshots, IOptions<SnapshotOptions> options, ILogger<DailySnapshotJob> logger) : IFactJob
{
    public string Name => "DailySnapshot";

    public string Schedule => Schedules.Hourly;

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await snapshots.CleanUpAbandonedAsync(cancellationToken);

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

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Daily snapshot {SnapshotId} not taken: import {ImportId} has not completed; the next hourly run tries again")]
    private static partial void LogImportIncomplete(ILogger logger, string snapshotId, string importId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Daily snapshot {SnapshotId} not taken by this run: {Status}")]
    private static partial void LogNotTaken(ILogger logger, string snapshotId, SnapshotStatus status);
}
