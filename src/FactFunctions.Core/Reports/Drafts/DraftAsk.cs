namespace FactFunctions.Reports.Drafts;

/// <summary>A draft asked for: the paper and meeting, the board when the kind needs one, the report date, and whether to start from the previous updates.</summary>
public sealed record DraftAsk(string Kind, DateOnly MeetingDate, string? Board, DateOnly? ReportDate, bool StartFromPrevious);
