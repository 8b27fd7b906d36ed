namespace FactFunctions.Programme;

/// <summary>
/// A project's RAG status, derived by one rule (<see cref="ProjectRag.For"/>) from its open milestones (neither complete
/// nor cancelled) as of a date: any off track, overdue or slipped beyond tolerance → red; otherwise any at risk → amber;
/// otherwise green. A project with no open milestone
/// has no RAG to derive, and says so. The lead may report another status with a reason (<see cref="ProjectFields.RagOverride"/>).
/// </summary>
public static class Rag
{
    public const string Red = "red";
    public const string Amber = "amber";
    public const string Green = "green";

    public static readonly IReadOnlyList<string> All = [Red, Amber, Green];

    /// <summary>The status as a paper prints it, so colour is never the only carrier of meaning.</summary>
    public static string Words(string? rag) => rag switch
    {
        null => "No open milestones",
        Red => "Red",
        Amber => "Amber",
        Green => "Green",
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown RAG status."),
    };

    /// <summary>The cell shading a paper gives the status (hex RGB, light enough for black text to keep its contrast).</summary>
    public static string Shade(string? rag) => rag switch
    {
        null => "EDEDED",
        Red => "F4B6B6",
        Amber => "FFE08A",
        Green => "B7E1BE",
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown RAG status."),
    };
}
