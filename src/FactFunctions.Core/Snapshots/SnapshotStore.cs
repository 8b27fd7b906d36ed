using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FactFunctions.Dates;
using FactFunctions.Programme;
using FactFunctions.Storage;
using Microsoft.Extensions.Logging;

namespace FactFunctions.Snapshots;

/// <summary>
/// Snapshots in Table Storage. The rows of one snapshot share a partition of <c>SnapshotRows</c> and are written in
/// entity group transactions of 100. The headers in <c>Snapshots</c> are written last: by id (for reads), then by
/// time (for listings), so a snapshot that crashed half-way is never listed. A <c>pending</c> marker written first
/// lets the next run find and remove what a crash left behind.
/// </summary>
public sealed partial class SnapshotStore(FactStorage storage, ProgrammeStore programme, ImportJournal imports, TimeProvider time, ILogger<SnapshotStore> logger)
{
    public const string SnapshotsTable = "Snapshots";
    public const string RowsTable = "SnapshotRows";

    private const string ById = "by-id";
    private const string ByTime = "by-time";
    private const string Pending = "pending";

    private static readonly JsonSerializerOptions Json = ProgrammeStore.Json;

    /// <summary>How long a pending snapshot may run before the next run treats it as abandoned.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    public static string DailyId(DateOnly londonDate) => $"daily-{londonDate:yyyy-MM-dd}";

