namespace FactFunctions.Reports.Word;

/// <summary>A relationship the paper adds to its main document part.</summary>
public sealed record PaperRelationship(string Id, string Type, string Target, bool External);
