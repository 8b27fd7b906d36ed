using FactFunctions.Boards;
using FactFunctions.Reports.Clearance;
using FactFunctions.Reports.Publication;
using FactFunctions.Validation;

namespace FactFunctions.Reports;

/// <summary>A generated paper: what it was made from, and where it is in its life (<see cref="PaperStatus"/>).</summary>
public sealed record PaperMetadata
{
    public required string Id { get; init; }

    [OneOf(typeof(PaperKinds))]
    public required string Kind { get; init; }

    public DateOnly MeetingDate { get; init; }

    public DateOnly ReportDate { get; init; }

    public required string SnapshotId { get; init; }

    public required string TemplateVersion { get; init; }

    public long Size { get; init; }

    public required string Sha256 { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public string? PreviousReportId { get; init; }

    /// <summary>The board the paper was written for, when its kind is written for one board of several (the highlight report).</summary>
    public string? BoardId { get; init; }

    public string? BoardName { get; init; }

    /// <summary>Whether the request asked for indicator charts (an option of the Select Committee paper; the highlight report always has them).</summary>
    public bool IndicatorCharts { get; init; }

    /// <summary>draft, in-clearance, cleared, returned, approved, published or superseded.</summary>
    [OneOf(typeof(PaperStatus))]
    public string Status { get; init; } = PaperStatus.Draft;

    /// <summary>Who was asked to clear this version, and what each answered (<see cref="ClearanceEntry"/>).</summary>
    public IReadOnlyList<ClearanceEntry>? Clearance { get; init; }

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>Why the lead approved it without every clearance, when they did.</summary>
    public string? ApprovalOverride { get; init; }

    /// <summary>Why it was published after its publication deadline (a late item), when it was.</summary>
    public string? LateReason { get; init; }

    /// <summary>
    /// The boards the paper was published to (their members were e-mailed), fixed at publication: a member's link from
    /// one of them reaches it, whatever later happens to the meetings.
    /// </summary>
    public IReadOnlyList<string>? PublishedTo { get; init; }

    public string? PublishedBy { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The paper this one replaced as the meeting's published paper, and why.</summary>
    public string? Supersedes { get; init; }

    public string? SupersedeReason { get; init; }

    /// <summary>The paper that replaced this one, and when.</summary>
    public string? SupersededBy { get; init; }

    public DateTimeOffset? SupersededAt { get; init; }

    /// <summary>What the paper is made as (its kind's format): a Word document or a deck.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public PaperFormat Format => Papers.PaperDefinitions.Get(Kind).Format;

    /// <summary>The file's name, with the extension of what the kind is made as (.docx, .pptx).</summary>
    public string FileName => $"FACT-{Kind}-{MeetingDate:yyyy-MM-dd}.{Format.Extension}";

    /// <summary>The media type of the file.</summary>
    public string ContentType => Format.ContentType;
}
