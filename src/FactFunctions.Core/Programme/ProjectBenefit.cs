namespace FactFunctions.Programme;

/// <summary>
/// An outcome a project is meant to bring about, and the indicators that measure it (their ids), so the highlight
/// report can show each benefit with the trend of its measures. Kept with the standing text (<see cref="ProgrammeText.Benefits"/>).
/// </summary>
public sealed record ProjectBenefit
{
    public string? ProjectId { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<string>? Indicators { get; init; }
}
