namespace FactFunctions.Reports.Papers;

/// <summary>
/// A paper made as a draft to write in (<c>GET /api/drafts/{kind}/{meetingDate}</c>): whether a project without an update
/// for the meeting starts from its previous update's words, and the day after which an update counts as written for
/// this meeting (the board's previous paper or meeting; none: every update the paper prints).
/// </summary>
public sealed record DraftSettings(bool StartFromPrevious, DateOnly? UpdatesSince);
