using System.Text.Json.Serialization;
using FactFunctions.Dates;
using FactFunctions.Programme.Workbook;
using FactFunctions.Validation;

namespace FactFunctions.Programme;


public sealed record SchoolsForumText
{
    public IReadOnlyList<Block>? Purpose { get; init; }

    public IReadOnlyList<Block>? Background { get; init; }

    public IReadOnlyList<Block>? Update { get; init; }

    public IReadOnlyList<Block>? PriorityProjects { get; init; }

    public IReadOnlyList<Block>? NextSteps { get; init; }
}

public sealed record PreviousReports
{
    public string? SelectCommittee { get; init; }

    public string? SchoolsForum { get; init; }
}

public sealed record Person
{
    public string? Name { get; init; }

    public string? Role { get; init; }

    public string? Email { get; init; }
}

public sealed record Risk
{
    public string? Description { get; init; }

    public string? Mitigation { get; init; }
}

/// <summary>The two registers every committee paper carries: risks if the decision is not taken, and if it is (with mitigations).</summary>
public sealed record RiskRegisters
{
    public IReadOnlyList<Risk>? IfNotTaken { get; init; }

    public IReadOnlyList<Risk>? IfTaken { get; init; }
}

/// <summary>The programme's standing text: everything in a paper that is not a project, milestone or indicator.</summary>
public sealed record ProgrammeText
{
    public string? Title { get; init; }

    public IReadOnlyList<Block>? ExecutiveSummary { get; init; }

    public IReadOnlyList<Block>? ReasonForProposal { get; init; }

    public IReadOnlyList<Block>? Purpose { get; init; }

    public IReadOnlyList<string>? Principles { get; init; }

    public IReadOnlyList<string>? KindnessAndCare { get; init; }

    public IReadOnlyList<Block>? Background { get; init; }

    /// <summary>What a paper says under "Main considerations" before the project updates.</summary>
    public IReadOnlyList<Block>? MainConsiderations { get; init; }

    /// <summary>Sections that belong to no project, placed after a project's update or after all of them.</summary>
    public IReadOnlyList<FreeSection>? FreeSections { get; init; }

    public IReadOnlyList<Block>? Governance { get; init; }

    public RiskRegisters? Risks { get; init; }

    /// <summary>The programme's risk register, as the highlight report prints it.</summary>
    public IReadOnlyList<RegisterRisk>? RiskRegister { get; init; }

    /// <summary>The issues log: what has happened to a project, its owner and action (<see cref="ProgrammeIssue"/>).</summary>
    public IReadOnlyList<ProgrammeIssue>? IssueLog { get; init; }

    /// <summary>Each project's intended outcomes and the indicators that measure them (<see cref="ProjectBenefit"/>).</summary>
    public IReadOnlyList<ProjectBenefit>? Benefits { get; init; }

    /// <summary>The decisions the boards are asked to take, printed by the highlight report.</summary>
    public IReadOnlyList<Block>? DecisionsRequested { get; init; }

    public IReadOnlyList<Block>? Safeguarding { get; init; }

    public IReadOnlyList<Block>? PublicHealth { get; init; }

    public IReadOnlyList<Block>? Procurement { get; init; }

    public IReadOnlyList<Block>? Equalities { get; init; }

    public IReadOnlyList<Block>? Environmental { get; init; }

    public IReadOnlyList<Block>? Financial { get; init; }

    public IReadOnlyList<Block>? Legal { get; init; }

    public IReadOnlyList<Block>? Options { get; init; }

    public IReadOnlyList<Block>? Conclusion { get; init; }

    /// <summary>The wording specific to the Schools Forum paper.</summary>
    public SchoolsForumText? SchoolsForum { get; init; }

    public IReadOnlyList<string>? Achievements { get; init; }

    /// <summary>
    /// The schedule tolerance the boards accept, in months, for every project without its own
    /// (<see cref="ProjectFields.ToleranceMonths"/>); none when absent, and then no slippage is an exception.
    /// </summary>
    public int? ScheduleToleranceMonths { get; init; }

