namespace FactFunctions.Reports.Papers;

/// <summary>The earlier paper of the same kind, whose meeting the new one reports "since".</summary>
public sealed record PreviousPaper(DateOnly MeetingDate, string SnapshotId);
