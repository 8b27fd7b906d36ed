namespace FactFunctions.Reports.Clearance;

/// <summary>What a clearer answers: the paper is cleared for the sections they answer for, or returned with a comment.</summary>
public static class ClearanceAnswers
{
    public const string Cleared = "cleared";
    public const string Returned = "returned";

    /// <summary>The actions of the review page's two forms, each with its own token.</summary>
    public const string ClearAction = "clear";
    public const string ReturnAction = "return";

    public static readonly IReadOnlyList<string> All = [Cleared, Returned];

    public static readonly IReadOnlyList<string> Actions = [ClearAction, ReturnAction];

    public static string AnswerOf(string action) => action switch
    {
        ClearAction => Cleared,
        ReturnAction => Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown clearance action."),
    };
}
