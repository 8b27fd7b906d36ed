using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using FactFunctions.Dates;
using FactFunctions.Storage;

namespace FactFunctions.Programme;

/// <summary>Reads and writes the programme's records in Table Storage and its standing text in Blob Storage.</summary>
public sealed class ProgrammeStore(FactStorage storage, TimeProvider time, Outcomes.OutcomeStore outcomes)
{
    private const string StandingTextBlob = "standing-text.json";

    internal static readonly JsonSerializerOptions Json = StoredJson.Options;

    public DateOnly Today => LondonTime.Today(time);

    // ---- projects -------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<ProjectView>> ListProjectsAsync(CancellationToken ct)
    {
        var projects = (await QueryAsync(Tables.Projects, TableClient.CreateQueryFilter($"PartitionKey eq {ProgrammeEntities.ProjectPartition}"), e => e, ct))
            .Where(e => !IsDeleting(e)).Select(ProgrammeEntities.ToProject).ToList();
        var milestones = await QueryAsync(Tables.Milestones, null, e => ProgrammeEntities.ToMilestone(e, Today), ct);
        var byProject = milestones.ToLookup(m => m.ProjectId, StringComparer.Ordinal);
        return projects
            .Select(p => p with { MilestoneSummary = Summarise(byProject[p.Id].ToList()) })
            .OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<ProjectView?> GetProjectAsync(string projectId, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Projects, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ProgrammeEntities.ProjectPartition, projectId, cancellationToken: ct);
        if (!found.HasValue || IsDeleting(found.Value!))
        {
            return null;
        }

        var milestones = await QueryAsync(Tables.Milestones, TableClient.CreateQueryFilter($"PartitionKey eq {projectId}"), e => ProgrammeEntities.ToMilestone(e, Today), ct);
        var updates = await QueryAsync(Tables.Updates, TableClient.CreateQueryFilter($"PartitionKey eq {projectId}"), ProgrammeEntities.ToUpdate, ct);
        var indicators = (await ListIndicatorsAsync(ct)).Where(i => i.ProjectId == projectId).ToList();
        var ordered = OrderMilestones(milestones);
        return ProgrammeEntities.ToProject(found.Value!) with
        {
            MilestoneSummary = Summarise(ordered),
            Milestones = ordered,
            Updates = updates.OrderByDescending(u => u.AsOf).ThenBy(u => u.Id, StringComparer.Ordinal).ToList(),
            Indicators = indicators,
        };
    }

    public async Task<WriteResult> PutProjectAsync(string projectId, ProjectFields project, Precondition precondition, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Projects, ct);
        if (await FindProjectRowAsync(table, projectId, ct) is { } row && IsDeleting(row))
        {
            // A delete that stopped half-way: finish it, so the new project does not inherit the old one's children.
            await RemoveChildrenAndRowAsync(table, projectId, row.ETag, ct);
            if (precondition.IfMatch is not null)
            {
                return new WriteResult(WriteStatus.PreconditionFailed);
            }
        }

