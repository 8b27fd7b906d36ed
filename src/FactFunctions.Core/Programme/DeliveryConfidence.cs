namespace FactFunctions.Programme;

/// <summary>
/// The lead's judgement of whether a project will deliver, on the five-point scale of the government's delivery
/// confidence assessment: Green, Amber/Green, Amber, Amber/Red, Red. It sits beside the status the milestones give
/// (<see cref="ProjectRag"/>) and never replaces it; a reason is required (<see cref="ProjectFields.ConfidenceReason"/>).
/// </summary>
public static class DeliveryConfidence
{
    public const string Green = "green";
    public const string AmberGreen = "amber-green";
    public const string Amber = "amber";
    public const string AmberRed = "amber-red";
    public const string Red = "red";

    public static readonly IReadOnlyList<string> All = [Green, AmberGreen, Amber, AmberRed, Red];

    /// <summary>As a paper prints it: "Amber/Green".</summary>
    public static string Words(string confidence) => confidence switch
    {
        Green => "Green",
        AmberGreen => "Amber/Green",
        Amber => "Amber",
        AmberRed => "Amber/Red",
        Red => "Red",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Unknown delivery confidence."),
    };
}
