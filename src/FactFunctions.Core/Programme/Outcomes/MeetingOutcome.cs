namespace FactFunctions.Programme.Outcomes;

/// <summary>What a board meeting decided and asked for: its resolution, the discussion, and the actions it recorded.</summary>
public record MeetingOutcome
{
    /// <summary>"The Schools Forum noted the update."</summary>
    public IReadOnlyList<Block>? Resolution { get; init; }

    /// <summary>The questions asked and the answers given, as the minutes record them.</summary>
    public IReadOnlyList<Block>? Discussion { get; init; }

    public IReadOnlyList<MeetingAction>? Actions { get; init; }
}
