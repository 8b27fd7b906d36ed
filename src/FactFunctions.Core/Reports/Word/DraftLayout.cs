namespace FactFunctions.Reports.Word;

/// <summary>
/// A paper being made as a draft to write in (<see cref="PaperPackage.Draft"/>): which regions it holds, in the order
/// written, and the titles of the controls it locks. A paper made without one is the paper, byte for byte.
/// </summary>
public sealed class DraftLayout(bool startFromPrevious, Func<string, string?> lockTitle)
{
    private readonly List<DraftRegion> regions = [];

    /// <summary>Whether a project without an update for the meeting starts from its previous update's words instead of a placeholder.</summary>
    public bool StartFromPrevious => startFromPrevious;

    public IReadOnlyList<DraftRegion> Regions => regions;

    /// <summary>The title of the locked control a template control's value is put in (where that value is changed); null when it is not locked.</summary>
    public string? LockTitle(string tag) => lockTitle(tag);

    public void Add(DraftRegion region)
    {
        if (regions.Any(r => r.Id == region.Id))
        {
            throw new InvalidOperationException($"The draft already has a region '{region.Id}'.");
        }

        regions.Add(region);
    }
}