    /// <summary>When each paper was last reported before this system existed ("March 2020"), for "since the last report".</summary>
    public PreviousReports? PreviousReports { get; init; }

    public IReadOnlyList<string>? BackgroundPapers { get; init; }

    public IReadOnlyList<Block>? Appendices { get; init; }

    public Person? Author { get; init; }

    public Person? Director { get; init; }
}

/// <summary>The writable fields of a project (a "workstream" in 2020 papers, a "priority project" from 2022).</summary>
public record ProjectFields
{
    public string? Name { get; init; }

    public string? Workstream { get; init; }

    public string? Lead { get; init; }

    public string? Aim { get; init; }

    [OneOf(typeof(ProjectStatus))]
    public string? Status { get; init; }

    public int? Order { get; init; }

    /// <summary>The RAG status the lead reports instead of the derived one (<see cref="Rag"/>); needs a reason.</summary>
    [OneOf(typeof(Rag))]
    public string? RagOverride { get; init; }

    /// <summary>Why the lead's RAG differs from the derived one; printed beside both.</summary>
    public string? RagReason { get; init; }

    /// <summary>The lead's delivery confidence (<see cref="DeliveryConfidence"/>), shown beside the derived status; needs a reason.</summary>
    [OneOf(typeof(DeliveryConfidence))]
    public string? Confidence { get; init; }

    /// <summary>Why the lead holds that confidence.</summary>
    public string? ConfidenceReason { get; init; }

    /// <summary>
    /// The slippage the board accepts for this project's milestones, in months (the programme's
    /// <see cref="ProgrammeText.ScheduleToleranceMonths"/> when absent); beyond it a slipped milestone is an exception.
    /// </summary>
    public int? ToleranceMonths { get; init; }

    /// <summary>
    /// Every field, in the order of the workbook's Projects sheet (after the id): storage, import and export, the workbook
    /// and validation are made from this list (<see cref="RecordField{T}"/>).
    /// </summary>
    public static readonly IReadOnlyList<RecordField<ProjectFields>> Described =
    [
        new("name", "Name", 40, p => p.Name) { Set = (p, v) => p with { Name = (string?)v }, Rule = (e, f, p) => e.RequiredText(f, p.Name, 200) },
        new("workstream", "Workstream", 24, p => p.Workstream) { Set = (p, v) => p with { Workstream = (string?)v }, Rule = (e, f, p) => e.Text(f, p.Workstream, 200) },
        new("lead", "Lead", 24, p => p.Lead) { Set = (p, v) => p with { Lead = (string?)v }, Rule = (e, f, p) => e.Text(f, p.Lead, 200) },
        new("aim", "Aim", 60, p => p.Aim) { Set = (p, v) => p with { Aim = (string?)v }, Rule = (e, f, p) => e.Text(f, p.Aim, ValidationErrors.MaxLongText) },
        new("status", "Status", 18, p => p.Status)
        {
            Choices = ProjectStatus.All, Set = (p, v) => p with { Status = (string?)v }, Rule = (e, f, p) => e.OneOf(f, p.Status, ProjectStatus.All),
        },
        new("order", "Order", 8, p => p.Order) { Kind = CellKind.WholeNumber, Set = (p, v) => p with { Order = (int?)v } },
        new("ragOverride", "RAG override", 14, p => p.RagOverride) { Choices = Rag.All, Set = (p, v) => p with { RagOverride = (string?)v } },
        new("ragReason", "RAG reason", 50, p => p.RagReason)
        {
            Set = (p, v) => p with { RagReason = (string?)v },
            Rule = (e, f, p) =>
            {
                e.Text(f, p.RagReason, 1_000);
                if (p.RagOverride is not null && string.IsNullOrWhiteSpace(p.RagReason))
                {
                    e.Add(f, "is required when ragOverride is given: say why the reported status differs from the derived one.");
                }
            },
        },
        new("confidence", "Delivery confidence", 16, p => p.Confidence)
        {
            Choices = DeliveryConfidence.All, Set = (p, v) => p with { Confidence = (string?)v },
            Rule = (e, f, p) => e.OneOf(f, p.Confidence, DeliveryConfidence.All, required: false),
        },
        new("confidenceReason", "Confidence reason", 50, p => p.ConfidenceReason)
        {
            Set = (p, v) => p with { ConfidenceReason = (string?)v },
            Rule = (e, f, p) =>
            {
                e.Text(f, p.ConfidenceReason, 1_000);
                if (p.Confidence is not null && string.IsNullOrWhiteSpace(p.ConfidenceReason))
                {
                    e.Add(f, "is required when confidence is given: say why the lead holds that confidence.");
                }
            },
        },
        new("toleranceMonths", "Tolerance (months)", 12, p => p.ToleranceMonths)
        {
            Kind = CellKind.WholeNumber, ZeroWhenAbsent = false, Set = (p, v) => p with { ToleranceMonths = (int?)v },
            Rule = (e, f, p) => e.Range(f, p.ToleranceMonths, 0, 60),
        },
    ];
}

