using System.Globalization;

namespace FactFunctions.Programme.Workbook;

/// <summary>What an upload does to one kind of record. <c>NotInWorkbook</c> lists stored records the workbook lacks (kept).</summary>
public sealed record RecordChanges(int Added, int Changed, int Unchanged, int Removed, IReadOnlyList<string> NotInWorkbook);

/// <summary>The answer to a workbook upload: what was (or, for a dry run, would be) added, changed and removed.</summary>
/// <remarks>
/// Issues are matched by project and description and benefits by project and text, so an edited action or status is
/// "changed"; the sheets are the whole lists, so a row deleted there is "removed" whatever <c>removeMissing</c> says.
/// </remarks>
public sealed record WorkbookResult(bool DryRun, bool RemoveMissing, RecordChanges Projects, RecordChanges Milestones, RecordChanges Indicators, RecordChanges IndicatorValues,
    RecordChanges Issues, RecordChanges Benefits)
{
    /// <summary>Actions of board meetings, matched by board, meeting and id; the sheet is the whole list, so a deleted row is removed.</summary>
    public RecordChanges Actions { get; init; } = new(0, 0, 0, 0, []);

    public bool Changed => Projects.Added + Projects.Changed + Milestones.Added + Milestones.Changed + Milestones.Removed + Indicators.Added + Indicators.Changed +
        IndicatorValues.Added + IndicatorValues.Changed + Issues.Added + Issues.Changed + Issues.Removed + Benefits.Added + Benefits.Changed + Benefits.Removed +
        Actions.Added + Actions.Changed + Actions.Removed > 0;
}

/// <summary>
/// Compares an uploaded workbook's records with the stored programme, field by field as the import would write them
/// (an empty cell and a missing value are the same; an empty order is 0), so an unchanged workbook reports no change.
/// </summary>
public static class WorkbookChanges
{
    public static (WorkbookResult Result, IReadOnlyList<(string ProjectId, string MilestoneId)> Removals) Compare(
        ProgrammeDocument stored, WorkbookUpload workbook, bool dryRun, bool removeMissing)
    {
        var upload = workbook.Document;
        var projects = Count(Projects(stored), Projects(upload), removed: false);
        var storedMilestones = Milestones(stored);

        // An empty baseline keeps the stored one (or, for a new milestone, takes its due), as the import writes it.
        var baselines = (stored.Projects ?? []).SelectMany(p => (p.Milestones ?? []).Select(m => (Key: $"{p.Id}/{m.Id}", m.BaselineDue)))
            .ToDictionary(x => x.Key, x => x.BaselineDue, StringComparer.Ordinal);
        var uploadMilestones = Milestones(upload, baselines);
        var milestones = Count(storedMilestones, uploadMilestones, removeMissing);
        var removals = removeMissing
            ? storedMilestones.Keys.Where(k => !uploadMilestones.ContainsKey(k)).Select(k => (k[..k.IndexOf('/')], k[(k.IndexOf('/') + 1)..])).ToList()
            : [];
        var indicators = Count(Indicators(stored), Indicators(upload), removed: false);
        var values = Count(IndicatorValues(stored), IndicatorValues(upload), removed: false);

        var issues = Count(Listed(stored.Programme?.IssueLog, IssueKey), Listed(workbook.IssueLog, IssueKey), removed: true);
        var benefits = Count(Listed(stored.Programme?.Benefits, BenefitKey), Listed(workbook.Benefits, BenefitKey), removed: true);
        var actions = Count(Keyed(ActionKeys(stored.Outcomes ?? [])), Keyed(ActionKeys(workbook.Actions)), removed: true);
        return (new WorkbookResult(dryRun, removeMissing, projects, milestones, indicators, values, issues, benefits) { Actions = actions }, removals);
    }

    /// <summary>Whether the workbook's actions are the stored ones, meeting by meeting and in the same order (the day done aside).</summary>
    public static bool SameActions(IReadOnlyList<Outcomes.MeetingOutcome> stored, WorkbookUpload workbook)
    {
        static Dictionary<string, string> ByMeeting(IEnumerable<(string Id, string Fields)> keys) =>
            keys.GroupBy(k => k.Id[..k.Id.LastIndexOf('\u001f')], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Join('\u001e', g.Select(k => k.Fields)), StringComparer.Ordinal);

        var before = ByMeeting(ActionKeys(stored.OfType<Outcomes.MeetingOutcomeDocument>()));
        var after = ByMeeting(ActionKeys(workbook.Actions));
        return before.Count == after.Count && before.All(b => after.TryGetValue(b.Key, out var a) && a == b.Value);
    }

