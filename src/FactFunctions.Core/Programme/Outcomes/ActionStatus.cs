namespace FactFunctions.Programme.Outcomes;

/// <summary>Where an action a board recorded stands: open until it is done, or dropped by the board.</summary>
public static class ActionStatus
{
    public const string Open = "open";
    public const string Done = "done";
    public const string Dropped = "dropped";

    public static readonly IReadOnlyList<string> All = [Open, Done, Dropped];
}
