using FactFunctions.Validation;

namespace FactFunctions.Programme;

/// <summary>A risk on the programme's register: what might happen, how bad it is rated, who owns it, what is being done.</summary>
public sealed record RegisterRisk
{
    public string? Description { get; init; }

    [OneOf(typeof(RiskRating))]
    public string? Rating { get; init; }

    public string? Owner { get; init; }

    public string? Mitigation { get; init; }
}
