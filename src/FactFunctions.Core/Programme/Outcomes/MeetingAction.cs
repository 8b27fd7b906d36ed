using FactFunctions.Validation;

namespace FactFunctions.Programme.Outcomes;

/// <summary>
/// A commitment made at a board meeting ("the results would be circulated across the County"): what, who owns it, when it
/// is due (as people write it), where it stands, and the meeting it is to be reported back to.
/// </summary>
public sealed record MeetingAction
{
    public string? Id { get; init; }

    public string? Text { get; init; }

    /// <summary>The owner's name.</summary>
    public string? Owner { get; init; }

    /// <summary>Where the owner's reminders go; optional, shown to the programme lead only.</summary>
    public string? OwnerEmail { get; init; }

    /// <summary>When it is due, in the forms a milestone's due date takes ("March 2024", "Spring 2025").</summary>
    public string? Due { get; init; }

    [OneOf(typeof(ActionStatus))]
    public string? Status { get; init; }

    public string? Note { get; init; }

    /// <summary>The meeting of the same board it is to be reported back to, when one was named.</summary>
    public DateOnly? ReportBackTo { get; init; }

    /// <summary>The London day it was marked done: kept once set, so a paper can show a done action once, after it was done.</summary>
    public DateOnly? DoneOn { get; init; }
}
