namespace FactFunctions.Programme;

/// <summary>How a risk on the register is rated (likelihood and impact together), as the register says it.</summary>
public static class RiskRating
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static readonly IReadOnlyList<string> All = [High, Medium, Low];
}
