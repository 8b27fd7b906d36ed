using Azure;

namespace FactFunctions.Reports.Publication;

/// <summary>The published paper of a meeting (for one kind), the one it replaced and why; the ETag guards the next change.</summary>
public sealed record PaperOfRecord(string ReportId, string? Replaced, string? Reason, ETag ETag);
