namespace FactFunctions.Reports.Drafts;

/// <summary>
/// One region an upload changed: its id, what the draft called it, and in words what happened ("Family Help, update for
/// 6 June 2023: added, 3 paragraphs, 1 bulleted list, 1 image").
/// </summary>
public sealed record DraftChange(string Region, string Title, string Action, string Summary);
