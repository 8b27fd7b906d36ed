using FactFunctions.Snapshots;

namespace FactFunctions.Reports.Papers;

/// <summary>Everything one paper is composed from: its kind and meeting, the frozen programme, what came before.</summary>
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

    /// <summary>The board whose meeting the paper is for, when its kind is written for one board of several (the highlight report).</summary>
    public PaperBoard? Board { get; init; }

    /// <summary>
    /// The boards whose meeting that day the paper is for, with their previous meetings: the actions of their earlier
    /// meetings are carried to it (<see cref="Programme.Outcomes.CarriedActions"/>).
    /// </summary>
    public IReadOnlyList<PaperBoard> ActionBoards { get; init; } = [];

    /// <summary>Whether the Select Committee paper charts each indicator with two or more periods under its project.</summary>
    public bool IndicatorCharts { get; init; }

    /// <summary>Set when the paper is made as a draft to write in, with its regions marked; null for a paper.</summary>
    public DraftSettings? Draft { get; init; }

    /// <summary>The stored images the snapshot's image blocks show, by id.</summary>
    public IReadOnlyDictionary<string, Images.StoredImage> Images { get; init; } = new Dictionary<string, Images.StoredImage>();
}