public record MilestoneFields
{
    public string? Activity { get; init; }

    /// <summary>The date as the paper prints it ("October – December 2022"); its window is derived.</summary>
    public string? Due { get; init; }

    /// <summary>
    /// The baseline, in the same forms as <see cref="Due"/>: the first due a milestone is created or imported with unless
    /// given; re-dating changes <see cref="Due"/> only, so slippage is measured against it. Only a board's decision moves
    /// it afterwards (<see cref="BaselineDecision"/>).
    /// </summary>
    public string? BaselineDue { get; init; }

    /// <summary>
    /// The milestone as it is written: its own baseline when given, else the one stored for it (<paramref name="stored"/>),
    /// else, new, its due. The one rule by which re-dating keeps the first plan.
    /// </summary>
    public MilestoneFields WithBaseline(string? stored) => this with { BaselineDue = BaselineDue ?? stored ?? Due };

    [OneOf(typeof(MilestoneStatus))]
    [JsonPropertyOrder(2)]
    public string? Status { get; init; }

    [JsonPropertyOrder(2)]
    public string? Board { get; init; }

    [JsonPropertyOrder(2)]
    public int? Order { get; init; }

    /// <summary>
    /// The boards' decisions that moved the baseline, oldest first (<see cref="BaselineDecision"/>). Read-only: recorded
    /// by the rebaseline route, never by a write of the milestone; an import restores them only for a milestone not yet stored.
    /// </summary>
    [JsonPropertyOrder(2)]
    public IReadOnlyList<BaselineDecision>? Rebaselines { get; init; }

    /// <summary>
    /// Every field, in the order of the workbook's Milestones sheet (after the project and id): storage, import and export,
    /// the workbook and validation are made from this list (<see cref="RecordField{T}"/>). Window and Overdue are derived
    /// from the due date and shown, never read back.
    /// </summary>
    public static readonly IReadOnlyList<RecordField<MilestoneFields>> Described =
    [
        new("activity", "Activity", 60, m => m.Activity) { Set = (m, v) => m with { Activity = (string?)v }, Rule = (e, f, m) => e.RequiredText(f, m.Activity, 1_000) },
        new("due", "Due", 26, m => m.Due) { Kind = CellKind.Due, Set = (m, v) => m with { Due = (string?)v }, Rule = (e, f, m) => ProgrammeValidation.DueWindow(e, f, m.Due) },
        new("status", "Status", 14, m => m.Status)
        {
            Choices = MilestoneStatus.All, Set = (m, v) => m with { Status = (string?)v }, Rule = (e, f, m) => e.OneOf(f, m.Status, MilestoneStatus.All),
        },
        new("board", "Board", 24, m => m.Board)
        {
            Kind = CellKind.Code, Set = (m, v) => m with { Board = (string?)v },
            Rule = (e, f, m) =>
            {
                e.Text(f, m.Board, 100);
                if (m.Board is not null)
                {
                    e.Slug(f, m.Board);
                }
            },
        },
        new("order", "Order", 8, m => m.Order) { Kind = CellKind.WholeNumber, Set = (m, v) => m with { Order = (int?)v } },
        new("window", "Window", 26, m => (m as MilestoneView)?.Window.Describe()),
        new("overdue", "Overdue", 10, m => (m as MilestoneView)?.Overdue),

        // Last, being rarely edited: the due first planned, which a re-dating leaves alone (empty keeps the stored one).
        new("baselineDue", "Baseline due", 26, m => m.BaselineDue)
        {
            Kind = CellKind.Due, Set = (m, v) => m with { BaselineDue = (string?)v },
            Rule = (e, f, m) =>
            {
                if (m.BaselineDue is not null)
                {
                    ProgrammeValidation.DueWindow(e, f, m.BaselineDue);
                }
            },
        },
    ];
}

