namespace FactFunctions.Programme;

/// <summary>The whole programme as read at one moment: what export, snapshots and papers are made from.</summary>
public sealed record ProgrammeState(
    ProgrammeText? Text,
    IReadOnlyList<ProjectView> Projects,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<UpdateView> Updates,
    IReadOnlyList<IndicatorView> Indicators,
    IReadOnlyList<Outcomes.MeetingOutcomeView>? Outcomes = null)
{
    /// <summary>What the boards' meetings decided and asked for, by board then date (none when not recorded).</summary>
    public IReadOnlyList<Outcomes.MeetingOutcomeView> MeetingOutcomes => Outcomes ?? [];

    /// <summary>Projects with their milestones (display order) and updates (oldest first) nested inside.</summary>
    public IReadOnlyList<ProjectView> NestedProjects()
    {
        var milestones = Milestones.ToLookup(m => m.ProjectId, StringComparer.Ordinal);
        var updates = Updates.ToLookup(u => u.ProjectId, StringComparer.Ordinal);
        return Projects.Select(p => p with
        {
            Milestones = ProgrammeStore.OrderMilestones(milestones[p.Id]),
            Updates = updates[p.Id].OrderBy(u => u.AsOf).ThenBy(u => u.Id, StringComparer.Ordinal).ToList(),
        }).ToList();
    }

    /// <summary>The state an import of <paramref name="document"/> would produce, without storage (for papers rendered from a document, tests and benchmarks).</summary>
    public static ProgrammeState FromDocument(ProgrammeDocument document, DateOnly today)
    {
        var projects = document.Projects ?? [];
        return new ProgrammeState(
            document.Programme,
            projects.Select(p => new ProjectView(p) { Id = p.Id!, Order = p.Order ?? 0 })
                .OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal).ToList(),
            projects.SelectMany(p => (p.Milestones ?? []).Select(m =>
            {
                var window = Dates.FuzzyDate.Parse(m.Due!);
                return new MilestoneView(m)
                {
                    ProjectId = p.Id!,
                    Id = m.Id!,
                    BaselineDue = m.WithBaseline(stored: null).BaselineDue,
                    Window = window,
                    Order = m.Order ?? 0,
                    Overdue = MilestoneStatus.IsOverdue(m.Status, window, today),
                };
            })).ToList(),
            projects.SelectMany(p => (p.Updates ?? []).Select((u, i) => new UpdateView
            {
                ProjectId = p.Id!,
                Id = ProgrammeStore.ImportedUpdateId(u, i),
                AsOf = u.AsOf!.Value,
                Blocks = u.Content,
                Audience = u.Audience,
            })).OrderBy(u => u.AsOf).ThenBy(u => u.Id, StringComparer.Ordinal).ToList(),
            (document.Indicators ?? []).Select(i => new IndicatorView(i)
            {
                Id = i.Id!,
                Order = i.Order ?? 0,
                Values = (i.Values ?? []).Select(v => new IndicatorValueView(v) { Period = v.Period! })
                    .OrderBy(v => v.Period, StringComparer.Ordinal).ToList(),
            }).OrderBy(i => i.Order).ThenBy(i => i.Id, StringComparer.Ordinal).ToList(),
            [.. (document.Outcomes ?? []).Select(o => new Outcomes.MeetingOutcomeView
            {
                Board = o.Board!,
                Date = o.Date!.Value,
                Resolution = o.Resolution,
                Discussion = o.Discussion,
                Actions = o.Actions,
            }).OrderBy(o => o.Board, StringComparer.Ordinal).ThenBy(o => o.Date)]);
    }

    /// <summary>Every block the programme's narrative holds: its text's sections, then its updates.</summary>
    public IEnumerable<Block> Blocks() =>
        ProgrammeValidation.TextBlocks(Text ?? new ProgrammeText()).Select(b => b.Block).Concat(Updates.SelectMany(u => u.Blocks ?? []));

    public ProgrammeDocument ToDocument() => new()
    {
        Programme = Text,
        Projects = NestedProjects().Select(p => new ProjectDocument(p)
        {
            Id = p.Id,
            Milestones = p.Milestones!.Select(m => new MilestoneDocument(m)
            {
                Id = m.Id,

                // Only when it differs: a baseline equal to the due is what an import without one gives it anyway.
                BaselineDue = m.BaselineDue == m.Due ? null : m.BaselineDue,
            }).ToList(),
            Updates = p.Updates!.Select(u => new UpdateDocument
            {
                Id = u.Id,
                AsOf = u.AsOf,
                Audience = u.Audience,
                Blocks = u.Blocks,
            }).ToList(),
        }).ToList(),
        Indicators = Indicators.Select(i => new IndicatorDocument(i)
        {
            Id = i.Id,
            Values = (i.Values ?? []).Select(v => new IndicatorValueDocument(v) { Period = v.Period }).ToList(),
        }).ToList(),
        Outcomes = MeetingOutcomes.Count == 0
            ? null
            : [.. MeetingOutcomes.Select(o => new Outcomes.MeetingOutcomeDocument
            {
                Board = o.Board,
                Date = o.Date,
                Resolution = o.Resolution,
                Discussion = o.Discussion,
                Actions = o.Actions,
            })],
    };
}
