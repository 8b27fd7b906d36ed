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

    /// <summary>A board's re-baseline decision as a row of its own: keyed by milestone, the time it was recorded and its id.</summary>
    public static TableEntity Rebaseline(string projectId, string milestoneId, BaselineDecision decision, Guid id) =>
        new(projectId, $"{milestoneId}|{decision.RecordedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture)}|{id:N}")
        {
            ["MilestoneId"] = milestoneId,
            ["Was"] = decision.Was,
            ["BaselineDue"] = decision.BaselineDue,
            ["Board"] = decision.Board,
            ["BoardName"] = decision.BoardName,
            ["MeetingDate"] = EntityText.Date(decision.MeetingDate),
            ["Reason"] = decision.Reason,
            ["RecordedAt"] = decision.RecordedAt,
            ["RecordedBy"] = decision.RecordedBy,
        };

    /// <summary>The id a decision restored by an import gets: its milestone and place, so importing twice writes it once.</summary>
    public static Guid RestoredId(string milestoneId, int index) =>
        new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{milestoneId}|{index}")).AsSpan(0, 16));

    public static (string ProjectId, string MilestoneId) RebaselineOf(TableEntity e) => (e.PartitionKey, e.GetString("MilestoneId") ?? e.RowKey.Split('|')[0]);

    public static BaselineDecision ToRebaseline(TableEntity e) => new()
    {
        Was = e.GetString("Was") ?? string.Empty,
        BaselineDue = e.GetString("BaselineDue") ?? string.Empty,
        Board = e.GetString("Board") ?? string.Empty,
        BoardName = e.GetString("BoardName"),
        MeetingDate = EntityText.GetDate(e, "MeetingDate") ?? DateOnly.MinValue,
        Reason = e.GetString("Reason") ?? string.Empty,
        RecordedAt = e.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue,
        RecordedBy = e.GetString("RecordedBy"),
    };

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
