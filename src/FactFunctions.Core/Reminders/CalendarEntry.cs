using FactFunctions.Boards;

namespace FactFunctions.Reminders;

/// <summary>
/// A meeting in a calendar, with its deadlines (paper, clearance, publication) and a link (signed) to the meeting's published paper, or to the
/// papers page while none is published.
/// </summary>
public sealed record CalendarEntry(Board Board, Meeting Meeting, MeetingDeadlines Deadlines, Uri? Link = null, bool PaperPublished = false);
