namespace FactFunctions.Reports.Drafts;

/// <summary>A region as a draft was made: its id, how its blocks are placed, and the hash of the blocks read back from the draft.</summary>
public sealed record DraftRegionState(string Id, bool Numbered, int SubheadingLevel, string Hash);