    public string NewOnDemandId()
    {
        var now = time.GetUtcNow();
        return $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..20];
    }

    public async Task<SnapshotHeader?> GetHeaderAsync(string id, CancellationToken ct)
    {
        var table = await storage.TableAsync(SnapshotsTable, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ById, id, cancellationToken: ct);
        return found.HasValue ? ReadHeader(found.Value!) : null;
    }

    /// <summary>
    /// Takes a snapshot under <paramref name="id"/>. A complete snapshot with that id is returned unchanged (so the
    /// daily job is idempotent); a run already under way for the id is left to finish; what an abandoned earlier
    /// attempt left behind is removed first.
    /// </summary>
    public Task<SnapshotOutcome> TakeAsync(string id, string kind, string? label, CancellationToken ct) => TakeAsync(id, kind, label, null, ct);

    /// <summary>
    /// The snapshot a paper is made from when none is named: the latest snapshot when the programme (and the London
    /// day) is the same as when it was taken, so asking again for an unchanged programme writes nothing; otherwise a
    /// new on-demand snapshot.
    /// </summary>
    public async Task<SnapshotOutcome> CurrentAsync(string label, CancellationToken ct)
    {
        var read = await ReadConsistentAsync(ct);
        if (read.Incomplete is { } incomplete)
        {
            return new SnapshotOutcome(SnapshotStatus.ImportIncomplete, null, incomplete);
        }

        var asOf = LondonTime.DateOf(time.GetUtcNow());
        string hash = SnapshotRows.ContentHash(asOf, SnapshotRows.Of(string.Empty, read.State!));
        if (await LatestHeaderAsync(ct) is { } latest && latest.ContentHash == hash)
        {
            return new SnapshotOutcome(SnapshotStatus.Reused, latest);
        }

        return await TakeAsync(NewOnDemandId(), SnapshotKinds.OnDemand, label, read, ct);
    }

    /// <summary>
    /// The programme as a snapshot taken now would hold it, read the same consistent way, but stored nowhere: a draft to
    /// write in, downloaded or uploaded, is made from it and leaves no snapshot behind.
    /// </summary>
    public async Task<(ProgrammeSnapshot? Snapshot, IncompleteImport? Import)> PeekAsync(CancellationToken ct)
    {
        var read = await ReadConsistentAsync(ct);
        if (read.Incomplete is { } incomplete)
        {
            return (null, incomplete);
        }

        var now = time.GetUtcNow();
        var state = read.State!;
        var header = new SnapshotHeader
        {
            Id = "current",
            Kind = SnapshotKinds.OnDemand,
            Label = "The programme now (not stored)",
            TakenAt = now,
            AsOf = LondonTime.DateOf(now),
            Counts = new SnapshotCounts(state.Projects.Count, state.Milestones.Count, state.Updates.Count, state.Indicators.Count,
                state.Indicators.Sum(i => i.Values?.Count ?? 0), 0),
        };
        return (new ProgrammeSnapshot { Header = header, State = state }, null);
    }

    private async Task<SnapshotHeader?> LatestHeaderAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(SnapshotsTable, ct);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ByTime}"), maxPerPage: 1, cancellationToken: ct))
        {
            return ReadHeader(row);
        }

        return null;
    }

    private sealed record ConsistentRead(ProgrammeState? State, IncompleteImport? Incomplete);

    /// <summary>
    /// The whole programme, read only when no import is under way or cut short, before and after the read, and no
    /// import started while it was read: so a snapshot never holds a half-applied import. An import that started and
    /// completed during the read makes it read once more rather than keep a mix.
    /// </summary>
    private async Task<ConsistentRead> ReadConsistentAsync(CancellationToken ct)
    {
        var before = await imports.StateAsync(ct);
        for (int attempt = 0; ; attempt++)
        {
            if (before.Incomplete is { } incomplete)
            {
                return new ConsistentRead(null, incomplete);
            }

            var state = await programme.ReadAllAsync(ct);
            var after = await imports.StateAsync(ct);
            if (after.Incomplete is null && after.LastStarted == before.LastStarted)
            {
                return new ConsistentRead(state, null);
            }

            if (after.Incomplete is null && attempt == 1)
            {
                return new ConsistentRead(null, new IncompleteImport(after.LastStarted ?? "unknown", time.GetUtcNow(), "started", 0, time.GetUtcNow()));
            }

            before = after;
        }
    }

    private async Task<SnapshotOutcome> TakeAsync(string id, string kind, string? label, ConsistentRead? read, CancellationToken ct)
    {
        if (await GetHeaderAsync(id, ct) is { } existing)
        {
            return new SnapshotOutcome(SnapshotStatus.AlreadyTaken, existing);
        }

        if (read is null && (await imports.StateAsync(ct)).Incomplete is { } incomplete)
        {
            return new SnapshotOutcome(SnapshotStatus.ImportIncomplete, null, incomplete);
        }

        var snapshots = await storage.TableAsync(SnapshotsTable, ct);
        var rowsTable = await storage.TableAsync(RowsTable, ct);
        if (!await ClaimAsync(snapshots, rowsTable, id, ct))
        {
            LogInProgress(logger, id);
            return new SnapshotOutcome(SnapshotStatus.InProgress, null);
        }

        // Another run may have finished between our first look and our claim.
        if (await GetHeaderAsync(id, ct) is { } finished)
        {
            await snapshots.DeleteEntityAsync(Pending, id, ETag.All, ct);
            return new SnapshotOutcome(SnapshotStatus.AlreadyTaken, finished);
        }

        try
        {
            var state = read ?? await ReadConsistentAsync(ct);
            if (state.Incomplete is { } cutShort)
            {
                await snapshots.DeleteEntityAsync(Pending, id, ETag.All, ct);
                return new SnapshotOutcome(SnapshotStatus.ImportIncomplete, null, cutShort);
            }

            var header = await WriteAsync(snapshots, rowsTable, id, kind, label, state.State!, ct);
            return new SnapshotOutcome(SnapshotStatus.Taken, header);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Best effort: remove the partial rows and the claim now so the next run can start at once. If storage is
            // down this fails too, and the next run after AbandonedAfter clears them instead.
            try
            {
                await DeleteRowsAsync(rowsTable, id, CancellationToken.None);
                await snapshots.DeleteEntityAsync(Pending, id, ETag.All, CancellationToken.None);
            }
            catch (Exception cleanup) when (StorageFailures.IsUnavailable(cleanup) || cleanup is RequestFailedException)
            {
                LogCleanupFailed(logger, id);
            }

            throw;
        }
    }

    private async Task<bool> ClaimAsync(TableClient snapshots, TableClient rowsTable, string id, CancellationToken ct)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                await snapshots.AddEntityAsync(new TableEntity(Pending, id) { ["StartedAt"] = time.GetUtcNow() }, ct);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                var pending = await snapshots.GetEntityIfExistsAsync<TableEntity>(Pending, id, cancellationToken: ct);
                if (pending.HasValue && pending.Value!.GetDateTimeOffset("StartedAt") > time.GetUtcNow() - AbandonedAfter)
                {
                    return false;
                }

                if (pending.HasValue)
                {
                    await DeleteRowsAsync(rowsTable, id, ct);
                    await snapshots.DeleteEntityAsync(Pending, id, pending.Value!.ETag, ct);
                    LogAbandoned(logger, id);
                }
            }
        }

        return false;
    }

    private async Task<SnapshotHeader> WriteAsync(TableClient snapshots, TableClient rowsTable, string id, string kind, string? label, ProgrammeState state, CancellationToken ct)
    {
        var takenAt = time.GetUtcNow();
        var rows = SnapshotRows.Of(id, state).ToList();
        await TableBatches.SubmitAsync(rowsTable, rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), ct);

        var header = new SnapshotHeader
        {
            Id = id,
            Label = label,
            Kind = kind,
            TakenAt = takenAt,
            AsOf = LondonTime.DateOf(takenAt),
            ContentHash = SnapshotRows.ContentHash(LondonTime.DateOf(takenAt), rows),
            Counts = new SnapshotCounts(
                state.Projects.Count,
                state.Milestones.Count,
                state.Updates.Count,
                state.Indicators.Count,
                state.Indicators.Sum(i => i.Values?.Count ?? 0),
                rows.Count),
        };
        await snapshots.UpsertEntityAsync(HeaderEntity(ById, id, header), TableUpdateMode.Replace, ct);
        await snapshots.UpsertEntityAsync(HeaderEntity(ByTime, TimeKey(takenAt, id), header), TableUpdateMode.Replace, ct);
        await snapshots.DeleteEntityAsync(Pending, id, ETag.All, ct);
        LogTaken(logger, id, rows.Count);
        return header;
    }

    public async Task<ProgrammeSnapshot?> GetAsync(string id, CancellationToken ct)
    {
        var header = await GetHeaderAsync(id, ct);
        if (header is null)
        {
            return null;
        }

        var rowsTable = await storage.TableAsync(RowsTable, ct);
        var rows = new List<TableEntity>();
        await foreach (var row in rowsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: ct))
        {
            rows.Add(row);
        }

        var state = SnapshotRows.Read(rows);
        return new ProgrammeSnapshot { Header = header, State = state };
    }

    /// <summary>Newest first, <paramref name="top"/> at a time.</summary>
    public async Task<SnapshotPage> ListAsync(int top, string? continuation, CancellationToken ct)
    {
        var table = await storage.TableAsync(SnapshotsTable, ct);
        var pages = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ByTime}"), maxPerPage: top, cancellationToken: ct)
            .AsPages(continuation, top);
        await foreach (var page in pages)
        {
            return new SnapshotPage(page.Values.Select(ReadHeader).ToList(), page.ContinuationToken);
        }

        return new SnapshotPage([], null);
    }

    /// <summary>Removes the rows of snapshots that started longer ago than <see cref="AbandonedAfter"/> and never finished.</summary>
    public async Task<int> CleanUpAbandonedAsync(CancellationToken ct)
    {
        var snapshots = await storage.TableAsync(SnapshotsTable, ct);
        var rowsTable = await storage.TableAsync(RowsTable, ct);
        var cutoff = time.GetUtcNow() - AbandonedAfter;
        int removed = 0;
        await foreach (var marker in snapshots.QueryAsync<TableEntity>(TableClient
            .CreateQueryFilter($"PartitionKey eq {Pending} and StartedAt lt {cutoff}"), cancellationToken: ct))
        {
            await DeleteRowsAsync(rowsTable, marker.RowKey, ct);
            await snapshots.DeleteEntityAsync(Pending, marker.RowKey, marker.ETag, ct);
            LogAbandoned(logger, marker.RowKey);
            removed++;
        }

        return removed;
    }

    /// <summary>On-demand snapshots taken before <paramref name="cutoff"/>, oldest first, never including the latest snapshot.</summary>
    public async Task<IReadOnlyList<SnapshotHeader>> ExpiredOnDemandAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        var table = await storage.TableAsync(SnapshotsTable, ct);
        var latest = await LatestHeaderAsync(ct);
        var expired = new List<SnapshotHeader>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {ByTime} and Kind eq {SnapshotKinds.OnDemand} and TakenAt lt {cutoff}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var header = ReadHeader(row);
            if (header.Id != latest?.Id)
            {
                expired.Add(header);
            }
        }

        expired.Reverse();
        return expired;
    }

    /// <summary>
    /// Removes a snapshot. A pending marker dated long ago goes in first, so if this stops half-way the next
    /// <see cref="CleanUpAbandonedAsync"/> finishes removing the rows; the listing goes next, so it is unlisted at once.
    /// </summary>
    public async Task DeleteAsync(SnapshotHeader header, CancellationToken ct)
    {
        var snapshots = await storage.TableAsync(SnapshotsTable, ct);
        var rowsTable = await storage.TableAsync(RowsTable, ct);
        await snapshots.UpsertEntityAsync(new TableEntity(Pending, header.Id) { ["StartedAt"] = DateTimeOffset.UnixEpoch }, TableUpdateMode.Replace, ct);
        // A missing row answers 404 as a response, not an exception, so each step can be repeated.
        await snapshots.DeleteEntityAsync(ByTime, TimeKey(header.TakenAt, header.Id), ETag.All, ct);
        await snapshots.DeleteEntityAsync(ById, header.Id, ETag.All, ct);
        await DeleteRowsAsync(rowsTable, header.Id, ct);
        await snapshots.DeleteEntityAsync(Pending, header.Id, ETag.All, ct);
    }

    private static async Task DeleteRowsAsync(TableClient rowsTable, string id, CancellationToken ct)
    {
        var stale = new List<TableTransactionAction>();
        await foreach (var row in rowsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), select: ["PartitionKey",
            "RowKey"], cancellationToken: ct))
        {
            stale.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
        }

        await TableBatches.SubmitAsync(rowsTable, stale, ct);
    }

    // Row keys sort ascending, so the newest snapshot gets the smallest key.
    private static string TimeKey(DateTimeOffset takenAt, string id) =>
        $"{(DateTimeOffset.MaxValue.UtcTicks - takenAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)}|{id}";

    private static TableEntity HeaderEntity(string partition, string rowKey, SnapshotHeader header) => new(partition, rowKey)
    {
        ["Id"] = header.Id,
        ["Label"] = header.Label,
        ["Kind"] = header.Kind,
        ["TakenAt"] = header.TakenAt,
        ["AsOf"] = EntityText.Date(header.AsOf),
        ["Counts"] = JsonSerializer.Serialize(header.Counts, Json),
        ["ContentHash"] = header.ContentHash,
    };

    private static SnapshotHeader ReadHeader(TableEntity e) => new()
    {
        Id = e.GetString("Id")!,
        Label = e.GetString("Label"),
        Kind = e.GetString("Kind")!,
        TakenAt = e.GetDateTimeOffset("TakenAt") ?? default,
        AsOf = EntityText.GetDate(e, "AsOf") ?? default,
        Counts = JsonSerializer.Deserialize<SnapshotCounts>(e.GetString("Counts") ?? "{}", Json)!,
        ContentHash = e.GetString("ContentHash"),
    };

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Snapshot {SnapshotId} taken: {Rows} rows")]
    private static partial void LogTaken(ILogger logger, string snapshotId, int rows);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Snapshot {SnapshotId} is already being taken by another run")]
    private static partial void LogInProgress(ILogger logger, string snapshotId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Could not clear the partial snapshot {SnapshotId}; the next run will")]
    private static partial void LogCleanupFailed(ILogger logger, string snapshotId);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Removed abandoned half-written snapshot {SnapshotId}")]
    private static partial void LogAbandoned(ILogger logger, string snapshotId);
}
