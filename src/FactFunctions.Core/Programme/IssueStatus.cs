namespace FactFunctions.Programme;

/// <summary>Where an issue in the issues log stands: open until its action has dealt with it.</summary>
public static class IssueStatus
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Open, Closed];
}
