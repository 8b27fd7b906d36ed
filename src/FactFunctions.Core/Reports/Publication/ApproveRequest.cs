namespace FactFunctions.Reports.Publication;

public sealed record ApproveRequest
{
    /// <summary>Why the paper is approved without every clearance; required only when a clearer has not cleared it. Recorded and shown.</summary>
    public string? OverrideReason { get; init; }
}
