namespace FactFunctions.Reports.Clearance;

/// <summary>What a review page's form posts (application/x-www-form-urlencoded): the action, its token and expiry, and a comment.</summary>
public sealed record ReviewAnswer
{
    /// <summary><c>clear</c> or <c>return</c>.</summary>
    public string? Action { get; init; }

    public string? Token { get; init; }

    /// <summary>The expiry (Unix seconds) the token was signed with: the review link's.</summary>
    public string? Expires { get; init; }

    /// <summary>Required to return a paper: what needs to change.</summary>
    public string? Comment { get; init; }
}
