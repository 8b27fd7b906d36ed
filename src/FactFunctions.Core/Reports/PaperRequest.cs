using FactFunctions.Snapshots;

namespace FactFunctions.Reports;

/// <summary>The earlier paper of the same kind, whose meeting the new one reports "since".</summary>
public sealed record PaperRequest
{
    public required string Kind { get; init; }

    public required DateOnly MeetingDate { get; init; }

    public required ProgrammeSnapshot Snapshot { get; init; }

    /// <summary>The date printed as "Date of report"; the snapshot's date unless the lead says otherwise.</summary>
    public DateOnly? ReportDate { get; init; }

    public PreviousPaper? Previous { get; init; }

    public SnapshotChanges? Changes { get; init; }

    public int LookAheadMonths { get; init; } = 24;

    /// <summary>The stored images the snapshot's image blocks show, by id.</summary>
    public IReadOnlyDictionary<string, Images.StoredImage> Images { get; init; } = new Dictionary<string, Images.StoredImage>();
}
