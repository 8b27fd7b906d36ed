namespace FactFunctions.Programme.Outcomes;

/// <summary>A stored outcome as read: its meeting, the outcome and its ETag.</summary>
public sealed record MeetingOutcomeView : MeetingOutcome
{
    public required string Board { get; init; }

    public DateOnly Date { get; init; }

    public string? ETag { get; init; }
}
