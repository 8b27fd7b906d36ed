using FactFunctions.Dates;
using FactFunctions.Http;
using FactFunctions.Boards;
using FactFunctions.Validation;

namespace FactFunctions.Programme;

/// <summary>
/// The whole programme in one JSON document: what <c>POST /api/import</c> takes and <c>GET /api/export</c>
/// gives back. Derived values (windows, ETags) are never part of it, so an export re-imports unchanged.
/// </summary>
public sealed record ProgrammeDocument
{
    public ProgrammeText? Programme { get; init; }

    public IReadOnlyList<ProjectDocument>? Projects { get; init; }

    public IReadOnlyList<IndicatorDocument>? Indicators { get; init; }

    public IReadOnlyList<BoardDocument>? Boards { get; init; }
}

public sealed record ProjectDocument : ProjectFields
{
    public string? Id { get; init; }

    public IReadOnlyList<MilestoneDocument>? Milestones { get; init; }

    public IReadOnlyList<UpdateDocument>? Updates { get; init; }
}

public sealed record MilestoneDocument : MilestoneFields
{
    public string? Id { get; init; }
}

public sealed record UpdateDocument : UpdateFields
{
    public string? Id { get; init; }
}

public sealed record IndicatorDocument : IndicatorFields
{
    public string? Id { get; init; }

    public IReadOnlyList<IndicatorValueDocument>? Values { get; init; }
}

public sealed record IndicatorValueDocument : IndicatorValueFields
{
    public IndicatorValueDocument()
    {
    }

    public IndicatorValueDocument(IndicatorValueFields figures)
        : base(figures)
    {
    }

    public string? Period { get; init; }
}

/// <summary>Counts of what an import wrote.</summary>
public sealed record ImportResult(int Projects, int Milestones, int Updates, int Indicators, int IndicatorValues, bool ProgrammeText, int Boards = 0, int Meetings = 0);

// Read models: what GET answers. They carry the derived window, the overdue flag and each record's ETag.

public sealed record ProjectView
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Workstream { get; init; }

    public string? Lead { get; init; }

    public string? Aim { get; init; }

    [OneOf(typeof(ProjectStatus))]
    public string? Status { get; init; }

    public int Order { get; init; }

    [OneOf(typeof(Rag))]
    public string? RagOverride { get; init; }

    public string? RagReason { get; init; }

    public string? ETag { get; init; }

    public MilestoneSummary? MilestoneSummary { get; init; }

    public IReadOnlyList<MilestoneView>? Milestones { get; init; }

    public IReadOnlyList<UpdateView>? Updates { get; init; }

    public IReadOnlyList<IndicatorView>? Indicators { get; init; }
}

public sealed record MilestoneSummary(int Total, int Complete, int AtRisk, int OffTrack, int Overdue, MilestoneView? Next);

public sealed record MilestoneView
{
    public required string ProjectId { get; init; }

    public required string Id { get; init; }

    public string? Activity { get; init; }

    public string? Due { get; init; }

    /// <summary>The due first planned; the same as <see cref="Due"/> until the milestone is re-dated.</summary>
    public string? BaselineDue { get; init; }

    public MilestoneWindow Window { get; init; }

    [OneOf(typeof(MilestoneStatus))]
    public string? Status { get; init; }

    public string? Board { get; init; }

    public int Order { get; init; }

    public bool Overdue { get; init; }

    public string? ETag { get; init; }
}

public sealed record UpdateView
{
    public required string ProjectId { get; init; }

    public required string Id { get; init; }

    public DateOnly AsOf { get; init; }

    public IReadOnlyList<Block>? Blocks { get; init; }

    [OneOf(typeof(Audience))]
    public string? Audience { get; init; }
}

public sealed record IndicatorView
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Category { get; init; }

    public string? Unit { get; init; }

    [OneOf(typeof(Polarity))]
    public string? Polarity { get; init; }

    public string? ProjectId { get; init; }

    public string? Source { get; init; }

    public int Order { get; init; }

    public string? ETag { get; init; }

    public IReadOnlyList<IndicatorValueView>? Values { get; init; }
}

public sealed record IndicatorValueView : IndicatorValueFields
{
    public IndicatorValueView()
    {
    }

    public IndicatorValueView(IndicatorValueFields figures)
        : base(figures)
    {
    }

    public required string Period { get; init; }

    public string? ETag { get; init; }
}
