namespace FactFunctions.Programme;

/// <summary>A board's decision to move a milestone's baseline: the new baseline, the board and meeting that agreed it, and why.</summary>
public sealed record RebaselineRequest
{
    /// <summary>The new baseline, in the forms a due date takes ("March 2023", "Spring term 2023").</summary>
    public string? BaselineDue { get; init; }

    /// <summary>The board that agreed it (its id).</summary>
    public string? Board { get; init; }

    /// <summary>The date of the board's meeting that agreed it (a meeting of that board on record).</summary>
    public DateOnly? MeetingDate { get; init; }

    public string? Reason { get; init; }
}
