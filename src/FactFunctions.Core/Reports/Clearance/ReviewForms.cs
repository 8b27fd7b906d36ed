namespace FactFunctions.Reports.Clearance;

/// <summary>What the review page's two forms post: to <paramref name="Action"/>, each with its own token for its button.</summary>
public sealed record ReviewForms(string Action, string Expires, string ClearToken, string ReturnToken);
