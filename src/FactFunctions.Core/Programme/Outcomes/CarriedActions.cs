using FactFunctions.Dates;

namespace FactFunctions.Programme.Outcomes;

/// <summary>
/// Which actions a board's next paper carries, in one place for every paper: each open action of the board's earlier
/// meetings (overdue first, then by when it is due), and each action done since the board's previous meeting, once, in
/// the first paper after it was done. Dropped actions are not carried.
/// </summary>
public static class CarriedActions
{
    /// <param name="outcomes">The outcomes the paper's snapshot holds.</param>
    /// <param name="board">The board the paper is for.</param>
    /// <param name="meeting">The meeting the paper is for.</param>
    /// <param name="previousMeeting">The board's meeting before it, if any: actions done after it are shown done.</param>
    /// <param name="asOf">The day the paper is as of: an open action whose due window ended before it is overdue.</param>
    public static IReadOnlyList<CarriedAction> For(IReadOnlyList<MeetingOutcomeView> outcomes, string board, DateOnly meeting, DateOnly? previousMeeting,
        DateOnly asOf)
    {
        var carried = new List<CarriedAction>();
        foreach (var outcome in outcomes.Where(o => o.Board == board && o.Date < meeting))
        {
            foreach (var action in outcome.Actions ?? [])
            {
                bool open = action.Status == ActionStatus.Open;
                bool doneSince = action.Status == ActionStatus.Done && action.DoneOn is { } done && done <= meeting &&
                    (previousMeeting is not { } previous || done > previous);
                if (open || doneSince)
                {
                    carried.Add(new CarriedAction(board, outcome.Date, action, open && Due(action) is { } window && window.Latest < asOf));
                }
            }
        }

        return
        [
            .. carried.OrderBy(c => c.Overdue ? 0 : c.Action.Status == ActionStatus.Open ? 1 : 2)
                .ThenBy(c => Due(c.Action)?.Latest ?? DateOnly.MaxValue)
                .ThenBy(c => c.Meeting)
                .ThenBy(c => c.Action.Id, StringComparer.Ordinal),
        ];
    }

    /// <summary>The open actions among <paramref name="carried"/> due (their window starting) on or before <paramref name="until"/>.</summary>
    public static IReadOnlyList<CarriedAction> DueBy(IReadOnlyList<CarriedAction> carried, DateOnly until) =>
        [.. carried.Where(c => c.Action.Status == ActionStatus.Open && Due(c.Action) is { } window && window.Earliest <= until)];

    private static MilestoneWindow? Due(MeetingAction action) => FuzzyDate.TryParse(action.Due, out var window) ? window : null;
}
