namespace FactFunctions.Reports;

public sealed record GenerationRequest(string Kind, DateOnly MeetingDate, string? SnapshotId, DateOnly? ReportDate, string? CreatedBy,
    string? Board = null, bool IndicatorCharts = false);