    private static IEnumerable<(string Id, string Fields)> ActionKeys(IEnumerable<Outcomes.MeetingOutcomeDocument> outcomes) =>
        outcomes.SelectMany(o => (o.Actions ?? []).Where(a => a is not null).Select(a => (
            Join([o.Board, o.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Id]),
            Join([a.Text, a.Owner, a.OwnerEmail, a.Due, a.Status, a.Note, a.ReportBackTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]))));

    /// <summary>Whether the workbook's issues log and benefits are the stored ones, in the same order.</summary>
    public static bool SameText(ProgrammeText? stored, WorkbookUpload workbook) =>
        (stored?.IssueLog ?? []).Select(i => IssueKey(i).Fields).SequenceEqual(workbook.IssueLog.Select(i => IssueKey(i).Fields), StringComparer.Ordinal) &&
        (stored?.Benefits ?? []).Select(b => BenefitKey(b).Fields).SequenceEqual(workbook.Benefits.Select(b => BenefitKey(b).Fields), StringComparer.Ordinal);

    private static (string Id, string Fields) IssueKey(ProgrammeIssue i) =>
        (Join([i.ProjectId, i.Description]), Join([i.ProjectId, i.Description, i.Raised?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Owner, i.Action, i.Status]));

    private static (string Id, string Fields) BenefitKey(ProjectBenefit b) =>
        (Join([b.ProjectId, b.Text]), Join([b.ProjectId, b.Text, string.Join(",", b.Indicators ?? [])]));

    /// <summary>A list's entries by their identity; a repeated identity is told apart by its place among its repeats.</summary>
    private static Dictionary<string, string> Listed<T>(IReadOnlyList<T>? items, Func<T, (string Id, string Fields)> key)
        where T : class =>
        Keyed((items ?? []).Where(i => i is not null).Select(key).GroupBy(k => k.Id, StringComparer.Ordinal)
            .SelectMany(g => g.Select((k, n) => ($"{k.Id}\u001e{n}", k.Fields))));

    // Each kind of record by its id (milestones and values within their project or indicator), with its fields as a key.
    private static Dictionary<string, string> Projects(ProgrammeDocument document) =>
        Keyed((document.Projects ?? []).Select(p => (p.Id!, Key(p))));

    private static Dictionary<string, string> Milestones(ProgrammeDocument document, IReadOnlyDictionary<string, string?>? baselines = null) =>
        Keyed((document.Projects ?? []).SelectMany(p => (p.Milestones ?? []).Select(m =>
        {
            string id = $"{p.Id}/{m.Id}";
            return (id, Key(m.WithBaseline(baselines?.GetValueOrDefault(id))));
        })));

    private static Dictionary<string, string> Indicators(ProgrammeDocument document) =>
        Keyed((document.Indicators ?? []).Select(i => (i.Id!, Key(i))));

    private static Dictionary<string, string> IndicatorValues(ProgrammeDocument document) =>
        Keyed((document.Indicators ?? []).SelectMany(i => (i.Values ?? []).Select(v => ($"{i.Id}/{v.Period}", Key(v)))));

    private static Dictionary<string, string> Keyed(IEnumerable<(string Id, string Fields)> records) =>
        records.ToDictionary(r => r.Id, r => r.Fields, StringComparer.Ordinal);

    private static RecordChanges Count(Dictionary<string, string> stored, Dictionary<string, string> upload, bool removed)
    {
        int added = 0, changed = 0, unchanged = 0;
        foreach (var (id, key) in upload)
        {
            if (!stored.TryGetValue(id, out var before))
            {
                added++;
            }
            else if (before == key)
            {
                unchanged++;
            }
            else
            {
                changed++;
            }
        }

        var missing = stored.Keys.Where(id => !upload.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        return removed ? new RecordChanges(added, changed, unchanged, missing.Count, []) : new RecordChanges(added, changed, unchanged, 0, missing);
    }

    private static string Key(ProjectFields p) => Join(ProjectFields.Described.Compared(p));

    private static string Key(MilestoneFields m) => Join(MilestoneFields.Described.Compared(m));

    private static string Key(IndicatorFields i) => Join(IndicatorFields.Described.Compared(i));

    private static string Key(IndicatorValueFields v) => Join(IndicatorValueFields.Described.Compared(v));

    private static string Join(IEnumerable<string?> fields) => string.Join('\u001f', fields.Select(f => string.IsNullOrEmpty(f) ? string.Empty : f));
}
