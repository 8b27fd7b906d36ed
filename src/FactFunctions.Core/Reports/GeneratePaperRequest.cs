using FactFunctions.Boards;
using FactFunctions.Validation;

namespace FactFunctions.Reports;

public sealed record GeneratePaperRequest
{
    [OneOf(typeof(PaperKinds))]
    public string? Kind { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public string? SnapshotId { get; init; }

    public DateOnly? ReportDate { get; init; }

    /// <summary>
    /// The board the paper is for (a board id), for a kind written for one board of several (highlight); needed only
    /// when more than one board's meeting that day asks for it.
    /// </summary>
    public string? Board { get; init; }

    /// <summary>Select Committee paper only: chart each indicator with two or more periods under its project.</summary>
    public bool? IndicatorCharts { get; init; }
}
