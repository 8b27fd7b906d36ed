using FactFunctions.Validation;

namespace FactFunctions.Programme;

/// <summary>
/// An entry of the issues log: something that has happened to a project (unlike a risk, which might), who owns it and
/// what is being done. Kept with the programme's standing text (<see cref="ProgrammeText.IssueLog"/>).
/// </summary>
public sealed record ProgrammeIssue
{
    public string? ProjectId { get; init; }

    public string? Description { get; init; }

    /// <summary>When it was raised.</summary>
    public DateOnly? Raised { get; init; }

    public string? Owner { get; init; }

    public string? Action { get; init; }

    [OneOf(typeof(IssueStatus))]
    public string? Status { get; init; }
}
