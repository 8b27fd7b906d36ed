using System.Text.Json;
using Azure.Data.Tables;
using FactFunctions.Dates;
using FactFunctions.Storage;

namespace FactFunctions.Programme;

/// <summary>How programme records map onto table rows: which partition, which row key, which columns.</summary>
internal static class ProgrammeEntities
{
    public const string ProjectPartition = "project";
    public const string IndicatorPartition = "indicator";

    /// <summary>Set on a project row while its delete is under way: readers and child writes treat the project as gone.</summary>
    public const string DeletingColumn = "Deleting";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableEntity Project(string id, ProjectFields project) => Columns(new TableEntity(ProjectPartition, id), ProjectFields.Described, project);

    public static ProjectView ToProject(TableEntity e) =>
        (ProjectView)Loaded(new ProjectView { Id = e.RowKey, ETag = e.ETag.ToString() }, ProjectFields.Described, e);

    /// <summary>A milestone row; <paramref name="milestone"/> carries its baseline (<see cref="MilestoneFields.WithBaseline"/>).</summary>
    public static TableEntity Milestone(string projectId, string id, MilestoneFields milestone, MilestoneWindow window)
    {
        var entity = Columns(new TableEntity(projectId, id), MilestoneFields.Described, milestone);
        entity["Earliest"] = EntityText.Date(window.Earliest);
        entity["Latest"] = EntityText.Date(window.Latest);
        return entity;
    }

    public static MilestoneView ToMilestone(TableEntity e, DateOnly today)
    {
        var window = new MilestoneWindow(EntityText.GetDate(e, "Earliest") ?? DateOnly.MinValue, EntityText.GetDate(e, "Latest") ?? DateOnly.MinValue);
        var milestone = (MilestoneView)Loaded(new MilestoneView
        {
            ProjectId = e.PartitionKey,
            Id = e.RowKey,
            Window = window,
            ETag = e.ETag
            .ToString()
        }, MilestoneFields.Described, e);
        return milestone with
        {
            // Rows written before baselines existed have none: their due is the first plan known.
            BaselineDue = milestone.BaselineDue ?? milestone.Due,
            Overdue = MilestoneStatus.IsOverdue(milestone.Status, window, today),
        };
    }

    private static TableEntity Columns<T>(TableEntity entity, IReadOnlyList<RecordField<T>> fields, T record)
        where T : class
    {
        foreach (var field in fields)
        {
            field.Store(entity, record);
        }

        return entity;
    }

    private static T Loaded<T>(T record, IReadOnlyList<RecordField<T>> fields, TableEntity entity)
        where T : class =>
        fields.Aggregate(record, (loaded, field) => field.Load(loaded, entity));

    public static TableEntity Update(string projectId, string id, UpdateFields update)
    {
        var entity = new TableEntity(projectId, id)
        {
            ["AsOf"] = EntityText.Date(update.AsOf!.Value),
            ["Audience"] = update.Audience,
        };
        EntityText.Set(entity, "Paragraphs", JsonSerializer.Serialize(update.Content, Json));
        return entity;
    }

    public static UpdateView ToUpdate(TableEntity e) => new()
    {
        ProjectId = e.PartitionKey,
        Id = e.RowKey,
        AsOf = EntityText.GetDate(e, "AsOf") ?? DateOnly.MinValue,
        Audience = e.GetString("Audience"),
        Blocks = JsonSerializer.Deserialize<List<Block>>(EntityText.Get(e, "Paragraphs") ?? "[]", Json),
    };

    public static TableEntity Indicator(string id, IndicatorFields indicator) => Columns(new TableEntity(IndicatorPartition, id), IndicatorFields.Described, indicator);

    public static IndicatorView ToIndicator(TableEntity e, IReadOnlyList<IndicatorValueView>? values) =>
        (IndicatorView)Loaded(new IndicatorView { Id = e.RowKey, ETag = e.ETag.ToString(), Values = values }, IndicatorFields.Described, e);

    public static TableEntity IndicatorValue(string indicatorId, string period, IndicatorValueFields value) =>
        Columns(new TableEntity(indicatorId, period), IndicatorValueFields.Described, value);

    public static IndicatorValueView ToIndicatorValue(TableEntity e) =>
        (IndicatorValueView)Loaded(new IndicatorValueView { Period = e.RowKey, ETag = e.ETag.ToString() }, IndicatorValueFields.Described, e);
}
