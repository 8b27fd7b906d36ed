namespace FactFunctions.Reports.Drafts;

/// <summary>
/// What an uploaded draft changed: one entry per region changed, and one per thing not applied (edits outside the
/// regions you write in, comments). <see cref="Applied"/> is false for a dry run and when nothing changed.
/// </summary>
public sealed record DraftResult(bool DryRun, bool Applied, int Regions, int Unchanged, IReadOnlyList<DraftChange> Changes, IReadOnlyList<DraftIgnored> Ignored);
