using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Email;
using FactFunctions.Programme.Outcomes;

namespace FactFunctions.Reminders;

/// <summary>
/// Reminders to the owners of open actions a board recorded: from <see cref="LeadWorkingDays"/> working days before the
/// end of the action's due window (its last day still on time) to that day, once (the sent-log key is the meeting,
/// the action, the end of its due window and the owner). Pure, so the rule is testable without storage.
/// </summary>
public static class ActionReminders
{
    public const int LeadWorkingDays = 5;

    public static IReadOnlyList<PlannedEmail> Plan(DateOnly day, IReadOnlyList<MeetingOutcomeView> outcomes, IReadOnlyDictionary<string, Board> boards,
        ReminderCalendar calendar)
    {
        var planned = new List<PlannedEmail>();
        foreach (var outcome in outcomes.Where(o => boards.ContainsKey(o.Board)))
        {
            var board = boards[outcome.Board];
            foreach (var action in outcome.Actions ?? [])
            {
                if (action.Status != ActionStatus.Open || action.OwnerEmail is null || !FuzzyDate.TryParse(action.Due, out var window) ||
                    day > window.Latest || day < calendar.WorkingDaysBefore(window.Latest, LeadWorkingDays))
                {
                    continue;
                }

                var owner = new Member { Name = action.Owner, Email = action.OwnerEmail };
                var message = EmailComposer.ActionReminder(board, outcome.Date, action, owner);
                // The due date is part of the key: an action given a later date is reminded again before that one.
                string scope = $"{board.Id}/{outcome.Date:yyyy-MM-dd}/{action.Id}/{window.Latest:yyyy-MM-dd}";
                planned.Add(EmailDelivery.Plan("action", board.Id, scope, day, owner, message));
            }
        }

        return planned;
    }
}
