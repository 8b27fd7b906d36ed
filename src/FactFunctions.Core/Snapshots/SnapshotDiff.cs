using FactFunctions.Programme;

namespace FactFunctions.Snapshots;

public static class ChangeKinds
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Redated = "redated";
    public const string StatusChanged = "status-changed";
    public const string Changed = "changed";
    public const string ConfidenceChanged = "confidence-changed";
    public const string IssueRaised = "issue-raised";
    public const string IssueClosed = "issue-closed";
    public const string BenefitAdded = "benefit-added";
    public const string BenefitRemoved = "benefit-removed";
    public const string ActionAdded = "action-added";
    public const string ActionStatusChanged = "action-status-changed";
    public const string ActionRemoved = "action-removed";
}

public sealed record MilestoneChange
{
    public required string Kind { get; init; }

    public required string ProjectId { get; init; }

    public string? ProjectName { get; init; }

    public required string MilestoneId { get; init; }

    public string? Activity { get; init; }

    public string? OldDue { get; init; }

    public string? NewDue { get; init; }

    public string? OldStatus { get; init; }

    public string? NewStatus { get; init; }

    public required string Description { get; init; }
}

public sealed record IndicatorValueChange
{
    public required string Kind { get; init; }

    public required string IndicatorId { get; init; }

    public string? IndicatorName { get; init; }

    public required string Period { get; init; }

    public IndicatorValueFields? Old { get; init; }

    public IndicatorValueFields? New { get; init; }

    public required string Description { get; init; }
}

public sealed record ProjectChange(string Kind, string ProjectId, string? Name, string Description);

/// <summary>What changed between two snapshots, in records and in the words a paper's changes annex prints.</summary>
public sealed record SnapshotChanges
{
    public required string Since { get; init; }

    public required string Snapshot { get; init; }

    public DateTimeOffset SinceTakenAt { get; init; }

    public DateTimeOffset SnapshotTakenAt { get; init; }

    public required IReadOnlyList<ProjectChange> Projects { get; init; }

    public required IReadOnlyList<MilestoneChange> Milestones { get; init; }

    public required IReadOnlyList<IndicatorValueChange> IndicatorValues { get; init; }

    /// <summary>Actions boards recorded that were added, changed status or were removed.</summary>
    public IReadOnlyList<ActionChange> Actions { get; init; } = [];

    public bool IsEmpty => Projects.Count == 0 && Milestones.Count == 0 && IndicatorValues.Count == 0 && Actions.Count == 0;

    public IEnumerable<string> Summary() =>
        Projects.Select(p => p.Description).Concat(Milestones.Select(m => m.Description)).Concat(IndicatorValues.Select(v => v.Description))
            .Concat(Actions.Select(a => a.Description));
}

