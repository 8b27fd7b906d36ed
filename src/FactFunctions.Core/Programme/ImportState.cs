namespace FactFunctions.Programme;

/// <summary>The journal's state: the import under way or cut short (if any), and the last import started.</summary>
public sealed record ImportState(IncompleteImport? Incomplete, string? LastStarted);
