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

    public static TableEntity Project(string id, ProjectFields project) => ProjectFields.Described.Store(new TableEntity(ProjectPartition, id), project);

    public static ProjectView ToProject(TableEntity e) =>
        (ProjectView)ProjectFields.Described.Load(new ProjectView { Id = e.RowKey, ETag = e.ETag.ToString() }, e);

    /// <summary>A milestone row; <paramref name="milestone"/> carries its baseline (<see cref="MilestoneFields.WithBaseline"/>).</summary>
    public static TableEntity Milestone(string projectId, string id, MilestoneFields milestone, MilestoneWindow window)
    {
        var entity = MilestoneFields.Described.Store(new TableEntity(projectId, id), milestone);
        entity["Earliest"] = EntityText.Date(window.Earliest);
        entity["Latest"] = EntityText.Date(window.Latest);
        return entity;
    }

    public static MilestoneView ToMilestone(TableEntity e, DateOnly today)
    {
        var window = new MilestoneWindow(EntityText.GetDate(e, "Earliest") ?? DateOnly.MinValue, EntityText.GetDate(e, "Latest") ?? DateOnly.MinValue);
        var read = new MilestoneView { ProjectId = e.PartitionKey, Id = e.RowKey, Window = window, ETag = e.ETag.ToString() };
        var milestone = (MilestoneView)MilestoneFields.Described.Load(read, e);
        return milestone with
        {
            // Rows written before baselines existed have none: their due is the first plan known.
            BaselineDue = milestone.BaselineDue ?? milestone.Due,
            Overdue = MilestoneStatus.IsOverdue(milestone.Status, window, today),
        };
    }

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

    public static TableEntity Indicator(string id, IndicatorFields indicator) => IndicatorFields.Described.Store(new TableEntity(IndicatorPartition, id), indicator);

    public static IndicatorView ToIndicator(TableEntity e, IReadOnlyList<IndicatorValueView>? values) =>
        (IndicatorView)IndicatorFields.Described.Load(new IndicatorView { Id = e.RowKey, ETag = e.ETag.ToString(), Values = values }, e);

    public static TableEntity IndicatorValue(string indicatorId, string period, IndicatorValueFields value) =>
        IndicatorValueFields.Described.Store(new TableEntity(indicatorId, period), value);

    public static IndicatorValueView ToIndicatorValue(TableEntity e) =>
        (IndicatorValueView)IndicatorValueFields.Described.Load(new IndicatorValueView { Period = e.RowKey, ETag = e.ETag.ToString() }, e);
}
