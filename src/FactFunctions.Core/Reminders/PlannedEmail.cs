namespace FactFunctions.Reminders;

public sealed record PlannedEmail(ReminderLogEntry Entry, EmailMessage Message);
