namespace FactFunctions.Reports.Publication;

public sealed record PublishRequest
{
    /// <summary>Why this paper replaces the meeting's published one; required only when one is published.</summary>
    public string? Reason { get; init; }
}
