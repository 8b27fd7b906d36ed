namespace FactFunctions.Programme.Outcomes;

/// <summary>A meeting's outcome in an import or export document: which board's meeting, then the outcome.</summary>
public sealed record MeetingOutcomeDocument : MeetingOutcome
{
    public string? Board { get; init; }

    public DateOnly? Date { get; init; }
}
