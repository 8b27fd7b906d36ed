namespace FactFunctions.Reminders;

public sealed record DigestGroup(string Project, IReadOnlyList<string> Lines);
