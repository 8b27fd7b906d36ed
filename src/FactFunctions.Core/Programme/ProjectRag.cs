namespace FactFunctions.Programme;

/// <summary>
/// A project's RAG status as of a date, by the one rule of <see cref="Rag"/>: from its open milestones (neither complete
/// nor cancelled), any off track, overdue (<see cref="MilestoneStatus.IsOverdue"/>) or slipped beyond the schedule
/// tolerance (an exception: <see cref="Slippage.MonthsOver"/>) → red, else any at risk → amber, else green; no open
/// milestone → none. The lead's override, with its reason, is kept beside the derived status.
/// </summary>
public sealed record ProjectRag(string? Derived, int Open, int OffTrack, int Overdue, int AtRisk, string? Override, string? Reason)
{
    /// <summary>Open milestones slipped beyond <see cref="ToleranceMonths"/>: exceptions the board must act on.</summary>
    public IReadOnlyList<(Slippage Slippage, int MonthsOver)> Exceptions { get; init; } = [];

    /// <summary>The schedule tolerance the rule used: the project's own, else the programme's default; null for none.</summary>
    public int? ToleranceMonths { get; init; }

    /// <summary>The status the paper reports: the lead's override when given, otherwise the derived one.</summary>
    public string? Reported => Override ?? Derived;

    /// <param name="project">The project, with its own tolerance if it has one.</param>
    /// <param name="milestones">Its milestones.</param>
    /// <param name="asOf">The date of the report.</param>
    /// <param name="defaultToleranceMonths">The programme's schedule tolerance, for a project without its own.</param>
    public static ProjectRag For(ProjectView project, IEnumerable<MilestoneView> milestones, DateOnly asOf, int? defaultToleranceMonths = null)
    {
        var open = milestones.Where(m => !MilestoneStatus.IsClosed(m.Status)).ToList();
        int? tolerance = project.ToleranceMonths ?? defaultToleranceMonths;
        var exceptions = open.Select(Slippage.Of).OfType<Slippage>()
            .Select(s => (Slippage: s, Over: s.MonthsOver(tolerance)))
            .Where(e => e.Over is not null)
            .Select(e => (e.Slippage, e.Over!.Value))
            .ToList();
        int offTrack = open.Count(m => m.Status == MilestoneStatus.OffTrack);
        int overdue = open.Count(m => MilestoneStatus.IsOverdue(m.Status, m.Window, asOf));
        int atRisk = open.Count(m => m.Status == MilestoneStatus.AtRisk);
        string? derived = open.Count == 0 ? null
            : offTrack > 0 || overdue > 0 || exceptions.Count > 0 ? Rag.Red
            : atRisk > 0 ? Rag.Amber
            : Rag.Green;
        return new ProjectRag(derived, open.Count, offTrack, overdue, atRisk, project.RagOverride, project.RagReason)
        {
            Exceptions = exceptions,
            ToleranceMonths = tolerance,
        };
    }

    /// <summary>Why the rule gave what it gave, in words: "2 milestones off track and 1 overdue" or "all 4 open milestones on track or planned".</summary>
    public string Why()
    {
        if (Open == 0)
        {
            return "no open milestones";
        }

        var reasons = new List<string>();
        if (OffTrack > 0)
        {
            reasons.Add($"{Count(OffTrack)} off track");
        }

        if (Overdue > 0)
        {
            reasons.Add($"{Count(Overdue)} overdue");
        }

        if (Exceptions.Count > 0)
        {
            reasons.Add($"{Count(Exceptions.Count)} slipped beyond the {Slippage.MonthWords(ToleranceMonths ?? 0)} tolerance");
        }

        if (Derived == Rag.Amber)
        {
            reasons.Add($"{Count(AtRisk)} at risk");
        }

        // At risk is only a reason when nothing is off track, overdue or beyond tolerance.
        return reasons.Count == 0
            ? Open == 1 ? "its open milestone is on track or planned" : $"all {Open} open milestones on track or planned"
            : string.Join(" and ", reasons);
    }

    /// <summary>The status summary's words: the reported status, and with an override the derived one and the reason.</summary>
    public string Summary()
    {
        string derived = Derived is null ? Rag.Words(Derived) : $"{Rag.Words(Derived)} ({Why()})";
        return Override is null
            ? derived
            : $"{Rag.Words(Override)}, as reported by the programme lead: {Sentence(Reason)} Derived from the milestones: {derived}.";
    }

    /// <summary>A reason as a sentence: trimmed, ending with a full stop; "no reason given." when there is none.</summary>
    public static string Sentence(string? text) => string.IsNullOrWhiteSpace(text) ? "no reason given." : text.TrimEnd().EndsWith('.') ? text.Trim() : text.Trim() + ".";

    private static string Count(int n) => n == 1 ? "1 milestone" : $"{n} milestones";
}
