using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Email;
using FactFunctions.Http;
using FactFunctions.Links;
using FactFunctions.Programme;
using FactFunctions.Snapshots;

namespace FactFunctions.Reminders;

/// <summary>
/// Runs the reminders of a day (deadline reminders, digests, clearers' reminders before a clearance deadline, and action
/// owners' before an action falls due): plan,
/// then deliver each email once (<see cref="EmailDelivery"/>).
/// </summary>
public sealed class ReminderService(
    BoardStore boards,
    ProgrammeStore programme,
    SnapshotStore snapshots,
    ReminderPlanner planner,
    EmailDelivery delivery,
    SignedLinks links,
    Reports.Clearance.ClearanceService clearance,
    ReminderCalendar calendar)
{
    public async Task<ReminderRun> RunAsync(DateTimeOffset asOf, bool dryRun, CancellationToken ct)
    {
        var day = LondonTime.DateOf(asOf);
        var boardList = await boards.ListBoardsAsync(ct);
        var meetings = await boards.ListMeetingsAsync(null, ct);
        var state = await programme.ReadAllAsync(ct);
        var lastWeek = day.DayOfWeek == DayOfWeek.Monday ? (await snapshots.GetAsync(SnapshotStore.DailyId(day.AddDays(-7)), ct))?.State : null;
        var plan = planner.Plan(day, boardList, meetings, state, lastWeek,
            board => links.Absolute($"{Routes.BasePath}/{Routes.Papers}", scope: LinkScope.Member(board)).ToString())
            .Concat(await clearance.PlanRemindersAsync(day, ct))
            .Concat(ActionReminders.Plan(day, state.MeetingOutcomes, boardList.ToDictionary(b => b.Id, StringComparer.Ordinal), calendar))
            .ToList();
        return new ReminderRun(day, dryRun, dryRun ? plan.Select(p => EmailDelivery.Outcome(p, "would-send")).ToList() : await delivery.DeliverAsync(plan, ct));
    }
}
