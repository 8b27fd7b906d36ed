namespace FactFunctions.Boards;

/// <summary>A meeting's three deadlines, latest last: the paper written, the paper cleared, the paper published.</summary>
public sealed record MeetingDeadlines(DateOnly Paper, DateOnly Clearance, DateOnly Publication, int ClearDays);
