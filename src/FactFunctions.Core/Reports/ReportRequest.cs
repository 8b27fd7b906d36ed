using FactFunctions.Boards;

namespace FactFunctions.Reports;

public sealed record ReportRequest(string Kind, DateOnly MeetingDate, string? SnapshotId, DateOnly? ReportDate, string? CreatedBy, string? Board = null, bool IndicatorCharts = false);
