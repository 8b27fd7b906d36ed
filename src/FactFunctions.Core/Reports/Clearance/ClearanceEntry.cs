using FactFunctions.Validation;

namespace FactFunctions.Reports.Clearance;

/// <summary>
/// One clearer of one paper version: who they are and what they answer for (copied from the board when the version was
/// sent, so a later change to the board does not rewrite history), when they were asked, and their answer.
/// </summary>
public sealed record ClearanceEntry
{
    /// <summary>The clearer's stable key (<see cref="ClearanceService.KeyOf"/>): it names them in review links.</summary>
    public required string Clearer { get; init; }

    public string? Name { get; init; }

    /// <summary>Shown to the programme lead only.</summary>
    public string? Email { get; init; }

    public string? Role { get; init; }

    /// <summary>The sections they answer for; empty for the whole paper.</summary>
    public IReadOnlyList<string>? Sections { get; init; }

    public DateTimeOffset SentAt { get; init; }

    [OneOf(typeof(ClearanceAnswers))]
    public string? Answer { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    public string Describe() => Boards.Clearer.Describe(Sections);
}
