using FactFunctions.Boards;

namespace FactFunctions.Reports.Publication;

/// <summary>
/// The boards a paper is for, in one place: publication e-mails their members and records them on the paper
/// (<see cref="PaperMetadata.PublishedTo"/>), and a member's link (which names the board) reaches only the papers
/// published to that board (for papers published before boards were recorded, the boards this rule gives today). A
/// paper written for one board (a highlight report) is for that board when its meeting asks for it; any other is for
/// each board meeting that day that asks for its kind; when no meeting asks for it, each board of its kind (only its
/// own board, for a paper written for one).
/// </summary>
public sealed class PaperAudience(BoardStore boards, ReminderCalendar calendar)
{
    /// <summary>
    /// The deadlines of the paper's meeting for the boards it is for (or <paramref name="told"/>, once publication has
    /// chosen them): each deadline the earliest of theirs, so no board's is missed, counted from the board's meeting that
    /// day or, when none is stored, from the paper's meeting date. Null when the paper is for no board.
    /// </summary>
    public async Task<MeetingDeadlines?> DeadlinesAsync(PaperMetadata report, CancellationToken ct, IReadOnlyList<Board>? told = null)
    {
        var meetings = await boards.ListMeetingsAsync(null, ct);
        return Deadlines(report, told ?? BoardsOf(report, await boards.ListBoardsAsync(ct), meetings), meetings);
    }

    /// <summary>As <see cref="DeadlinesAsync"/>, for <paramref name="paperBoards"/> and meetings already read (one read for many papers).</summary>
    public MeetingDeadlines? Deadlines(PaperMetadata report, IReadOnlyList<Board> paperBoards, IReadOnlyList<Meeting> meetings)
    {
        var each = paperBoards.Select(b => calendar.Deadlines(b, meetings.FirstOrDefault(m => m.BoardId == b.Id && m.Date == report.MeetingDate)
            ?? new Meeting { BoardId = b.Id, Date = report.MeetingDate })).ToList();
        return each.Count == 0
            ? null
            : new MeetingDeadlines(each.Min(d => d.Paper), each.Min(d => d.Clearance), each.Min(d => d.Publication), each.Max(d => d.ClearDays));
    }

    public async Task<IReadOnlyList<Board>> BoardsOfAsync(PaperMetadata report, CancellationToken ct) =>
        BoardsOf(report, await boards.ListBoardsAsync(ct), await boards.ListMeetingsAsync(null, ct));

    /// <summary>Whether <paramref name="report"/> is for <paramref name="boardId"/>: storage is read only for a paper published before boards were recorded.</summary>
    public async Task<bool> ReachesAsync(PaperMetadata report, string boardId, CancellationToken ct) =>
        report.PublishedTo is { } told ? told.Contains(boardId, StringComparer.Ordinal) : (await ForBoardAsync(boardId, ct))(report);

    /// <summary>A test of "is this paper for <paramref name="boardId"/>", reading the boards and meetings once.</summary>
    public async Task<Func<PaperMetadata, bool>> ForBoardAsync(string boardId, CancellationToken ct)
    {
        var all = await boards.ListBoardsAsync(ct);
        var meetings = await boards.ListMeetingsAsync(null, ct);
        return report => report.PublishedTo is { } told ? told.Contains(boardId, StringComparer.Ordinal) : BoardsOf(report, all, meetings).Any(b => b.Id == boardId);
    }

    public static IReadOnlyList<Board> BoardsOf(PaperMetadata report, IReadOnlyList<Board> all, IReadOnlyList<Meeting> meetings)
    {
        var asking = meetings.Where(m => m.Date == report.MeetingDate && m.ReportKind == report.Kind && (report.BoardId is null || m.BoardId == report.BoardId))
            .Select(m => m.BoardId).ToHashSet(StringComparer.Ordinal);
        var chosen = all.Where(b => asking.Contains(b.Id)).ToList();
        return chosen.Count > 0 ? chosen : all.Where(b => b.Kind == report.Kind && (report.BoardId is null || b.Id == report.BoardId)).ToList();
    }
}