public static class SnapshotDiff
{
    /// <param name="since">The earlier snapshot.</param>
    /// <param name="snapshot">The later one.</param>
    /// <param name="boardNames">Boards' names by id, so actions name their board as people do (the id otherwise).</param>
    public static SnapshotChanges Compare(ProgrammeSnapshot since, ProgrammeSnapshot snapshot, IReadOnlyDictionary<string, string>? boardNames = null)
    {
        var oldProjects = since.State.Projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var newProjects = snapshot.State.Projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        string ProjectName(string id) => newProjects.GetValueOrDefault(id)?.Name ?? oldProjects.GetValueOrDefault(id)?.Name ?? id;

        var projects = new List<ProjectChange>();
        foreach (var added in snapshot.State.Projects.Where(p => !oldProjects.ContainsKey(p.Id)))
        {
            projects.Add(new ProjectChange(ChangeKinds.Added, added.Id, added.Name, $"New project: {added.Name}."));
        }

        foreach (var removed in since.State.Projects.Where(p => !newProjects.ContainsKey(p.Id)))
        {
            projects.Add(new ProjectChange(ChangeKinds.Removed, removed.Id, removed.Name, $"Project removed: {removed.Name}."));
        }

        foreach (var project in snapshot.State.Projects.Where(p => oldProjects.TryGetValue(p.Id, out var old) && old.Status != p.Status))
        {
            projects.Add(new ProjectChange(ChangeKinds.StatusChanged, project.Id, project.Name,
                $"{project.Name} is now {ProjectStatus.Words(project.Status)} (was {ProjectStatus.Words(oldProjects[project.Id].Status)})."));
        }

        // The lead's delivery confidence is kept with its history: each snapshot holds it, and each change is told here.
        foreach (var project in snapshot.State.Projects.Where(p => oldProjects.TryGetValue(p.Id, out var old) &&
            (old.Confidence != p.Confidence || (p.Confidence is not null && old.ConfidenceReason != p.ConfidenceReason))))
        {
            string? was = oldProjects[project.Id].Confidence;
            string now = project.Confidence is { } c ? $"{DeliveryConfidence.Words(c)} ({project.ConfidenceReason?.Trim()})" : "no longer given";
            projects.Add(new ProjectChange(ChangeKinds.ConfidenceChanged, project.Id, project.Name,
                $"{project.Name}: delivery confidence {now}{(was is null ? "" : was == project.Confidence ? ", reason changed" : $"; was {DeliveryConfidence.Words(was)}")}."));
        }

        // The issues log and the benefits, entries known by project and words.
        var oldIssues = (since.State.Text?.IssueLog ?? []).GroupBy(i => (i.ProjectId, i.Description)).ToDictionary(g => g.Key, g => g.First());
        foreach (var issue in snapshot.State.Text?.IssueLog ?? [])
        {
            var old = oldIssues.GetValueOrDefault((issue.ProjectId, issue.Description));
            string id = issue.ProjectId ?? string.Empty, name = ProjectName(id);
            if (old is null && issue.Status == IssueStatus.Open)
            {
                projects.Add(new ProjectChange(ChangeKinds.IssueRaised, id, name, $"New issue on {name}: {issue.Description}"));
            }
            else if (issue.Status == IssueStatus.Closed && old?.Status != IssueStatus.Closed)
            {
                projects.Add(new ProjectChange(ChangeKinds.IssueClosed, id, name, $"Issue closed on {name}: {issue.Description}"));
            }
        }

        var oldBenefits = (since.State.Text?.Benefits ?? []).Select(b => (ProjectId: b.ProjectId ?? string.Empty, b.Text)).ToHashSet();
        var newBenefits = (snapshot.State.Text?.Benefits ?? []).Select(b => (ProjectId: b.ProjectId ?? string.Empty, b.Text)).ToHashSet();
        foreach (var (projectId, text) in newBenefits.Where(b => !oldBenefits.Contains(b)))
        {
            projects.Add(new ProjectChange(ChangeKinds.BenefitAdded, projectId, ProjectName(projectId), $"New benefit for {ProjectName(projectId)}: {text}"));
        }

        foreach (var (projectId, text) in oldBenefits.Where(b => !newBenefits.Contains(b)))
        {
            projects.Add(new ProjectChange(ChangeKinds.BenefitRemoved, projectId, ProjectName(projectId),
                $"Benefit no longer recorded for {ProjectName(projectId)}: {text}"));
        }

        static string Key(MilestoneView m) => $"{m.ProjectId}|{m.Id}";
        var oldMilestones = since.State.Milestones.ToDictionary(Key, StringComparer.Ordinal);
        var newMilestones = snapshot.State.Milestones.ToDictionary(Key, StringComparer.Ordinal);
        var milestones = new List<MilestoneChange>();
        foreach (var m in OrderForReading(snapshot.State.Milestones, newProjects))
        {
            string name = ProjectName(m.ProjectId);
            if (!oldMilestones.TryGetValue(Key(m), out var old))
            {
                milestones.Add(Change(ChangeKinds.Added, m, name, null, m, $"{name}: “{m.Activity}” added, due {m.Due}."));
                continue;
            }

            if (!string.Equals(old.Due, m.Due, StringComparison.Ordinal))
            {
                milestones.Add(Change(ChangeKinds.Redated, m, name, old, m, $"{name}: “{m.Activity}” re-dated from {old.Due} to {m.Due}."));
            }

            if (!string.Equals(old.Status, m.Status, StringComparison.Ordinal))
            {
                milestones.Add(Change(ChangeKinds.StatusChanged, m, name, old, m, $"{name}: “{m.Activity}” is now {MilestoneStatus
                    .Words(m.Status)} (was {MilestoneStatus.Words(old.Status)})."));
            }
        }

        foreach (var m in OrderForReading(since.State.Milestones, oldProjects).Where(m => !newMilestones.ContainsKey(Key(m))))
        {
            string name = ProjectName(m.ProjectId);
            milestones.Add(Change(ChangeKinds.Removed, m, name, m, null, $"{name}: “{m.Activity}” (due {m.Due}) removed."));
        }

        return new SnapshotChanges
        {
            Since = since.Header.Id,
            Snapshot = snapshot.Header.Id,
            SinceTakenAt = since.Header.TakenAt,
            SnapshotTakenAt = snapshot.Header.TakenAt,
            Projects = projects,
            Milestones = milestones,
            IndicatorValues = CompareValues(since.State.Indicators, snapshot.State.Indicators),
            Actions = CompareActions(since.State.MeetingOutcomes, snapshot.State.MeetingOutcomes, boardNames ?? new Dictionary<string, string>()),
        };
    }

    /// <summary>"Action “…” (Schools Forum, 8 December 2022) done." and the like, by meeting then action.</summary>
    private static List<ActionChange> CompareActions(IReadOnlyList<Programme.Outcomes.MeetingOutcomeView> before,
        IReadOnlyList<Programme.Outcomes.MeetingOutcomeView> after, IReadOnlyDictionary<string, string> boardNames)
    {
        static Dictionary<(string, DateOnly, string), Programme.Outcomes.MeetingAction> Flatten(IReadOnlyList<Programme.Outcomes.MeetingOutcomeView> outcomes) =>
            outcomes.SelectMany(o => (o.Actions ?? []).Where(a => a.Id is not null).Select(a => (Key: (o.Board, o.Date, a.Id!), Action: a)))
                .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Action);

        string Named((string Board, DateOnly Date, string Id) key, Programme.Outcomes.MeetingAction action) =>
            $"Action “{action.Text}” ({boardNames.GetValueOrDefault(key.Board) ?? key.Board}, " +
            $"{key.Date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)})";

        var old = Flatten(before);
        var now = Flatten(after);
        var changes = new List<ActionChange>();
        foreach (var (key, action) in now.OrderBy(x => x.Key.Item1, StringComparer.Ordinal).ThenBy(x => x.Key.Item2).ThenBy(x => x.Key.Item3, StringComparer.Ordinal))
        {
            if (!old.TryGetValue(key, out var was))
            {
                changes.Add(new ActionChange(ChangeKinds.ActionAdded, key.Item1, key.Item2, key.Item3, action.Status,
                    $"{Named(key, action)} recorded for {action.Owner}, due {action.Due}."));
            }
            else if (was.Status != action.Status)
            {
                changes.Add(new ActionChange(ChangeKinds.ActionStatusChanged, key.Item1, key.Item2, key.Item3, action.Status, action.Status switch
                {
                    Programme.Outcomes.ActionStatus.Done => $"{Named(key, action)} done.",
                    Programme.Outcomes.ActionStatus.Dropped => $"{Named(key, action)} dropped.",
                    _ => $"{Named(key, action)} reopened.",
                }));
            }
        }

        foreach (var (key, action) in old.Where(x => !now.ContainsKey(x.Key)))
        {
            changes.Add(new ActionChange(ChangeKinds.ActionRemoved, key.Item1, key.Item2, key.Item3, null, $"{Named(key, action)} removed."));
        }

        return changes;
    }

