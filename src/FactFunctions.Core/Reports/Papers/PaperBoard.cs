namespace FactFunctions.Reports.Papers;

/// <summary>
/// The board a paper is for, with its meetings either side of this one: where a highlight report's period starts
/// (when the board has no earlier highlight report) and what "due before the next meeting" runs to.
/// </summary>
public sealed record PaperBoard(string Id, string Name, DateOnly? PreviousMeeting, DateOnly? NextMeeting);