public record UpdateFields
{
    public DateOnly? AsOf { get; init; }

    /// <summary>The update's content: paragraphs, sub-headings, lists, images, tables.</summary>
    public IReadOnlyList<Block>? Blocks { get; init; }

    /// <summary>The earlier name of <see cref="Blocks"/>, still accepted on input (a request may send one or the other).</summary>
    public IReadOnlyList<Block>? Paragraphs { get; init; }

    [OneOf(typeof(Audience))]
    public string? Audience { get; init; }

    /// <summary>What the update says, whichever name the request used.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Block> Content => Blocks ?? Paragraphs ?? [];
}

public record IndicatorFields
{
    public string? Name { get; init; }

    /// <summary>The column group a paper prints above the indicator, e.g. "Permanent exclusion".</summary>
    public string? Category { get; init; }

    public string? Unit { get; init; }

    [OneOf(typeof(Polarity))]
    public string? Polarity { get; init; }

    public string? ProjectId { get; init; }

    public string? Source { get; init; }

    public int? Order { get; init; }

    /// <summary>
    /// Every field, in the order of the workbook's Indicators sheet (after the id): storage, import and export, the
    /// workbook and validation are made from this list (<see cref="RecordField{T}"/>).
    /// </summary>
    public static readonly IReadOnlyList<RecordField<IndicatorFields>> Described =
    [
        new("name", "Name", 50, i => i.Name) { Set = (i, v) => i with { Name = (string?)v }, Rule = (e, f, i) => e.RequiredText(f, i.Name, 200) },
        new("category", "Category", 24, i => i.Category) { Set = (i, v) => i with { Category = (string?)v }, Rule = (e, f, i) => e.Text(f, i.Category, 200) },
        new("unit", "Unit", 14, i => i.Unit) { Set = (i, v) => i with { Unit = (string?)v }, Rule = (e, f, i) => e.Text(f, i.Unit, 100) },
        new("polarity", "Polarity", 20, i => i.Polarity)
        {
            Choices = Programme.Polarity.All,
            Set = (i, v) => i with { Polarity = (string?)v },
            Rule = (e, f, i) => e.OneOf(f, i.Polarity, Programme.Polarity.All),
        },
        new("projectId", "Project", 28, i => i.ProjectId)
        {
            Kind = CellKind.Code,
            Set = (i, v) => i with { ProjectId = (string?)v },
            Rule = (e, f, i) =>
            {
                if (i.ProjectId is not null)
                {
                    e.Slug(f, i.ProjectId);
                }
            },
        },
        new("source", "Source", 40, i => i.Source) { Set = (i, v) => i with { Source = (string?)v }, Rule = (e, f, i) => e.Text(f, i.Source, 200) },
        new("order", "Order", 8, i => i.Order) { Kind = CellKind.WholeNumber, Set = (i, v) => i with { Order = (int?)v } },
    ];
}

public record IndicatorValueFields
{
    public decimal? Value { get; init; }

    public int? Rank { get; init; }

    public int? OutOf { get; init; }

    public string? Band { get; init; }

    public string? Comparator { get; init; }

    public string? Note { get; init; }

    /// <summary>The figures alone, without what a derived record (period, ETag) adds.</summary>
    public IndicatorValueFields Figures() => new(this);

