using FactFunctions.Boards;
using FactFunctions.Dates;
using System.Text.Json.Serialization;
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

    /// <summary>What board meetings decided and asked for (<see cref="Outcomes.MeetingOutcome"/>), each naming its board and date.</summary>
    public IReadOnlyList<Outcomes.MeetingOutcomeDocument>? Outcomes { get; init; }
}

public sealed record ProjectDocument : ProjectFields
{
    public ProjectDocument()
    {
    }

    /// <summary>A document carrying every field of <paramref name="fields"/>.</summary>
    public ProjectDocument(ProjectFields fields)
        : base(fields)
    {
    }

    public string? Id { get; init; }

    public IReadOnlyList<MilestoneDocument>? Milestones { get; init; }

    public IReadOnlyList<UpdateDocument>? Updates { get; init; }
}

public sealed record MilestoneDocument : MilestoneFields
{
    public MilestoneDocument()
    {
    }

    /// <summary>A document carrying every field of <paramref name="fields"/>.</summary>
    public MilestoneDocument(MilestoneFields fields)
        : base(fields)
    {
    }

    public string? Id { get; init; }
}

public sealed record UpdateDocument : UpdateFields
{
    public string? Id { get; init; }
}

public sealed record IndicatorDocument : IndicatorFields
{
    public IndicatorDocument()
    {
    }

    /// <summary>A document carrying every field of <paramref name="fields"/>.</summary>
    public IndicatorDocument(IndicatorFields fields)
        : base(fields)
    {
    }

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

/// <summary>A project as read: its fields (<see cref="ProjectFields.Described"/>), id and ETag, and what GET nests in it.</summary>
public sealed record ProjectView : ProjectFields
{
    public ProjectView()
    {
    }

    /// <summary>A view carrying every field of <paramref name="fields"/>.</summary>
    public ProjectView(ProjectFields fields)
        : base(fields)
    {
    }

    [JsonPropertyOrder(-1)]
    public required string Id { get; init; }

    [JsonPropertyOrder(1)]
    public string? ETag { get; init; }

    [JsonPropertyOrder(1)]
    public MilestoneSummary? MilestoneSummary { get; init; }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<MilestoneView>? Milestones { get; init; }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<UpdateView>? Updates { get; init; }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<IndicatorView>? Indicators { get; init; }
}

public sealed record MilestoneSummary(int Total, int Complete, int AtRisk, int OffTrack, int Overdue, MilestoneView? Next);

/// <summary>A milestone as read: its fields (<see cref="MilestoneFields.Described"/>), the window its due gives, whether it is overdue, and its ETag.</summary>
public sealed record MilestoneView : MilestoneFields
{
    public MilestoneView()
    {
    }

    /// <summary>A view carrying every field of <paramref name="fields"/>.</summary>
    public MilestoneView(MilestoneFields fields)
        : base(fields)
    {
    }

    [JsonPropertyOrder(-1)]
    public required string ProjectId { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Id { get; init; }

    [JsonPropertyOrder(1)]
    public MilestoneWindow Window { get; init; }

    [JsonPropertyOrder(3)]
    public bool Overdue { get; init; }

    [JsonPropertyOrder(3)]
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

/// <summary>An indicator as read: its fields (<see cref="IndicatorFields.Described"/>), id, ETag and values by period.</summary>
public sealed record IndicatorView : IndicatorFields
{
    public IndicatorView()
    {
    }

    /// <summary>A view carrying every field of <paramref name="fields"/>.</summary>
    public IndicatorView(IndicatorFields fields)
        : base(fields)
    {
    }

    [JsonPropertyOrder(-1)]
    public required string Id { get; init; }

    [JsonPropertyOrder(1)]
    public string? ETag { get; init; }

    [JsonPropertyOrder(1)]
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
