using FactFunctions.Programme;

namespace FactFunctions.Reports.Papers;

/// <summary>The earlier paper of the same kind, whose meeting the new one reports "since".</summary>
public sealed record PreviousPaper(DateOnly MeetingDate, string SnapshotId)
{
    /// <summary>The date that paper reported as of (its statuses were worked out on it).</summary>
    public DateOnly? ReportDate { get; init; }

    /// <summary>The programme that paper was made from, when its snapshot is still kept: for the direction of travel.</summary>
    public ProgrammeState? State { get; init; }
}