    /// <summary>
    /// Every field, in the order of the workbook's Indicator values sheet (after the indicator and period): storage,
    /// import and export, the workbook and validation are made from this list (<see cref="RecordField{T}"/>).
    /// </summary>
    public static readonly IReadOnlyList<RecordField<IndicatorValueFields>> Described =
    [
        new("value", "Value", 10, v => v.Value)
        {
            Kind = CellKind.Decimal,
            Set = (v, x) => v with { Value = (decimal?)x },
            Rule = (e, f, v) =>
            {
                if (v.Value is null && v.Rank is null && string.IsNullOrWhiteSpace(v.Note))
                {
                    e.Add(f, "is required unless a rank or a note is given.");
                }
            },
        },
        new("rank", "Rank", 8, v => v.Rank)
        {
            Kind = CellKind.WholeNumber,
            ZeroWhenAbsent = false,
            Set = (v, x) => v with { Rank = (int?)x },
            Rule = (e, f, v) =>
            {
                e.Range(f, v.Rank, 1, 100_000);
                if (v.Rank is { } rank && v.OutOf is { } outOf && rank > outOf)
                {
                    e.Add(f, $"cannot be more than outOf ({outOf}).");
                }
            },
        },
        new("outOf", "Out of", 8, v => v.OutOf)
        {
            Kind = CellKind.WholeNumber,
            ZeroWhenAbsent = false,
            Set = (v, x) => v with { OutOf = (int?)x },
            Rule = (e, f, v) => e.Range(f, v.OutOf, 1, 100_000),
        },
        new("band", "Band", 12, v => v.Band) { Set = (v, x) => v with { Band = (string?)x }, Rule = (e, f, v) => e.Text(f, v.Band, 20) },
        new("comparator", "Comparator", 40, v => v.Comparator) { Set = (v, x) => v with { Comparator = (string?)x } },
        new("note", "Note", 40, v => v.Note)
        {
            Long = true,
            Set = (v, x) => v with { Note = (string?)x },
            Rule = (e, f, v) => e.Text(f, v.Note, ValidationErrors.MaxLongText),
        },
    ];
}

public static class ProjectStatus
{
    public const string Scoping = "scoping";
    public const string Active = "active";
    public const string Paused = "paused";
    public const string BusinessAsUsual = "business-as-usual";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Scoping, Active, Paused, BusinessAsUsual, Closed];

    /// <summary>Whether the programme still reports on the project's delivery: it is neither closed nor business as usual.</summary>
    public static bool InDelivery(string? status) => status is not (Closed or BusinessAsUsual);

    /// <summary>A project's status as a paper says it to people who do not know the enum ("now business as usual").</summary>
    public static string Words(string? status) => status switch
    {
        null => "not set",
        Scoping => "being scoped",
        Active => "in delivery",
        Paused => "paused",
        BusinessAsUsual => "now business as usual",
        Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown project status."),
    };
}

public static class MilestoneStatus
{
    public const string Planned = "planned";
    public const string OnTrack = "on-track";
    public const string AtRisk = "at-risk";
    public const string OffTrack = "off-track";
    public const string Complete = "complete";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Planned, OnTrack, AtRisk, OffTrack, Complete, Cancelled];

    public static bool IsClosed(string? status) => status is Complete or Cancelled;

    /// <summary>
    /// The one overdue rule, for the views, papers, reminders and RAG: open (neither complete nor cancelled) and its
    /// window ended before <paramref name="asOf"/>.
    /// </summary>
    public static bool IsOverdue(string? status, MilestoneWindow window, DateOnly asOf) => !IsClosed(status) && window.EndsBefore(asOf);

    /// <summary>"at-risk" as a sentence says it: "at risk".</summary>
    public static string Words(string? status) => status switch
    {
        null => "not set",
        Planned or Complete or Cancelled => status,
        OnTrack => "on track",
        AtRisk => "at risk",
        OffTrack => "off track",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown milestone status."),
    };
}

public static class Audience
{
    public const string SelectCommittee = "select-committee";
    public const string SchoolsForum = "schools-forum";
    public const string Both = "both";

    public static readonly IReadOnlyList<string> All = [SelectCommittee, SchoolsForum, Both];

    public static bool Includes(string? audience, string paper) => audience == Both || audience == paper;
}

public static class Polarity
{
    public static readonly IReadOnlyList<string> All = ["lower-is-better", "higher-is-better"];
}