        return await ConditionalWrites.PutAsync(table, ProgrammeEntities.Project(projectId, project), precondition, ct);
    }

    /// <summary>
    /// Deletes a project with its milestones and updates. The project row is marked as being deleted first, under the
    /// caller's If-Match, so a lost race (412) removes nothing; from then on the project is gone for every reader and
    /// for child writes, and the children and the row follow. A delete cut short by an outage is completed by sending
    /// it again (or by the next PUT of that project).
    /// </summary>
    /// <summary>How often a project's children are read again when a concurrent delete removed some of them first.</summary>
    private const int MaxDeletePasses = 5;

    public async Task<WriteResult> DeleteProjectAsync(string projectId, string? ifMatch, CancellationToken ct)
    {
        var projects = await storage.TableAsync(Tables.Projects, ct);
        var found = await FindProjectRowAsync(projects, projectId, ct);
        if (found is null)
        {
            return new WriteResult(ifMatch is null ? WriteStatus.NotFound : WriteStatus.PreconditionFailed);
        }

        var marked = found.ETag;
        if (!IsDeleting(found))
        {
            try
            {
                var mark = new TableEntity(ProgrammeEntities.ProjectPartition, projectId) { [ProgrammeEntities.DeletingColumn] = true };
                var response = await projects.UpdateEntityAsync(mark, ifMatch is null or "*" ? ETag.All : new ETag(ifMatch), TableUpdateMode.Merge, ct);
                marked = response.Headers.ETag ?? ETag.All;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                return new WriteResult(ifMatch is null ? WriteStatus.NotFound : WriteStatus.PreconditionFailed);
            }
        }
        else if (ifMatch is not null && ifMatch != "*")
        {
            return new WriteResult(WriteStatus.PreconditionFailed);
        }

        await RemoveChildrenAndRowAsync(projects, projectId, marked, ct);
        return new WriteResult(WriteStatus.Deleted);
    }

    public async Task<bool> ProjectExistsAsync(string projectId, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Projects, ct);
        return await FindProjectRowAsync(table, projectId, ct) is { } row && !IsDeleting(row);
    }

    private static async Task<TableEntity?> FindProjectRowAsync(TableClient projects, string projectId, CancellationToken ct)
    {
        var found = await projects.GetEntityIfExistsAsync<TableEntity>(ProgrammeEntities.ProjectPartition, projectId,
            select: ["PartitionKey", ProgrammeEntities.DeletingColumn], cancellationToken: ct);
        return found.HasValue ? found.Value : null;
    }

    private static bool IsDeleting(TableEntity row) => row.GetBoolean(ProgrammeEntities.DeletingColumn) == true;

    /// <summary>
    /// Removes a marked project's children, then its row if it is still the marked one (a PUT that re-created the
    /// project meanwhile keeps it).
    /// </summary>
    private async Task RemoveChildrenAndRowAsync(TableClient projects, string projectId, ETag marked, CancellationToken ct)
    {
        foreach (string kind in new[] { Tables.Milestones, Tables.Updates, Tables.Rebaselines })
        {
            var table = await storage.TableAsync(kind, ct);
            for (int pass = 1; ; pass++)
            {
                var keys = new List<TableTransactionAction>();
                await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {projectId}"),
                    select: ["PartitionKey", "RowKey"], cancellationToken: ct))
                {
                    keys.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
                }

                try
                {
                    await TableBatches.SubmitAsync(table, keys, ct);
                    break;
                }
                catch (RequestFailedException e) when (e.Status == 404 && pass < MaxDeletePasses)
                {
                    // Another delete of this project removed some of these rows first (a batch fails whole): read what is left.
                }
            }
        }

        try
        {
            await projects.DeleteEntityAsync(ProgrammeEntities.ProjectPartition, projectId, marked, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // 412: re-created by a PUT after the mark, and that project stays; 404: another delete removed it first.
        }
    }

    /// <summary>
    /// A child row (milestone, update) is written after its project was seen to exist, and checked again after: if the
    /// project was deleted (or marked) meanwhile, the child is taken back and the write reports the project missing.
    /// Either the check after the write comes before the delete's mark, and then the delete's clean-up (which starts
    /// after its mark) finds and removes the child, or it sees the mark and removes the child itself: no orphans.
    /// </summary>
    private async Task<bool> KeepChildAsync(string projectId, string kind, string rowKey, CancellationToken ct)
    {
        if (await ProjectExistsAsync(projectId, ct))
        {
            return true;
        }

        var table = await storage.TableAsync(kind, ct);
        await table.DeleteEntityAsync(projectId, rowKey, ETag.All, ct);
        return false;
    }

    // ---- milestones -----------------------------------------------------------------------------------------

    /// <summary>
    /// Writes a milestone. Without a <see cref="MilestoneFields.BaselineDue"/> it keeps the stored one (re-dating moves
    /// <see cref="MilestoneFields.Due"/> only), and a new milestone's baseline is its first due.
    /// </summary>
    public async Task<WriteResult> PutMilestoneAsync(string projectId, string milestoneId, MilestoneFields milestone, MilestoneWindow window,
        Precondition precondition, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Milestones, ct);
        if (milestone.BaselineDue is null)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(projectId, milestoneId, select: ["BaselineDue", "Due"], cancellationToken: ct);
            milestone = milestone.WithBaseline(stored.HasValue ? StoredBaseline(stored.Value!) : null);
        }

        var result = await ConditionalWrites.PutAsync(table, ProgrammeEntities.Milestone(projectId, milestoneId, milestone, window), precondition, ct);
        if (result.Status is WriteStatus.Created or WriteStatus.Updated && !await KeepChildAsync(projectId, Tables.Milestones, milestoneId, ct))
        {
            return new WriteResult(WriteStatus.ParentGone);
        }

        return result;
    }

    /// <summary>A stored row's baseline; rows written before baselines existed count their due as the first plan known.</summary>
    private static string? StoredBaseline(TableEntity row) => row.GetString("BaselineDue") ?? row.GetString("Due");

    public async Task<MilestoneView?> GetMilestoneAsync(string projectId, string milestoneId, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Milestones, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(projectId, milestoneId, cancellationToken: ct);
        if (!found.HasValue)
        {
            return null;
        }

        var history = await RebaselinesAsync(TableClient.CreateQueryFilter($"PartitionKey eq {projectId}"), ct);
        return WithHistory(ProgrammeEntities.ToMilestone(found.Value!, Today), history);
    }

    /// <summary>The stored baseline of a milestone, or null when it is not stored.</summary>
    public async Task<string?> StoredBaselineAsync(string projectId, string milestoneId, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Milestones, ct);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(projectId, milestoneId, select: ["BaselineDue", "Due"], cancellationToken: ct);
        return stored.HasValue ? StoredBaseline(stored.Value!) : null;
    }

    /// <summary>
    /// Records a board's decision to move a milestone's baseline and moves it under the row's ETag, re-reading on a race.
    /// The decision's row is written first, under a key of its own; if the move then loses its race, that row is taken
    /// back, and if the baseline is by then the new one (the same decision sent twice at once) nothing more is recorded.
    /// A decision left behind by a crash between the two writes is not shown (<see cref="WithHistory"/>): sending the
    /// decision again completes it. Null when the milestone does not exist.
    /// </summary>
    public async Task<MilestoneView?> RebaselineAsync(string projectId, string milestoneId, BaselineDecision decision, CancellationToken ct)
    {
        var milestones = await storage.TableAsync(Tables.Milestones, ct);
        var history = await storage.TableAsync(Tables.Rebaselines, ct);
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var found = await milestones.GetEntityIfExistsAsync<TableEntity>(projectId, milestoneId, cancellationToken: ct);
            if (!found.HasValue)
            {
                return null;
            }

            string stored = StoredBaseline(found.Value!) ?? decision.BaselineDue;
            if (BaselineDecision.Refusal(decision.BaselineDue, stored, projectId, milestoneId) is null)
            {
                return await GetMilestoneAsync(projectId, milestoneId, ct);
            }

            var recorded = decision with { Was = stored };
            var row = ProgrammeEntities.Rebaseline(projectId, milestoneId, recorded, Guid.NewGuid());
            await history.AddEntityAsync(row, ct);
            try
            {
                await milestones.UpdateEntityAsync(new TableEntity(projectId, milestoneId) { ["BaselineDue"] = recorded.BaselineDue }, found.Value!.ETag,
                    TableUpdateMode.Merge, ct);
                return await GetMilestoneAsync(projectId, milestoneId, ct);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Changed or deleted meanwhile: take this decision's row back and read the milestone again.
                await history.DeleteEntityAsync(projectId, row.RowKey, ETag.All, ct);
            }
        }

        throw new RequestFailedException(503, "The milestone kept changing while its baseline was being moved.");
    }

    private async Task<ILookup<(string ProjectId, string MilestoneId), BaselineDecision>> RebaselinesAsync(string? filter, CancellationToken ct) =>
        (await QueryAsync(Tables.Rebaselines, filter, e => (Key: ProgrammeEntities.RebaselineOf(e), Decision: ProgrammeEntities.ToRebaseline(e)), ct))
            .OrderBy(x => x.Decision.RecordedAt)
            .ToLookup(x => x.Key, x => x.Decision);

    /// <summary>
    /// A milestone with its decisions, oldest first: a last decision that did not move the baseline (a crash between its
    /// two writes) is left out, and so is a decision repeated by a resend.
    /// </summary>
    private static MilestoneView WithHistory(MilestoneView milestone, ILookup<(string ProjectId, string MilestoneId), BaselineDecision> history)
    {
        var decisions = new List<BaselineDecision>();
        foreach (var decision in history[(milestone.ProjectId, milestone.Id)])
        {
            if (decisions.Count == 0 || decisions[^1] with { RecordedAt = decision.RecordedAt, RecordedBy = decision.RecordedBy } != decision)
            {
                decisions.Add(decision);
            }
        }

        while (decisions.Count > 0 && BaselineDecision.Refusal(decisions[^1].BaselineDue, milestone.BaselineDue, milestone.ProjectId, milestone.Id) is not null)
        {
            decisions.RemoveAt(decisions.Count - 1);
        }

        return decisions.Count > 0 ? milestone with { Rebaselines = decisions } : milestone;
    }

    public async Task<WriteResult> DeleteMilestoneAsync(string projectId, string milestoneId, string? ifMatch, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Milestones, ct);
        var result = await ConditionalWrites.DeleteAsync(table, projectId, milestoneId, ifMatch, ct);
        if (result.Status == WriteStatus.Deleted)
        {
            await DeleteHistoryAsync(projectId, milestoneId, ct);
        }

        return result;
    }

    /// <summary>Milestones across projects whose window meets [from, to], in window order.</summary>
    public async Task<IReadOnlyList<MilestoneView>> QueryMilestonesAsync(DateOnly? from, DateOnly? to, string? status, bool? overdue, CancellationToken ct)
    {
        var filters = new List<string>();
        if (from is { } f)
        {
            filters.Add(TableClient.CreateQueryFilter($"Latest ge {EntityText.Date(f)}"));
        }

        if (to is { } t)
        {
            filters.Add(TableClient.CreateQueryFilter($"Earliest le {EntityText.Date(t)}"));
        }

        if (status is not null)
        {
            filters.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        string? filter = filters.Count == 0 ? null : string.Join(" and ", filters.Select(x => $"({x})"));
        var milestones = await QueryAsync(Tables.Milestones, filter, e => ProgrammeEntities.ToMilestone(e, Today), ct);
        var projectOrder = (await QueryAsync(Tables.Projects, null, e => e, ct)).Where(e => !IsDeleting(e))
            .Select(ProgrammeEntities.ToProject).ToDictionary(p => p.Id, p => p.Order, StringComparer.Ordinal);
        return milestones
            .Where(m => projectOrder.ContainsKey(m.ProjectId))
            .Where(m => overdue is null || m.Overdue == overdue)
            .OrderBy(m => m.Window.Earliest)
            .ThenBy(m => m.Window.Latest)
            .ThenBy(m => projectOrder.GetValueOrDefault(m.ProjectId))
            .ThenBy(m => m.ProjectId, StringComparer.Ordinal)
            .ThenBy(m => m.Order)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    // ---- updates --------------------------------------------------------------------------------------------

    /// <summary>Adds an update; null when the project was deleted meanwhile (the update is then taken back).</summary>
    public async Task<UpdateView?> AddUpdateAsync(string projectId, string updateId, UpdateFields update, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Updates, ct);
        var entity = ProgrammeEntities.Update(projectId, updateId, update);
        await table.AddEntityAsync(entity, ct);
        return await KeepChildAsync(projectId, Tables.Updates, updateId, ct) ? ProgrammeEntities.ToUpdate(entity) : null;
    }

    // ---- indicators -----------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<IndicatorView>> ListIndicatorsAsync(CancellationToken ct)
    {
        var indicators = await QueryAsync(Tables.Indicators, null, e => e, ct);
        var values = (await QueryAsync(Tables.IndicatorValues, null, e => (e.PartitionKey, Value: ProgrammeEntities.ToIndicatorValue(e)), ct))
            .ToLookup(v => v.PartitionKey, v => v.Value, StringComparer.Ordinal);
        return indicators
            .Select(e => ProgrammeEntities.ToIndicator(e, values[e.RowKey].OrderBy(v => v.Period, StringComparer.Ordinal).ToList()))
            .OrderBy(i => i.Order).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<IndicatorView?> GetIndicatorAsync(string indicatorId, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Indicators, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ProgrammeEntities.IndicatorPartition, indicatorId, cancellationToken: ct);
        if (!found.HasValue)
        {
            return null;
        }

        var values = await QueryAsync(Tables.IndicatorValues, TableClient.CreateQueryFilter($"PartitionKey eq {indicatorId}"), ProgrammeEntities.ToIndicatorValue, ct);
        return ProgrammeEntities.ToIndicator(found.Value!, values.OrderBy(v => v.Period, StringComparer.Ordinal).ToList());
    }

    public async Task<bool> IndicatorExistsAsync(string indicatorId, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Indicators, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(ProgrammeEntities.IndicatorPartition, indicatorId, select: ["PartitionKey"], cancellationToken: ct);
        return found.HasValue;
    }

    public async Task<WriteResult> PutIndicatorAsync(string indicatorId, IndicatorFields indicator, Precondition precondition, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Indicators, ct);
        return await ConditionalWrites.PutAsync(table, ProgrammeEntities.Indicator(indicatorId, indicator), precondition, ct);
    }

    public async Task<WriteResult> PutIndicatorValueAsync(string indicatorId, string period, IndicatorValueFields value, Precondition precondition, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.IndicatorValues, ct);
        return await ConditionalWrites.PutAsync(table, ProgrammeEntities.IndicatorValue(indicatorId, period, value), precondition, ct);
    }

    // ---- standing text --------------------------------------------------------------------------------------

    public async Task<(ProgrammeText? Text, string? ETag)> GetProgrammeTextAsync(CancellationToken ct) =>
        await BlobWrites.GetJsonAsync<ProgrammeText>((await storage.ContainerAsync(Containers.Programme, ct)).GetBlobClient(StandingTextBlob), Json, ct);

    public async Task<WriteResult> PutProgrammeTextAsync(ProgrammeText text, Precondition precondition, CancellationToken ct) =>
        await BlobWrites.PutJsonAsync((await storage.ContainerAsync(Containers.Programme, ct)).GetBlobClient(StandingTextBlob), text, Json, precondition, ct);

    // ---- whole document -------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<string>> ProjectIdsAsync(CancellationToken ct) =>
        (await QueryAsync(Tables.Projects, null, e => e, ct, select: ["RowKey", ProgrammeEntities.DeletingColumn])).Where(e => !IsDeleting(e)).Select(e => e.RowKey).ToList();

    /// <summary>
    /// Writes an already validated document: upserts every record it names, leaves the others alone. The standing text is
    /// written first and only if <paramref name="textPrecondition"/> holds; if it does not, nothing has been written and
    /// <see cref="ProgrammeTextChangedException"/> says so.
    /// </summary>
    public async Task<ImportResult> ImportAsync(ProgrammeDocument document, Func<string, Task> stageWritten, CancellationToken ct,
        Precondition textPrecondition = default, bool projectRows = true)
    {
        var projects = document.Projects ?? [];
        var indicators = document.Indicators ?? [];
        var milestoneRows = new List<TableTransactionAction>();
        var updateRows = new List<TableTransactionAction>();
        var baselines = projects.Any(p => (p.Milestones ?? []).Any(m => m.BaselineDue is null || m.Rebaselines is { Count: > 0 }))
            ? await StoredBaselinesAsync(ct)
            : new Dictionary<(string, string), string?>();
        var historyRows = new List<TableTransactionAction>();
        foreach (var project in projects)
        {
            foreach (var milestone in project.Milestones ?? [])
            {
                var window = FuzzyDate.Parse(milestone.Due!);
                var baselined = milestone.WithBaseline(baselines.GetValueOrDefault((project.Id!, milestone.Id!)));
                milestoneRows.Add(Upsert(ProgrammeEntities.Milestone(project.Id!, milestone.Id!, baselined, window)));

                // A stored milestone's decisions are the rebaseline route's to record; a restore brings back a new one's.
                if (!baselines.ContainsKey((project.Id!, milestone.Id!)))
                {
                    historyRows.AddRange((milestone.Rebaselines ?? []).Select((d, i) =>
                        Upsert(ProgrammeEntities.Rebaseline(project.Id!, milestone.Id!, d, ProgrammeEntities.RestoredId(milestone.Id!, i)))));
                }
            }

            var updates = project.Updates ?? [];
            for (int i = 0; i < updates.Count; i++)
            {
                updateRows.Add(Upsert(ProgrammeEntities.Update(project.Id!, ImportedUpdateId(updates[i], i), updates[i])));
            }
        }

        var valueRows = indicators
            .SelectMany(indicator => (indicator.Values ?? []).Select(v => Upsert(ProgrammeEntities.IndicatorValue(indicator.Id!, v.Period!, v))))
            .ToList();

        if (document.Programme is { } text)
        {
            if ((await PutProgrammeTextAsync(text, textPrecondition, ct)).Status is WriteStatus.PreconditionFailed or WriteStatus.Conflict)
            {
                throw new ProgrammeTextChangedException();
            }

            await stageWritten("programme text");
        }

        if (projectRows)
        {
            await SubmitAsync(Tables.Projects, projects.Select(p => Upsert(ProgrammeEntities.Project(p.Id!, p))), ct);
        }

        await stageWritten("projects");
        await SubmitAsync(Tables.Milestones, milestoneRows, ct);
        await SubmitAsync(Tables.Rebaselines, historyRows, ct);
        await stageWritten("milestones");
        await SubmitAsync(Tables.Updates, updateRows, ct);
        await stageWritten("updates");
        await SubmitAsync(Tables.Indicators, indicators.Select(i => Upsert(ProgrammeEntities.Indicator(i.Id!, i))), ct);
        await SubmitAsync(Tables.IndicatorValues, valueRows, ct);
        await stageWritten("indicators");

        return new ImportResult(projects.Count, milestoneRows.Count, updateRows.Count, indicators.Count, valueRows.Count, document.Programme is not null);
    }

    /// <summary>
    /// Every stored milestone's baseline, so an import that names none keeps them and one naming another is refused (one
    /// query, keys and two columns).
    /// </summary>
    public async Task<Dictionary<(string ProjectId, string MilestoneId), string?>> StoredBaselinesAsync(CancellationToken ct) =>
        (await QueryAsync(Tables.Milestones, null, e => (Key: (e.PartitionKey, e.RowKey), Baseline: StoredBaseline(e)), ct, select: ["PartitionKey",
            "RowKey", "BaselineDue", "Due"]))
            .ToDictionary(x => x.Key, x => x.Baseline);

    /// <summary>Deletes milestones by key; a milestone already gone is no error, so a cut-short removal can be sent again.</summary>
    public async Task RemoveMilestonesAsync(IEnumerable<(string ProjectId, string MilestoneId)> milestones, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Milestones, ct);
        foreach (var (projectId, milestoneId) in milestones)
        {
            // One at a time: a transaction fails whole when one of its rows is already gone, and removing is resumable.
            await table.DeleteEntityAsync(projectId, milestoneId, ETag.All, ct);
            await DeleteHistoryAsync(projectId, milestoneId, ct);
        }
    }

    /// <summary>Deletes updates by key; one already gone is no error, so a cut-short removal can be sent again.</summary>
    public async Task RemoveUpdatesAsync(IEnumerable<(string ProjectId, string UpdateId)> updates, CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Updates, ct);
        foreach (var (projectId, updateId) in updates)
        {
            try
            {
                await table.DeleteEntityAsync(projectId, updateId, ETag.All, ct);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Already gone: removing is resumable.
            }
        }
    }

    /// <summary>A removed milestone's decisions go with it, so one made again under its id starts with no history.</summary>
    private async Task DeleteHistoryAsync(string projectId, string milestoneId, CancellationToken ct)
    {
        var history = await storage.TableAsync(Tables.Rebaselines, ct);
        await foreach (var row in history.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {projectId} and MilestoneId eq {milestoneId}"),
            select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            await history.DeleteEntityAsync(projectId, row.RowKey, ETag.All, ct);
        }
    }

    /// <summary>An update without an id gets one derived from its date and position, so importing the same document twice changes nothing.</summary>
    public static string ImportedUpdateId(UpdateDocument update, int index) =>
        update.Id ?? $"{update.AsOf!.Value:yyyy-MM-dd}-{index + 1}";

    public async Task<ProgrammeDocument> ExportAsync(CancellationToken ct) => (await ReadAllAsync(ct)).ToDocument();

    /// <summary>Everything stored, read with one query per table (paged by the SDK), ordered for display.</summary>
    public async Task<ProgrammeState> ReadAllAsync(CancellationToken ct)
    {
        var text = GetProgrammeTextAsync(ct);
        var projects = QueryAsync(Tables.Projects, null, e => e, ct);
        var milestones = QueryAsync(Tables.Milestones, null, e => ProgrammeEntities.ToMilestone(e, Today), ct);
        var updates = QueryAsync(Tables.Updates, null, ProgrammeEntities.ToUpdate, ct);
        var indicators = ListIndicatorsAsync(ct);
        var rebaselines = RebaselinesAsync(null, ct);
        var meetingOutcomes = outcomes.ListAsync(ct);
        await Task.WhenAll(text, projects, milestones, updates, indicators, rebaselines, meetingOutcomes);
        var live = projects.Result.Where(e => !IsDeleting(e)).Select(ProgrammeEntities.ToProject).OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var liveIds = live.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        // Rows of a project whose delete is under way (or was cut short) are not part of the programme.
        return new ProgrammeState(
            text.Result.Text,
            live,
            milestones.Result.Where(m => liveIds.Contains(m.ProjectId)).Select(m => WithHistory(m, rebaselines.Result)).ToList(),
            updates.Result.Where(u => liveIds.Contains(u.ProjectId)).OrderBy(u => u.AsOf).ThenBy(u => u.Id, StringComparer.Ordinal).ToList(),
            indicators.Result,
            [.. meetingOutcomes.Result.Select(o => o with { ETag = null })]);
    }

    /// <summary>True when nothing has been stored yet, so a local run may load the sample programme.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(Tables.Projects, ct);
        await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: ct))
        {
            return false;
        }

        return true;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>Display order within a project: as the lead ordered them, then by window.</summary>
    public static List<MilestoneView> OrderMilestones(IEnumerable<MilestoneView> milestones) => milestones
        .OrderBy(m => m.Order)
        .ThenBy(m => m.Window.Earliest)
        .ThenBy(m => m.Window.Latest)
        .ThenBy(m => m.Id, StringComparer.Ordinal)
        .ToList();

    private static MilestoneSummary Summarise(IReadOnlyList<MilestoneView> milestones)
    {
        var next = milestones
            .Where(m => !MilestoneStatus.IsClosed(m.Status))
            .OrderBy(m => m.Window.Earliest).ThenBy(m => m.Window.Latest).ThenBy(m => m.Order)
            .FirstOrDefault();
        return new MilestoneSummary(
            milestones.Count,
            milestones.Count(m => m.Status == MilestoneStatus.Complete),
            milestones.Count(m => m.Status == MilestoneStatus.AtRisk),
            milestones.Count(m => m.Status == MilestoneStatus.OffTrack),
            milestones.Count(m => m.Overdue),
            next);
    }

    private static TableTransactionAction Upsert(TableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

    private async Task SubmitAsync(string kind, IEnumerable<TableTransactionAction> actions, CancellationToken ct)
    {
        var table = await storage.TableAsync(kind, ct);
        await TableBatches.SubmitAsync(table, actions, ct);
    }

    private async Task<List<T>> QueryAsync<T>(string kind, string? filter, Func<TableEntity, T> map, CancellationToken ct, IEnumerable<string>? select = null)
    {
        var table = await storage.TableAsync(kind, ct);
        var list = new List<T>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: ct))
        {
            list.Add(map(entity));
        }

        return list;
    }
}
