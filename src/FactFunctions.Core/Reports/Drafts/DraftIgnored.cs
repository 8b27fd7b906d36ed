namespace FactFunctions.Reports.Drafts;

/// <summary>Something in an upload that was not applied: where it is, why, and the words concerned (shortened).</summary>
public sealed record DraftIgnored(string Where, string Why, string? Text);
