namespace FactFunctions.Programme;

/// <summary>
/// The one rule for which milestones a paper (and the reminder e-mail about it) shows: every milestone not cancelled
/// whose window meets the look-ahead (from the first day of the month before the meeting to
/// <c>lookAheadMonths</c> after it), and every open milestone whose window ended before the paper's date, marked
/// overdue; an overdue milestone is never dropped. Grouped by project in project order, each group in window order.
/// </summary>
public static class KeyMilestones
{
    /// <summary>
    /// From the first day of the month before the meeting (a paper is written a few weeks ahead, and lists what falls due
    /// from then) to <paramref name="lookAheadMonths"/> after the meeting. The seed paper's last row falls 20 months after
    /// its meeting, so 18 months would be too short a default.
    /// </summary>
    public static (DateOnly From, DateOnly To) Window(DateOnly meeting, int lookAheadMonths) =>
        (new DateOnly(meeting.Year, meeting.Month, 1).AddMonths(-1), meeting.AddMonths(lookAheadMonths));

    public static IReadOnlyList<(ProjectView Project, IReadOnlyList<KeyMilestoneRow> Rows)> For(ProgrammeState state, DateOnly meeting, DateOnly asOf, int lookAheadMonths)
    {
        var (from, to) = Window(meeting, lookAheadMonths);
        var byProject = state.Milestones
            .Where(m => m.Status != MilestoneStatus.Cancelled && (m.Window.Overlaps(from, to) || MilestoneStatus.IsOverdue(m.Status, m.Window, asOf)))
            .ToLookup(m => m.ProjectId, StringComparer.Ordinal);
        return state.Projects
            .Where(p => byProject[p.Id].Any())
            .Select(p => (p, (IReadOnlyList<KeyMilestoneRow>)byProject[p.Id]
                .OrderBy(m => m.Window.Earliest).ThenBy(m => m.Order).ThenBy(m => m.Window.Latest).ThenBy(m => m.Id, StringComparer.Ordinal)
                .Select(m => new KeyMilestoneRow(m, MilestoneStatus.IsOverdue(m.Status, m.Window, asOf)))
                .ToList()))
            .ToList();
    }
}
