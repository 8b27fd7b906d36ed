using FactFunctions.Reports.Papers;

namespace FactFunctions.Reports.Publication;

/// <summary>
/// The meeting a paper is for, as publication counts it: one paper of record per kind and date, and per board for a
/// kind written for one board of several (two boards meeting on one day each publish their own highlight report).
/// </summary>
public sealed record PaperMeeting(string Kind, DateOnly MeetingDate, string? BoardId)
{
    public static PaperMeeting Of(PaperMetadata report) => new(report.Kind, report.MeetingDate, report.BoardId);

    /// <summary>The paper a board's meeting asks for, as its paper of record is keyed.</summary>
    public static PaperMeeting For(string kind, DateOnly date, string boardId) => new(kind, date, PaperDefinitions.Get(kind).ForOneBoard ? boardId : null);
}
