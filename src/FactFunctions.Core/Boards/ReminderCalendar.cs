using FactFunctions.Dates;

namespace FactFunctions.Boards;

/// <summary>Paper deadlines and reminder days, in working days of England and Wales.</summary>
public sealed class ReminderCalendar(UkWorkingDays workingDays)
{
    public DateOnly PaperDeadline(Board board, Meeting meeting) =>
        meeting.PaperDeadline ?? workingDays.WorkingDaysBefore(meeting.Date, board.Lead);

    public IReadOnlyList<(int Offset, DateOnly Date)> ReminderDays(Board board, Meeting meeting)
    {
        var deadline = PaperDeadline(board, meeting);
        return board.Offsets.Select(offset => (offset, workingDays.WorkingDaysBefore(deadline, offset))).OrderBy(x => x.Item2).ToList();
    }

    public MeetingView View(Board board, Meeting meeting)
    {
        var recipients = (board.Members ?? []).Where(m => MemberRoles.WritesPapers(m.Role)).Select(m => m.Name ?? m.Email ?? "?").ToList();
        return new MeetingView
        {
            BoardId = meeting.BoardId,
            Date = meeting.Date,
            Title = meeting.Title,
            Time = meeting.StartTime,
            ReportKind = meeting.ReportKind,
            Location = meeting.Location,
            PaperDeadline = PaperDeadline(board, meeting),
            DeadlineIsExplicit = meeting.PaperDeadline is not null,
            Reminders = ReminderDays(board, meeting).Select(r => new ScheduledReminder(r.Date, r.Offset, recipients)).ToList(),
            ETag = meeting.ETag,
        };
    }
}
