namespace FactFunctions.Reports.Publication;

public sealed record PublishRequest
{
    /// <summary>Why this paper replaces the meeting's published one; required only when one is published.</summary>
    public string? Reason { get; init; }

    /// <summary>Why the paper is published after its publication deadline (a late item); required only then.</summary>
    public string? LateReason { get; init; }
}