    private static List<IndicatorValueChange> CompareValues(IReadOnlyList<IndicatorView> before, IReadOnlyList<IndicatorView> after)
    {
        static IEnumerable<(string Key, IndicatorView Indicator, IndicatorValueView Value)> Flatten(IReadOnlyList<IndicatorView> indicators) =>
            indicators.SelectMany(i => (i.Values ?? []).Select(v => ($"{i.Id}|{v.Period}", i, v)));

        var old = Flatten(before).ToDictionary(x => x.Key, StringComparer.Ordinal);
        var current = Flatten(after).ToDictionary(x => x.Key, StringComparer.Ordinal);
        var changes = new List<IndicatorValueChange>();
        foreach (var (key, indicator, value) in Flatten(after))
        {
            string name = Name(indicator);
            if (!old.TryGetValue(key, out var previous))
            {
                changes.Add(ValueChange(ChangeKinds.Added, indicator, value.Period, null, value, $"{name}, {value.Period}: {IndicatorWording.Figure(value)} recorded."));
            }
            else if (!SameFigures(previous.Value, value))
            {
                changes.Add(ValueChange(ChangeKinds.Changed, indicator, value.Period, previous.Value, value,
                    $"{name}, {value.Period}: {IndicatorWording.Figure(previous.Value)} → {IndicatorWording.Figure(value)}."));
            }
        }

        foreach (var (key, indicator, value) in Flatten(before).Where(x => !current.ContainsKey(x.Key)))
        {
            changes.Add(ValueChange(ChangeKinds.Removed, indicator, value.Period, value, null, $"{Name(indicator)}, {value.Period}: figure removed."));
        }

        return changes;
    }

    private static IEnumerable<MilestoneView> OrderForReading(IEnumerable<MilestoneView> milestones, IReadOnlyDictionary<string, ProjectView> projects) =>
        milestones
            .OrderBy(m => projects.GetValueOrDefault(m.ProjectId)?.Order ?? int.MaxValue)
            .ThenBy(m => m.ProjectId, StringComparer.Ordinal)
            .ThenBy(m => m.Order)
            .ThenBy(m => m.Id, StringComparer.Ordinal);

    private static MilestoneChange Change(string kind, MilestoneView m, string projectName, MilestoneView? old, MilestoneView? current, string description) => new()
    {
        Kind = kind,
        ProjectId = m.ProjectId,
        ProjectName = projectName,
        MilestoneId = m.Id,
        Activity = m.Activity,
        OldDue = old?.Due,
        NewDue = current?.Due,
        OldStatus = old?.Status,
        NewStatus = current?.Status,
        Description = description,
    };

    private static IndicatorValueChange ValueChange(string kind, IndicatorView indicator, string period, IndicatorValueView? old,
        IndicatorValueView? current, string description) => new()
        {
            Kind = kind,
            IndicatorId = indicator.Id,
            IndicatorName = indicator.Name,
            Period = period,
            Old = old?.Figures(),
            New = current?.Figures(),
            Description = description,
        };

    private static bool SameFigures(IndicatorValueView a, IndicatorValueView b) => a.Figures() == b.Figures();

    private static string Name(IndicatorView indicator) =>
        string.IsNullOrEmpty(indicator.Category) ? indicator.Name ?? indicator.Id : $"{indicator.Category} – {indicator.Name}";

}
