namespace FactFunctions.Reports.Drafts;

/// <summary>A region as a draft was made: its id, how its blocks are placed, and the hash of the blocks read back from the draft.</summary>
public sealed record DraftRegionState(string Id, bool Numbered, int SubheadingLevel, string Hash)
{
    /// <summary>What the draft called the region, so an answer can name it in words after it is gone.</summary>
    public string? Title { get; init; }

    /// <summary>The words an empty region shows, which read as nothing.</summary>
    public string? Placeholder { get; init; }
}
