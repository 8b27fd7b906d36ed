namespace FactFunctions.Reports.Word;

/// <summary>A line of a draft's text outside its regions, with the title of the locked control it is in, when it is in one.</summary>
public sealed record DraftLine(string Text, string? Locked);
