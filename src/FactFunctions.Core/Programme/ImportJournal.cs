using System.Globalization;
using Azure;
using Azure.Data.Tables;
using FactFunctions.Storage;

namespace FactFunctions.Programme;

/// <summary>An import that started and has not completed: nothing may read the programme as a whole until it does.</summary>
public sealed record IncompleteImport(string Id, DateTimeOffset StartedAt, string Stage, int PlannedRecords);

/// <summary>The journal's state: the import under way or cut short (if any), and the last import started.</summary>
public sealed record ImportState(IncompleteImport? Incomplete, string? LastStarted);

/// <summary>
/// The journal of multi-step imports. An import writes its journal row before its first record and marks it complete
/// after its last; the <c>incomplete</c> marker row exists exactly while an import has started and not completed.
/// While it exists the programme may be half-applied, so no snapshot (and so no paper) is taken from it; the next
/// import that completes removes it (imports upsert, so sending the same document again completes the first).
/// </summary>
public sealed class ImportJournal(FactStorage storage, TimeProvider time)
{
    public const string ImportsTable = "Imports";

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
                new TableEntity(State, Incomplete) { ["ImportId"] = id, ["StartedAt"] = now, ["Stage"] = "started", ["Planned"] = plannedRecords }),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(State, Last) { ["ImportId"] = id }),
        ], ct);
        return id;
    }

    /// <summary>Records that a stage (a kind of record) has been written in full.</summary>
    public async Task ProgressAsync(string id, string stage, CancellationToken ct)
    {
        var table = await storage.TableAsync(ImportsTable, ct);
        await table.UpdateEntityAsync(new TableEntity(Journal, id) { ["Stage"] = stage }, ETag.All, TableUpdateMode.Merge, ct);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(State, Incomplete) { ["Stage"] = stage }, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // A concurrent import completed and removed the marker; this import's completion is still ahead.
        }
    }

    public async Task CompleteAsync(string id, CancellationToken ct)
    {
        var table = await storage.TableAsync(ImportsTable, ct);
        await table.UpdateEntityAsync(new TableEntity(Journal, id) { ["Stage"] = "complete", ["CompletedAt"] = time.GetUtcNow() }, ETag.All, TableUpdateMode.Merge, ct);
        await table.DeleteEntityAsync(State, Incomplete, ETag.All, ct);
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
                incomplete = new IncompleteImport(row.GetString("ImportId") ?? "unknown", row.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
                    row.GetString("Stage") ?? "started", row.GetInt32("Planned") ?? 0);
            }
            else if (row.RowKey == Last)
            {
                last = row.GetString("ImportId");
            }
        }

        return new ImportState(incomplete, last);
    }

    /// <summary>The sentence a refused snapshot or paper gives, naming the import.</summary>
    public static string Describe(IncompleteImport import) =>
        string.Create(CultureInfo.InvariantCulture,
            $"The import {import.Id} (started {import.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, {import.PlannedRecords} records; last stage written: " +
                $"{import.Stage}) has not completed, so the programme may be half-applied. Send that import again to complete it, then ask again.");
}
