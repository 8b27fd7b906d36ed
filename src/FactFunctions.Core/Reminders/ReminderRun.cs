using FactFunctions.Email;

namespace FactFunctions.Reminders;

public sealed record ReminderRun(DateOnly Day, bool DryRun, IReadOnlyList<ReminderOutcome> Emails);
