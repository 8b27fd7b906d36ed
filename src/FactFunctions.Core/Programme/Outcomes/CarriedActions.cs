using FactFunctions.Dates;

namespace FactFunctions.Programme.Outcomes;

/// <summary>
/// Which actions a board's next paper carries, in one place for every paper: each open action of the board's earlier
/// meetings (overdue first, then by when it is due), and each action done since the last paper, once, in the first paper
/// after it was done: done now and not done in the last paper's snapshot (the rule the snapshot diff uses), or, when
/// there is no earlier paper to compare with, done after the board's previous meeting. Dropped actions are not carried.
/// </summary>
public static class CarriedActions
{
    /// <param name="outcomes">The outcomes the paper's snapshot holds.</param>
    /// <param name="board">The board the paper is for.</param>
    /// <param name="meeting">The meeting the paper is for.</param>
    /// <param name="previousMeeting">The board's meeting before it, if any: with no earlier paper, actions done after it are shown done.</param>
    /// <param name="asOf">The day the paper is as of: an open action whose due window ended before it is overdue.</param>
    /// <param name="previousPaper">The outcomes the board's last paper was made from, when it had one and its snapshot is kept.</param>
    public static IReadOnlyList<CarriedAction> For(IReadOnlyList<MeetingOutcomeView> outcomes, string board, DateOnly meeting, DateOnly? previousMeeting,
        DateOnly asOf, IReadOnlyList<MeetingOutcomeView>? previousPaper = null)
    {
        var doneBefore = previousPaper?.Where(o => o.Board == board)
            .SelectMany(o => (o.Actions ?? []).Where(a => a.Status == ActionStatus.Done && a.Id is not null).Select(a => (o.Date, a.Id!)))
            .ToHashSet();
        var carried = new List<CarriedAction>();
        foreach (var outcome in outcomes.Where(o => o.Board == board && o.Date < meeting))
        {
            foreach (var action in outcome.Actions ?? [])
            {
                bool open = action.Status == ActionStatus.Open;
                bool doneSince = action.Status == ActionStatus.Done && (doneBefore is not null
                    ? !doneBefore.Contains((outcome.Date, action.Id ?? string.Empty))
                    : action.DoneOn is { } done && done <= meeting && (previousMeeting is not { } previous || done > previous));
                if (open || doneSince)
                {
                    carried.Add(new CarriedAction(board, outcome.Date, action, open && Due(action) is { } window && window.EndsBefore(asOf)));
                }
            }
        }

        return Ordered(carried);
    }

    /// <summary>
    /// The open actions among <paramref name="carried"/> not yet overdue and due (their window starting) on or before
    /// <paramref name="until"/>, as the highlight report lists milestones due before the next meeting.
    /// </summary>
    public static IReadOnlyList<CarriedAction> DueBy(IReadOnlyList<CarriedAction> carried, DateOnly until) =>
        [.. carried.Where(c => c.Action.Status == ActionStatus.Open && !c.Overdue && Due(c.Action) is { } window && window.Earliest <= until)];

    /// <summary>
    /// Overdue first, then open, then done; each by when it is due, then by meeting, then as the meeting recorded them (the
    /// sort is stable: ids are not compared, so "a10" does not come before "a2").
    /// </summary>
    public static IReadOnlyList<CarriedAction> Ordered(IEnumerable<CarriedAction> carried) =>
        [
            .. carried.OrderBy(c => c.Overdue ? 0 : c.Action.Status == ActionStatus.Open ? 1 : 2)
                .ThenBy(c => Due(c.Action)?.Latest ?? DateOnly.MaxValue)
                .ThenBy(c => c.Meeting)
                .ThenBy(c => c.Board, StringComparer.Ordinal),
        ];

    private static MilestoneWindow? Due(MeetingAction action) => FuzzyDate.TryParse(action.Due, out var window) ? window : null;
}
