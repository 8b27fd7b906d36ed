using FactFunctions.Programme;

namespace FactFunctions.Snapshots;

public static class SnapshotKinds
{
    public const string Daily = "daily";
    public const string OnDemand = "on-demand";
}

public sealed record SnapshotCounts(int Projects, int Milestones, int Updates, int Indicators, int IndicatorValues, int Rows);

/// <summary>What a listing shows of a snapshot.</summary>
public sealed record SnapshotHeader
{
    public required string Id { get; init; }

    public string? Label { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset TakenAt { get; init; }

    /// <summary>The Europe/London date the snapshot was taken on; overdue flags inside it are relative to this day.</summary>
    public DateOnly AsOf { get; init; }

    public required SnapshotCounts Counts { get; init; }

    /// <summary>
    /// The sha256 of what the snapshot holds and the day it is as of: two snapshots with the same hash hold the same
    /// programme, so a paper asked for when nothing changed reuses the latest one instead of writing another.
    /// </summary>
    public string? ContentHash { get; init; }
}

/// <summary>The whole programme frozen at one instant, as <c>GET /api/snapshots/{id}</c> returns it.</summary>
public sealed record ProgrammeSnapshot
{
    public required SnapshotHeader Header { get; init; }

    public required ProgrammeState State { get; init; }

    public ProgrammeDocument ToDocument() => State.ToDocument();
}

/// <summary>The JSON shape of a snapshot: the header's fields, then the frozen programme.</summary>
public sealed record SnapshotView
{
    public required string Id { get; init; }

    public string? Label { get; init; }

    public required string Kind { get; init; }

    public DateTimeOffset TakenAt { get; init; }

    public DateOnly AsOf { get; init; }

    public required SnapshotCounts Counts { get; init; }

    public ProgrammeText? Programme { get; init; }

    public required IReadOnlyList<ProjectView> Projects { get; init; }

    public required IReadOnlyList<IndicatorView> Indicators { get; init; }

    /// <summary>What the boards' meetings decided and asked for, as it stood (none when not recorded).</summary>
    public IReadOnlyList<Programme.Outcomes.MeetingOutcomeView>? Outcomes { get; init; }

    public static SnapshotView From(ProgrammeSnapshot snapshot) => new()
    {
        Id = snapshot.Header.Id,
        Label = snapshot.Header.Label,
        Kind = snapshot.Header.Kind,
        TakenAt = snapshot.Header.TakenAt,
        AsOf = snapshot.Header.AsOf,
        Counts = snapshot.Header.Counts,
        Programme = snapshot.State.Text,
        Projects = snapshot.State.NestedProjects(),
        Indicators = snapshot.State.Indicators,
        Outcomes = snapshot.State.MeetingOutcomes.Count == 0 ? null : snapshot.State.MeetingOutcomes,
    };
}

public sealed record SnapshotPage(IReadOnlyList<SnapshotHeader> Items, string? Continuation);

public enum SnapshotStatus
{
    Taken,
    AlreadyTaken,
    InProgress,

    /// <summary>The latest snapshot holds the programme as it is now, so it was used and nothing was written.</summary>
    Reused,

    /// <summary>An import has started and not completed; the programme may be half-applied, so nothing was taken.</summary>
    ImportIncomplete,
}

public sealed record SnapshotOutcome(SnapshotStatus Status, SnapshotHeader? Header, IncompleteImport? Import = null);
