using FactFunctions.Validation;

namespace FactFunctions.Boards;

public static class BoardKinds
{
    public static readonly IReadOnlyList<string> All = ["operational-board", "executive-board", "select-committee", "schools-forum"];
}

public static class MemberRoles
{
    public const string ProgrammeLead = "programme-lead";
    public const string Author = "author";

    public static readonly IReadOnlyList<string> All = ["chair", "member", "officer", Author, ProgrammeLead];

    /// <summary>Deadline reminders go to whoever writes the paper.</summary>
    public static bool WritesPapers(string? role) => role is Author or ProgrammeLead;
}

public static class DigestFrequencies
{
    public const string Weekly = "weekly";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [Weekly, None];
}

public sealed record Member
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    [OneOf(typeof(MemberRoles))]
    public string? Role { get; init; }
}

public record BoardFields
{
    public string? Name { get; init; }

    [OneOf(typeof(BoardKinds))]
    public string? Kind { get; init; }

    public IReadOnlyList<Member>? Members { get; init; }

    /// <summary>Working days before the paper deadline on which reminders go out.</summary>
    public IReadOnlyList<int>? ReminderOffsets { get; init; }

    /// <summary>Working days between the paper deadline and the meeting, when the meeting names no deadline.</summary>
    public int? PaperLeadWorkingDays { get; init; }

    [OneOf(typeof(DigestFrequencies))]
    public string? Digest { get; init; }
}

public record MeetingFields
{
    public string? Title { get; init; }

    /// <summary>London wall-clock start, for the calendar entry; 10:00 when not given.</summary>
    public TimeOnly? Time { get; init; }

    public DateOnly? PaperDeadline { get; init; }

    [OneOf(typeof(PaperKinds))]
    public string? ReportKind { get; init; }

    /// <summary>Where the meeting is held, for the calendar entry (a room, or "Online").</summary>
    public string? Location { get; init; }
}

public sealed record BoardDocument : BoardFields
{
    public string? Id { get; init; }

    public IReadOnlyList<MeetingDocument>? Meetings { get; init; }
}

public sealed record MeetingDocument : MeetingFields
{
    public DateOnly? Date { get; init; }
}

public sealed record Board : BoardFields
{
    public required string Id { get; init; }

    public string? ETag { get; init; }

    public static readonly IReadOnlyList<int> DefaultOffsets = [10, 5, 1];

    public const int DefaultLead = 5;

    public IReadOnlyList<int> Offsets => ReminderOffsets is { Count: > 0 } offsets ? offsets : DefaultOffsets;

    public int Lead => PaperLeadWorkingDays ?? DefaultLead;
}

public sealed record Meeting : MeetingFields
{
    public required string BoardId { get; init; }

    public DateOnly Date { get; init; }

    public string? ETag { get; init; }

    public static readonly TimeOnly DefaultTime = new(10, 0);

    public TimeOnly StartTime => Time ?? DefaultTime;
}

public sealed record ScheduledReminder(DateOnly Date, int WorkingDaysBeforeDeadline, IReadOnlyList<string> Recipients);

public sealed record MeetingView
{
    public required string BoardId { get; init; }

    public DateOnly Date { get; init; }

    public string? Title { get; init; }

    public TimeOnly Time { get; init; }

    [OneOf(typeof(PaperKinds))]
    public string? ReportKind { get; init; }

    public string? Location { get; init; }

    public DateOnly PaperDeadline { get; init; }

    public bool DeadlineIsExplicit { get; init; }

    public required IReadOnlyList<ScheduledReminder> Reminders { get; init; }

    public string? ETag { get; init; }
}

public static class BoardValidation
{
    public static void Board(ValidationErrors errors, string prefix, BoardFields board)
    {
        errors.RequiredText(ValidationErrors.Field(prefix, "name"), board.Name, 200);
        errors.OneOf(ValidationErrors.Field(prefix, "kind"), board.Kind, BoardKinds.All);
        errors.OneOf(ValidationErrors.Field(prefix, "digest"), board.Digest, DigestFrequencies.All, required: false);
        errors.Range(ValidationErrors.Field(prefix, "paperLeadWorkingDays"), board.PaperLeadWorkingDays, 0, 60);
        var offsets = board.ReminderOffsets ?? [];
        if (offsets.Count > 10)
        {
            errors.Add(ValidationErrors.Field(prefix, "reminderOffsets"), "has more than 10 entries.");
        }

        for (int i = 0; i < offsets.Count; i++)
        {
            errors.Range($"{ValidationErrors.Field(prefix, "reminderOffsets")}[{i}]", offsets[i], 0, 60);
        }

        if (offsets.Distinct().Count() != offsets.Count)
        {
            errors.Add(ValidationErrors.Field(prefix, "reminderOffsets"), "repeats an offset.");
        }

        var members = board.Members ?? [];
        if (members.Count > 200)
        {
            errors.Add(ValidationErrors.Field(prefix, "members"), "has more than 200 members.");
        }

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < members.Count; i++)
        {
            string item = $"{ValidationErrors.Field(prefix, "members")}[{i}]";
            if (members[i] is null)
            {
                errors.Add(item, "is required.");
                continue;
            }

            errors.RequiredText($"{item}.name", members[i].Name, 200);
            errors.NoFormatCharacters($"{item}.name", members[i].Name);
            errors.SingleLine($"{item}.name", members[i].Name);
            errors.Email($"{item}.email", members[i].Email, required: true);
            errors.OneOf($"{item}.role", members[i].Role, MemberRoles.All);
            if (members[i].Email is { } email && !emails.Add(email))
            {
                errors.Add($"{item}.email", "repeats another member's address.");
            }
        }
    }

    public static void Meeting(ValidationErrors errors, string prefix, MeetingFields meeting, DateOnly? date)
    {
        errors.RequiredText(ValidationErrors.Field(prefix, "title"), meeting.Title, 200);
        errors.Text(ValidationErrors.Field(prefix, "location"), meeting.Location, 200);
        errors.OneOf(ValidationErrors.Field(prefix, "reportKind"), meeting.ReportKind, PaperKinds.All, required: false);
        errors.Date(ValidationErrors.Field(prefix, "date"), date);
        errors.Date(ValidationErrors.Field(prefix, "paperDeadline"), meeting.PaperDeadline);
        if (meeting.PaperDeadline is { } deadline && date is { } day && deadline > day)
        {
            errors.Add(ValidationErrors.Field(prefix, "paperDeadline"), "is after the meeting.");
        }
    }
}
