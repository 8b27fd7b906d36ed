using FactFunctions.Dates;

namespace FactFunctions.Boards;

/// <summary>
/// A meeting's deadlines, in working days of England and Wales, each counted back from the one after it: the publication
/// deadline leaves the board's clear days before the meeting; the clearance deadline is the board's clearance working
/// days before that; the paper deadline (unless the meeting names one) the board's lead working days before that.
/// </summary>
public sealed class ReminderCalendar(UkWorkingDays workingDays)
{
    public DateOnly PublicationDeadline(Board board, Meeting meeting) => workingDays.PublicationDeadline(meeting.Date, board.ClearDaysBefore);

    public DateOnly ClearanceDeadline(Board board, Meeting meeting) => workingDays.WorkingDaysBefore(PublicationDeadline(board, meeting), board.ClearanceLead);

    public DateOnly PaperDeadline(Board board, Meeting meeting) =>
        meeting.PaperDeadline ?? workingDays.WorkingDaysBefore(ClearanceDeadline(board, meeting), board.Lead);

    public DateOnly WorkingDaysBefore(DateOnly date, int count) => workingDays.WorkingDaysBefore(date, count);

    public MeetingDeadlines Deadlines(Board board, Meeting meeting) =>
        new(PaperDeadline(board, meeting), ClearanceDeadline(board, meeting), PublicationDeadline(board, meeting), board.ClearDaysBefore);

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
            PublicationDeadline = PublicationDeadline(board, meeting),
            ClearanceDeadline = ClearanceDeadline(board, meeting),
            Reminders = ReminderDays(board, meeting).Select(r => new ScheduledReminder(r.Date, r.Offset, recipients)).ToList(),
            ETag = meeting.ETag,
        };
    }
}
