using FactFunctions.Http;

namespace FactFunctions.Reports;

public sealed record GenerateReportRequest
{
    [OneOf(typeof(PaperKinds))]
    public string? Kind { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public string? SnapshotId { get; init; }

    public DateOnly? ReportDate { get; init; }
}
