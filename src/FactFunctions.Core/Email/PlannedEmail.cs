namespace FactFunctions.Email;

public sealed record PlannedEmail(ReminderLogEntry Entry, EmailMessage Message);
