using FactFunctions.Programme;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// A project's slide: its aim, what changed since the last update, its key figures, its next steps, and the indicator
/// it charts (none when no indicator has two periods). Each list is already cut to what a slide read across a room holds.
/// </summary>
public sealed record ProjectSlide(string Title, string? Aim, IReadOnlyList<string> Changes, IReadOnlyList<string> Figures, IReadOnlyList<string> NextSteps, IndicatorView? Chart)
{
    /// <summary>The heading over the changes: "Since the last update" or, for a first update, what the lines are.</summary>
    public string ChangesHeading { get; init; } = "Since the last update";
}
