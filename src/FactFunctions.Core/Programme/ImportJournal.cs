using Azure;
using Azure.Data.Tables;
using FactFunctions.Storage;

namespace FactFunctions.Programme;

/// <summary>
/// The journal of multi-step imports. An import writes its journal row before its first record and marks it complete
/// after its last; the <c>incomplete</c> marker row exists exactly while an import has started and not completed.
/// While it exists the programme may be half-applied, so no snapshot (and so no paper) is taken from it. The marker
/// belongs to the import that started last: it moves it on, marks it stopped when it fails, and removes it when it
/// completes; an older import finishing meanwhile leaves it alone. Imports upsert, so sending the same document again
/// completes one that stopped.
/// </summary>
public sealed class ImportJournal(FactStorage storage, TimeProvider time)
{
    public const string ImportsTable = "Imports";

    /// <summary>
    /// How long an import may go without writing a stage before it counts as stopped. A stage is one kind of record
    /// written in full; the largest import the limits allow writes each in seconds, so two minutes is far beyond a
    /// live import and soon enough for a person who has to send a stopped one again.
    /// </summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromMinutes(2);

    private const string Journal = "journal";
    private const string State = "state";
    private const string Incomplete = "incomplete";
    private const string Last = "last";

    public async Task<string> StartAsync(int plannedRecords, CancellationToken ct)
    {
        var table = await storage.TableAsync(ImportsTable, ct);
        var now = time.GetUtcNow();
        string id = $"{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..20];
        await table.AddEntityAsync(new TableEntity(Journal, id) { ["StartedAt"] = now, ["Stage"] = "started", ["Planned"] = plannedRecords }, ct);

        // Replace, not add: an earlier import that never completed is superseded by this one, which still has to complete.
        // "last" lets a reader of the whole programme see that an import started and ended while it was reading.
        await table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity(State, Incomplete)
                {
                    ["ImportId"] = id, ["StartedAt"] = now, ["Stage"] = "started", ["Planned"] = plannedRecords, ["ProgressAt"] = now,
                }),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(State, Last) { ["ImportId"] = id }),
        ], ct);
        return id;
    }

    /// <summary>Records that a stage (a kind of record) has been written in full.</summary>
    public async Task ProgressAsync(string id, string stage, CancellationToken ct)
    {
        var table = await storage.TableAsync(ImportsTable, ct);
        await table.UpdateEntityAsync(new TableEntity(Journal, id) { ["Stage"] = stage }, ETag.All, TableUpdateMode.Merge, ct);

        // Only this import's own marker: a newer import that replaced it keeps its own stage and clock.
        if (await OwnMarkerAsync(table, id, ct) is { } marker)
        {
            try
            {
                await table.UpdateEntityAsync(new TableEntity(State, Incomplete) { ["Stage"] = stage, ["ProgressAt"] = time.GetUtcNow() }, marker.ETag,
                    TableUpdateMode.Merge, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Another import replaced or removed the marker meanwhile; this import's completion is still ahead.
            }
        }
    }

    /// <summary>
    /// Marks the import as stopped (it failed part-way), if it is still the one under way; best effort, as storage may be
    /// what failed: then <see cref="StallAfter"/> says it in time.
    /// </summary>
    public async Task TryMarkStoppedAsync(string id)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            var table = await storage.TableAsync(ImportsTable, timeout.Token);
            if (await OwnMarkerAsync(table, id, timeout.Token) is { } marker)
            {
                await table.UpdateEntityAsync(new TableEntity(State, Incomplete) { ["Stopped"] = true }, marker.ETag, TableUpdateMode.Merge, timeout.Token);
            }
        }
        catch (Exception e) when (e is RequestFailedException || StorageFailures.IsUnavailable(e))
        {
            // Storage is down or another import took over: the stall rule answers in its place.
        }
    }

    public async Task CompleteAsync(string id, CancellationToken ct)
    {
        var table = await storage.TableAsync(ImportsTable, ct);
        await table.UpdateEntityAsync(new TableEntity(Journal, id) { ["Stage"] = "complete", ["CompletedAt"] = time.GetUtcNow() }, ETag.All, TableUpdateMode.Merge, ct);

        // Remove the marker only if it is still this import's: one that started later (and may have stopped half-way)
        // keeps its marker until it, or a resend of it, completes.
        if (await OwnMarkerAsync(table, id, ct) is { } marker)
        {
            try
            {
                await table.DeleteEntityAsync(State, Incomplete, marker.ETag, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Replaced or removed meanwhile by another import, which now answers for it.
            }
        }
    }

    private static async Task<TableEntity?> OwnMarkerAsync(TableClient table, string id, CancellationToken ct)
    {
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(State, Incomplete, cancellationToken: ct);
        return marker.HasValue && marker.Value!.GetString("ImportId") == id ? marker.Value : null;
    }

    /// <summary>The import that started and has not completed, if any, and the last one started: one query.</summary>
    public async Task<ImportState> StateAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(ImportsTable, ct);
        IncompleteImport? incomplete = null;
        string? last = null;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {State}"), cancellationToken: ct))
        {
            if (row.RowKey == Incomplete)
            {
                var started = row.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue;
                incomplete = new IncompleteImport(row.GetString("ImportId") ?? "unknown", started, row.GetString("Stage") ?? "started",
                    row.GetInt32("Planned") ?? 0, row.GetDateTimeOffset("ProgressAt") ?? started, row.GetBoolean("Stopped") ?? false);
            }
            else if (row.RowKey == Last)
            {
                last = row.GetString("ImportId");
            }
        }

        return new ImportState(incomplete, last);
    }
}
