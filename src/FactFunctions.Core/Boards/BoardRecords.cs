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

    /// <summary>Working days between the paper deadline and the clearance deadline, when the meeting names no deadline.</summary>
    public int? PaperLeadWorkingDays { get; init; }

    /// <summary>Clear days between publication and the meeting (5 in England, 3 in Wales): <see cref="Dates.UkWorkingDays.PublicationDeadline"/>.</summary>
    public int? ClearDays { get; init; }

    /// <summary>Working days between the clearance deadline and the publication deadline.</summary>
    public int? ClearanceWorkingDays { get; init; }

    /// <summary>Who clears the board's papers before they are approved.</summary>
    public IReadOnlyList<Clearer>? Clearers { get; init; }

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

    public const int DefaultClearDays = 5;

    public const int DefaultClearanceWorkingDays = 3;

    public int ClearDaysBefore => ClearDays ?? DefaultClearDays;

    public int ClearanceLead => ClearanceWorkingDays ?? DefaultClearanceWorkingDays;

    /// <summary>The clearers of a kind of paper.</summary>
    public IReadOnlyList<Clearer> ClearersOf(string kind) => [.. (Clearers ?? []).Where(c => c.Clears(kind))];

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

    /// <summary>The last day the paper can be published with the board's clear days before the meeting.</summary>
    public DateOnly PublicationDeadline { get; init; }

    /// <summary>The last day the paper's clearers can clear it in time for publication.</summary>
    public DateOnly ClearanceDeadline { get; init; }

    public required IReadOnlyList<ScheduledReminder> Reminders { get; init; }

    public string? ETag { get; init; }
}

public static class BoardValidation
{
    public static void Board(ValidationErrors errors, string prefix, BoardFields board)
    {
        errors.RequiredText(ValidationErrors.Field(prefix, "name"), board.Name, 200);
        errors.SingleLine(ValidationErrors.Field(prefix, "name"), board.Name);
        errors.NoFormatCharacters(ValidationErrors.Field(prefix, "name"), board.Name);
        errors.OneOf(ValidationErrors.Field(prefix, "kind"), board.Kind, BoardKinds.All);
        errors.OneOf(ValidationErrors.Field(prefix, "digest"), board.Digest, DigestFrequencies.All, required: false);
        errors.Range(ValidationErrors.Field(prefix, "paperLeadWorkingDays"), board.PaperLeadWorkingDays, 0, 60);
        errors.Range(ValidationErrors.Field(prefix, "clearDays"), board.ClearDays, 3, 10);
        errors.Range(ValidationErrors.Field(prefix, "clearanceWorkingDays"), board.ClearanceWorkingDays, 0, 30);
        Clearers(errors, ValidationErrors.Field(prefix, "clearers"), board.Clearers);
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

        var emails = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < members.Count; i++)
        {
            string item = $"{ValidationErrors.Field(prefix, "members")}[{i}]";
            if (members[i] is null)
            {
                errors.Add(item, "is required.");
                continue;
            }

            Person(errors, item, members[i].Name, members[i].Email, emails, "member");
            errors.OneOf($"{item}.role", members[i].Role, MemberRoles.All);
        }
    }

    /// <summary>
    /// A member's or clearer's name and address: a name on one line, a valid address, and no address that compares equal to
    /// another's (trimmed, case aside, as <see cref="Clearer.KeyOf"/> compares them).
    /// </summary>
    private static void Person(ValidationErrors errors, string item, string? name, string? email, HashSet<string> seen, string who)
    {
        errors.RequiredText($"{item}.name", name, 200);
        errors.NoFormatCharacters($"{item}.name", name);
        errors.SingleLine($"{item}.name", name);
        errors.Email($"{item}.email", email, required: true);
        if (email is not null && !seen.Add(Clearer.KeyOf(email)))
        {
            errors.Add($"{item}.email", $"repeats another {who}'s address.");
        }
    }

    /// <summary>Clearers are validated like members: a name, a unique address, a role; sections and kinds from their lists.</summary>
    private static void Clearers(ValidationErrors errors, string prefix, IReadOnlyList<Clearer>? clearers)
    {
        var list = clearers ?? [];
        if (list.Count > 20)
        {
            errors.Add(prefix, "has more than 20 clearers.");
        }

        var emails = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            string item = $"{prefix}[{i}]";
            if (list[i] is not { } clearer)
            {
                errors.Add(item, "is required.");
                continue;
            }

            Person(errors, item, clearer.Name, clearer.Email, emails, "clearer");
            errors.OneOf($"{item}.role", clearer.Role, ClearerRoles.All);

            var sections = clearer.Sections ?? [];
            if (sections.Count > 20)
            {
                errors.Add($"{item}.sections", "names more than 20 sections.");
            }

            for (int s = 0; s < sections.Count; s++)
            {
                errors.RequiredText($"{item}.sections[{s}]", sections[s], 200);
                errors.SingleLine($"{item}.sections[{s}]", sections[s]);
                errors.NoFormatCharacters($"{item}.sections[{s}]", sections[s]);
            }

            if (clearer.Role == ClearerRoles.Other && sections.Count == 0)
            {
                errors.Add($"{item}.sections", "is required for a clearer whose role is other: name the sections they answer for.");
            }

            var kinds = clearer.Kinds ?? [];
            for (int k = 0; k < kinds.Count; k++)
            {
                errors.OneOf($"{item}.kinds[{k}]", kinds[k], PaperKinds.All);
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
