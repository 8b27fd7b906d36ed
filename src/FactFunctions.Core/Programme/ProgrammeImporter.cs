using FactFunctions.Boards;
using FactFunctions.Http;
using FactFunctions.Storage;
using FactFunctions.Validation;

namespace FactFunctions.Programme;

/// <summary>Validates a whole programme document before anything is written, so a bad import changes nothing.</summary>
public sealed class ProgrammeImporter(ProgrammeStore store, BoardStore boards, ImportJournal journal, Images.ImageStore images, Outcomes.OutcomeStore outcomes,
    TimeProvider time)
{
    /// <summary>
    /// Writes an already validated document: programme records, then boards and meetings, journalled so that an import
    /// cut short is known (no snapshot or paper is made until it completes) and sending it again completes it.
    /// </summary>
    /// <param name="document"></param>
    /// <param name="ct"></param>
    /// <param name="removeMilestones">Milestones to delete in the same journalled import (a workbook uploaded with removeMissing).</param>
    /// <param name="removeUpdates">Updates to delete in the same journalled import (a draft uploaded with allowDeletes).</param>
    /// <param name="projectRows">
    /// False to leave the projects' own rows as stored and write only what the document nests in them (a draft's updates:
    /// rewriting a project's fields read earlier could undo an edit made since).
    /// </param>
    /// <param name="textPrecondition">
    /// What the stored standing text must still be for the document's text to replace it (a workbook's issues and benefits
    /// merged into the text it read); otherwise <see cref="ProgrammeTextChangedException"/>, with nothing written.
    /// </param>
    public async Task<ImportResult> ImportAsync(ProgrammeDocument document, CancellationToken ct, IReadOnlyList<(string ProjectId, string MilestoneId)>? removeMilestones = null,
        Precondition textPrecondition = default, IReadOnlyList<(string ProjectId, string UpdateId)>? removeUpdates = null, bool projectRows = true)
    {
        string id = await journal.StartAsync(Count(document) + (removeMilestones?.Count ?? 0) + (removeUpdates?.Count ?? 0), ct);
        ImportResult result;
        try
        {
            result = await store.ImportAsync(document, stage => journal.ProgressAsync(id, stage, ct), ct, textPrecondition, projectRows);
        }
        catch (ProgrammeTextChangedException)
        {
            // The text is the first write: nothing was written, so this import is over rather than stopped part-way.
            await journal.CompleteAsync(id, ct);
            throw;
        }
        catch
        {
            await journal.TryMarkStoppedAsync(id);
            throw;
        }

        try
        {
            await boards.ImportAsync(document.Boards ?? [], ct);
            await journal.ProgressAsync(id, "boards", ct);
            // An action imported as done keeps the day it was first done, or is done today (as a PUT of the outcome would).
            var today = Dates.LondonTime.DateOf(time.GetUtcNow());
            foreach (var outcome in document.Outcomes ?? [])
            {
                var stored = await outcomes.GetAsync(outcome.Board!, outcome.Date!.Value, ct);
                await outcomes.PutAsync(outcome.Board!, outcome.Date!.Value, Outcomes.OutcomeHandlers.WithDoneOn(outcome, stored, today, outcome.Date!.Value),
                    Precondition.None, ct);
            }

            if (document.Outcomes is { Count: > 0 })
            {
                await journal.ProgressAsync(id, "outcomes", ct);
            }
            if (removeMilestones is { Count: > 0 })
            {
                await store.RemoveMilestonesAsync(removeMilestones, ct);
                await journal.ProgressAsync(id, "removed milestones", ct);
            }

            if (removeUpdates is { Count: > 0 })
            {
                await store.RemoveUpdatesAsync(removeUpdates, ct);
                await journal.ProgressAsync(id, "removed updates", ct);
            }

            await journal.CompleteAsync(id, ct);
        }
        catch
        {
            // Say at once that this import has stopped, so readers are told to send it again rather than to wait.
            await journal.TryMarkStoppedAsync(id);
            throw;
        }

        var boardList = document.Boards ?? [];
        return result with { Boards = boardList.Count, Meetings = boardList.Sum(b => b.Meetings?.Count ?? 0) };
    }

    private static int Count(ProgrammeDocument document)
    {
        var projects = document.Projects ?? [];
        var indicators = document.Indicators ?? [];
        var boardList = document.Boards ?? [];
        return projects.Count + projects.Sum(p => (p.Milestones?.Count ?? 0) + (p.Updates?.Count ?? 0))
            + indicators.Count + indicators.Sum(i => i.Values?.Count ?? 0)
            + boardList.Count + boardList.Sum(b => b.Meetings?.Count ?? 0) + (document.Programme is null ? 0 : 1) + (document.Outcomes?.Count ?? 0);
    }

    public async Task<ProgrammeDocument> ExportAsync(CancellationToken ct) =>
        await store.ExportAsync(ct) with { Boards = await boards.ExportAsync(ct) };

    public const int MaxRecords = 20_000;

    public async Task<ValidationErrors> ValidateAsync(ProgrammeDocument document, CancellationToken ct)
    {
        var errors = Validate(document);
        var referenced = (document.Indicators ?? [])
            .Select((indicator, index) => (indicator?.ProjectId, index))
            .Where(x => x.ProjectId is not null && Ids.IsSlug(x.ProjectId))
            .ToList();
        if (referenced.Count > 0)
        {
            var known = new HashSet<string>((document.Projects ?? []).Where(p => p?.Id is not null).Select(p => p.Id!), StringComparer.Ordinal);
            var missing = referenced.Where(x => !known.Contains(x.ProjectId!)).ToList();
            if (missing.Count > 0)
            {
                known.UnionWith(await store.ProjectIdsAsync(ct));
                foreach (var (projectId, index) in missing.Where(x => !known.Contains(x.ProjectId!)))
                {
                    errors.Add($"indicators[{index}].projectId", $"names project '{projectId}', which is neither in this document nor stored.");
                }
            }
        }

        await CheckOutcomeBoardsAsync(errors, document, ct);
        await CheckImagesAsync(errors, [.. ProgrammeValidation.AllBlocks(document), .. OutcomeBlocks(document)], ct);
        await CheckBaselinesAsync(errors, document, ct);
        await CheckTextReferencesAsync(errors, document.Programme, "programme", document, ct);
        return errors;
    }

    /// <summary>
    /// The issues log's and the benefits' projects, and the benefits' indicators, are in <paramref name="document"/> or
    /// stored (422 naming the entry otherwise), so the highlight report can show each under its project. An entry already
    /// stored as it is passes whatever was deleted since, so an export still imports after a project or indicator goes.
    /// </summary>
    public async Task CheckTextReferencesAsync(ValidationErrors errors, ProgrammeText? text, string prefix, ProgrammeDocument? document, CancellationToken ct)
    {
        if (text is null || (text.IssueLog is not { Count: > 0 } && text.Benefits is not { Count: > 0 }))
        {
            return;
        }

        var (storedText, _) = await store.GetProgrammeTextAsync(ct);
        var knownIssues = (storedText?.IssueLog ?? []).Where(i => i is not null).ToHashSet();
        var knownBenefits = (storedText?.Benefits ?? []).Where(b => b is not null).Select(b => (b.ProjectId, b.Text, string.Join(",", b.Indicators ?? [])))
            .ToHashSet();
        bool Known(ProjectBenefit b) => knownBenefits.Contains((b.ProjectId, b.Text, string.Join(",", b.Indicators ?? [])));
        if ((text.IssueLog ?? []).All(i => i is null || knownIssues.Contains(i)) && (text.Benefits ?? []).All(b => b is null || Known(b)))
        {
            return;
        }

        var stored = await store.ReadAllAsync(ct);
        var projects = new HashSet<string>(stored.Projects.Select(p => p.Id), StringComparer.Ordinal);
        projects.UnionWith((document?.Projects ?? []).Where(p => p?.Id is not null).Select(p => p.Id!));
        var indicators = new HashSet<string>(stored.Indicators.Select(i => i.Id), StringComparer.Ordinal);
        indicators.UnionWith((document?.Indicators ?? []).Where(i => i?.Id is not null).Select(i => i.Id!));
        void Project(string field, string? id)
        {
            if (id is not null && Ids.IsSlug(id) && !projects.Contains(id))
            {
                errors.Add(field, $"names project '{id}', which is neither in this document nor stored.");
            }
        }

        for (int i = 0; i < (text.IssueLog?.Count ?? 0); i++)
        {
            if (text.IssueLog![i] is { } issue && !knownIssues.Contains(issue))
            {
                Project($"{ValidationErrors.Field(prefix, "issueLog")}[{i}].projectId", issue.ProjectId);
            }
        }

        for (int i = 0; i < (text.Benefits?.Count ?? 0); i++)
        {
            if (text.Benefits![i] is not { } benefit || Known(benefit))
            {
                continue;
            }

            string item = $"{ValidationErrors.Field(prefix, "benefits")}[{i}]";
            Project($"{item}.projectId", text.Benefits![i]?.ProjectId);
            var named = text.Benefits[i]?.Indicators ?? [];
            for (int k = 0; k < named.Count; k++)
            {
                if (named[k] is { } id && Ids.IsSlug(id) && !indicators.Contains(id))
                {
                    errors.Add($"{item}.indicators[{k}]", $"names indicator '{id}', which is neither in this document nor stored.");
                }
            }
        }
    }

    /// <summary>
    /// Each outcome's board is in the document or stored, and so is its meeting, unless the outcome itself is stored (an
    /// outcome outlives its meeting, so an export still imports); a mistyped date would otherwise make a meeting that never was.
    /// </summary>
    private async Task CheckOutcomeBoardsAsync(ValidationErrors errors, ProgrammeDocument document, CancellationToken ct)
    {
        var list = document.Outcomes ?? [];
        if (list.Count == 0)
        {
            return;
        }

        var known = new HashSet<string>((document.Boards ?? []).Where(b => b?.Id is not null).Select(b => b.Id!), StringComparer.Ordinal);
        known.UnionWith((await boards.ListBoardsAsync(ct)).Select(b => b.Id));
        var meetings = (document.Boards ?? []).Where(b => b?.Id is not null)
            .SelectMany(b => (b.Meetings ?? []).Where(m => m?.Date is not null).Select(m => (b.Id!, m.Date!.Value))).ToHashSet();
        meetings.UnionWith((await boards.ListMeetingsAsync(null, ct)).Select(m => (m.BoardId, m.Date)));
        meetings.UnionWith((await outcomes.ListAsync(ct)).Select(o => (o.Board, o.Date)));
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i]?.Board is not { } board || !Ids.IsSlug(board))
            {
                continue;
            }

            if (!known.Contains(board))
            {
                errors.Add($"outcomes[{i}].board", $"names board '{board}', which is neither in this document nor stored.");
            }
            else if (list[i].Date is { } date && !meetings.Contains((board, date)))
            {
                errors.Add($"outcomes[{i}].date", $"is {date:yyyy-MM-dd}, and '{board}' has no meeting that day (in this document or stored).");
            }
        }
    }

    private static IEnumerable<(string Field, Block Block)> OutcomeBlocks(ProgrammeDocument document) =>
        (document.Outcomes ?? []).SelectMany((o, i) => o is null
            ? []
            : ProgrammeValidation.Numbered($"outcomes[{i}].resolution", o.Resolution).Concat(ProgrammeValidation.Numbered($"outcomes[{i}].discussion", o.Discussion)));

    /// <summary>No stored milestone's baseline moves by import or workbook: only a board's decision moves it (<see cref="BaselineDecision.Refusal"/>).</summary>
    private async Task CheckBaselinesAsync(ValidationErrors errors, ProgrammeDocument document, CancellationToken ct)
    {
        var projects = document.Projects ?? [];
        if (!projects.Any(p => (p?.Milestones ?? []).Any(m => m?.BaselineDue is not null)))
        {
            return;
        }

        var stored = await store.StoredBaselinesAsync(ct);
        for (int p = 0; p < projects.Count; p++)
        {
            var milestones = projects[p]?.Milestones ?? [];
            for (int m = 0; m < milestones.Count; m++)
            {
                if (projects[p]?.Id is { } projectId && milestones[m]?.Id is { } milestoneId &&
                    stored.TryGetValue((projectId, milestoneId), out string? baseline) &&
                    BaselineDecision.Refusal(milestones[m].BaselineDue, baseline, projectId, milestoneId) is { } refusal)
                {
                    errors.Add($"projects[{p}].milestones[{m}].baselineDue", refusal);
                }
            }
        }
    }

    /// <summary>
    /// A new update's block ids and <c>{ref:}</c>s checked against the whole stored programme it joins, as an import of the
    /// export would check them (<see cref="ProgrammeValidation.References"/>): a problem is named under the update's own
    /// <paramref name="field"/>. Without this one request could leave an export that no longer imports.
    /// </summary>
    public async Task CheckReferencesAsync(ValidationErrors errors, string projectId, UpdateFields update, string field, CancellationToken ct)
    {
        var stored = await store.ExportAsync(ct);

        // The update as the last block holder of the programme, so a repeated id is reported on it, not on the block it repeats.
        var holder = new ProjectDocument { Id = projectId, Updates = [new UpdateDocument { AsOf = update.AsOf, Blocks = update.Content }] };
        var joined = stored with { Projects = [.. stored.Projects ?? [], holder] };
        var found = new ValidationErrors();
        ProgrammeValidation.References(found, joined);
        string written = $"projects[{joined.Projects!.Count - 1}].updates[0].blocks";
        foreach (var (path, messages) in found.ToDictionary().Where(e => e.Key.StartsWith(written, StringComparison.Ordinal)))
        {
            foreach (string message in messages)
            {
                errors.Add(field + path[written.Length..], message);
            }
        }
    }

    /// <summary>Every image block names an image that is stored (422 naming the block's <c>imageId</c> otherwise).</summary>
    public async Task CheckImagesAsync(ValidationErrors errors, IEnumerable<(string Field, Block Block)> blocks, CancellationToken ct)
    {
        var named = blocks.Where(b => b.Block.Type == BlockTypes.Image && b.Block.ImageId is { } id && Ids.IsSlug(id)).ToList();
        var stored = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (field, block) in named)
        {
            if (!stored.TryGetValue(block.ImageId!, out bool exists))
            {
                stored[block.ImageId!] = exists = await images.ExistsAsync(block.ImageId!, ct);
            }

            if (!exists)
            {
                errors.Add(ValidationErrors.Field(field, "imageId"), $"names image '{block.ImageId}', which has not been uploaded (PUT {Routes.BasePath}/images/{block.ImageId}).");
            }
        }
    }

    /// <summary>Every rule that needs no storage: field rules, ids, and uniqueness within the document.</summary>
    public static ValidationErrors Validate(ProgrammeDocument document)
    {
        var errors = new ValidationErrors();
        if (document.Programme is { } text)
        {
            ProgrammeValidation.Text(errors, "programme", text);
        }

        var outcomeKeys = new HashSet<(string, DateOnly)>();
        Each(errors, "outcomes", document.Outcomes, (prefix, outcome, _) =>
        {
            errors.Slug(ValidationErrors.Field(prefix, "board"), outcome.Board);
            errors.Required(ValidationErrors.Field(prefix, "date"), outcome.Date);
            errors.Date(ValidationErrors.Field(prefix, "date"), outcome.Date);
            Outcomes.OutcomeValidation.Outcome(errors, prefix, outcome, outcome.Date);
            if (outcome.Board is { } board && outcome.Date is { } date && !outcomeKeys.Add((board, date)))
            {
                errors.Add(prefix, $"repeats the outcome of the meeting of '{board}' on {date:yyyy-MM-dd}.");
            }
        });

        var projects = document.Projects ?? [];
        var indicators = document.Indicators ?? [];
        int records = projects.Count + indicators.Count + (document.Boards?.Count ?? 0) + (document.Outcomes?.Count ?? 0)
            + projects.Sum(p => (p?.Milestones?.Count ?? 0) + (p?.Updates?.Count ?? 0))
            + indicators.Sum(i => i?.Values?.Count ?? 0);
        if (records > MaxRecords)
        {
            errors.Add("$", $"The document holds {records} records; at most {MaxRecords} can be imported at once.");
            return errors;
        }

        var projectIds = new HashSet<string>(StringComparer.Ordinal);
        Each(errors, "projects", projects, (prefix, project, _) =>
        {
            UniqueId(errors, prefix, project.Id, projectIds);
            ProgrammeValidation.Project(errors, prefix, project);
            var milestoneIds = new HashSet<string>(StringComparer.Ordinal);
            Each(errors, $"{prefix}.milestones", project.Milestones, (item, milestone, _) =>
            {
                UniqueId(errors, item, milestone.Id, milestoneIds);
                ProgrammeValidation.Milestone(errors, item, milestone);
            });
            var updateIds = new HashSet<string>(StringComparer.Ordinal);
            Each(errors, $"{prefix}.updates", project.Updates, (item, update, index) =>
            {
                ProgrammeValidation.Update(errors, item, update);
                if (update.Id is not null || update.AsOf is not null)
                {
                    UniqueId(errors, item, ProgrammeStore.ImportedUpdateId(update, index), updateIds);
                }
            });
        });

        var indicatorIds = new HashSet<string>(StringComparer.Ordinal);
        Each(errors, "indicators", indicators, (prefix, indicator, _) =>
        {
            UniqueId(errors, prefix, indicator.Id, indicatorIds);
            ProgrammeValidation.Indicator(errors, prefix, indicator);
            var periods = new HashSet<string>(StringComparer.Ordinal);
            Each(errors, $"{prefix}.values", indicator.Values, (item, value, _) =>
            {
                ProgrammeValidation.Period(errors, $"{item}.period", value.Period);
                if (value.Period is { } period && !periods.Add(period))
                {
                    errors.Add($"{item}.period", $"repeats period '{period}' of this indicator.");
                }

                ProgrammeValidation.IndicatorValue(errors, item, value);
            });
        });

        var boardIds = new HashSet<string>(StringComparer.Ordinal);
        Each(errors, "boards", document.Boards, (prefix, board, _) =>
        {
            UniqueId(errors, prefix, board.Id, boardIds);
            BoardValidation.Board(errors, prefix, board);
            var dates = new HashSet<DateOnly>();
            Each(errors, $"{prefix}.meetings", board.Meetings, (item, meeting, _) =>
            {
                errors.Required($"{item}.date", meeting.Date);
                if (meeting.Date is { } date && !dates.Add(date))
                {
                    errors.Add($"{item}.date", $"repeats the meeting of {date:yyyy-MM-dd}.");
                }

                BoardValidation.Meeting(errors, item, meeting, meeting.Date);
            });
        });

        ProgrammeValidation.References(errors, document);
        for (int s = 0; s < (document.Programme?.FreeSections?.Count ?? 0); s++)
        {
            if (document.Programme!.FreeSections![s]?.After is { } after && !projectIds.Contains(after))
            {
                errors.Add($"programme.freeSections[{s}].after", $"names project '{after}', which the document does not hold.");
            }
        }

        return errors;
    }

    /// <summary>Checks each item of a list of the document with its path (<c>projects[2]</c>) and index; a null item is "is required".</summary>
    private static void Each<T>(ValidationErrors errors, string path, IReadOnlyList<T>? items, Action<string, T, int> check)
        where T : class
    {
        for (int i = 0; i < (items?.Count ?? 0); i++)
        {
            string item = $"{path}[{i}]";
            if (items![i] is null)
            {
                errors.Add(item, "is required.");
                continue;
            }

            check(item, items[i], i);
        }
    }

    private static void UniqueId(ValidationErrors errors, string prefix, string? id, HashSet<string> seen)
    {
        string field = $"{prefix}.id";
        errors.Slug(field, id);
        if (id is not null && Ids.IsSlug(id) && !seen.Add(id))
        {
            errors.Add(field, $"repeats id '{id}'.");
        }
    }
}
