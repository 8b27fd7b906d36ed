using System.Text.Json;
using Azure.Data.Tables;
using FactFunctions.Programme;
using FactFunctions.Storage;

namespace FactFunctions.Snapshots;

/// <summary>
/// The rows a snapshot is stored as: one per record, each of a kind, holding the record's view as JSON, so a field a
/// record gains is kept with no change here. The kinds are named once, for writing and reading; a row of a kind not
/// named here was written by nothing, and reading it throws rather than dropping it.
/// </summary>
internal static class SnapshotRows
{
    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    /// <summary>How a row of each kind is read back into the state being gathered.</summary>
    private static readonly IReadOnlyDictionary<string, Action<Gathered, TableEntity, string>> Readers = new Dictionary<string, Action<Gathered,
        TableEntity, string>>(StringComparer.Ordinal)
    {
        [Kinds.Programme] = (state, _, json) => state.Text = JsonSerializer.Deserialize<ProgrammeText>(json, Json),
        [Kinds.Project] = (state, _, json) => state.Projects.Add(JsonSerializer.Deserialize<ProjectView>(json, Json)!),
        [Kinds.Milestone] = (state, _, json) => state.Milestones.Add(JsonSerializer.Deserialize<MilestoneView>(json, Json)!),
        [Kinds.Update] = (state, _, json) => state.Updates.Add(JsonSerializer.Deserialize<UpdateView>(json, Json)!),
        [Kinds.Indicator] = (state, _, json) => state.Indicators.Add(JsonSerializer.Deserialize<IndicatorView>(json, Json)!),
        [Kinds.Value] = (state, row, json) => state.Values.Add((row.GetString(IndicatorColumn)!, JsonSerializer.Deserialize<IndicatorValueView>(json, Json)!)),
        [Kinds.Outcome] = (state, _, json) => state.Outcomes.Add(JsonSerializer.Deserialize<Programme.Outcomes.MeetingOutcomeView>(json, Json)!),
    };

    private const string KindColumn = "Kind";
    private const string IndicatorColumn = "IndicatorId";

    /// <summary>The rows of <paramref name="state"/> in the partition of snapshot <paramref name="id"/>.</summary>
    public static IEnumerable<TableEntity> Of(string id, ProgrammeState state)
    {
        if (state.Text is not null)
        {
            yield return Row(id, Kinds.Programme, "programme", state.Text);
        }

        foreach (var project in state.Projects)
        {
            yield return Row(id, Kinds.Project, $"project|{project.Id}", project with
            {
                ETag = null,
                MilestoneSummary = null,
                Milestones = null,
                Updates = null,
                Indicators = null
            });
        }

        foreach (var milestone in state.Milestones)
        {
            yield return Row(id, Kinds.Milestone, $"milestone|{milestone.ProjectId}|{milestone.Id}", milestone with { ETag = null });
        }

        foreach (var update in state.Updates)
        {
            yield return Row(id, Kinds.Update, $"update|{update.ProjectId}|{update.Id}", update);
        }

        foreach (var indicator in state.Indicators)
        {
            yield return Row(id, Kinds.Indicator, $"indicator|{indicator.Id}", indicator with { ETag = null, Values = null });
            foreach (var value in indicator.Values ?? [])
            {
                var row = Row(id, Kinds.Value, $"value|{indicator.Id}|{value.Period}", value with { ETag = null });
                row[IndicatorColumn] = indicator.Id;
                yield return row;
            }
        }

        foreach (var outcome in state.MeetingOutcomes)
        {
            // Owners' addresses are for the programme lead; papers and the diff never use them, so snapshots (which officers read) keep none.
            yield return Row(id, Kinds.Outcome, $"outcome|{outcome.Board}|{EntityText.Date(outcome.Date)}", outcome with
            {
                ETag = null,
                Actions = outcome.Actions?.Select(a => a with { OwnerEmail = null }).ToList(),
            });
        }
    }

    /// <summary>The programme the rows of one snapshot hold, in the order every reader of the programme uses.</summary>
    public static ProgrammeState Read(IEnumerable<TableEntity> rows)
    {
        var gathered = new Gathered();
        foreach (var row in rows)
        {
            string kind = row.GetString(KindColumn) ?? string.Empty;
            if (!Readers.TryGetValue(kind, out var read))
            {
                throw new InvalidOperationException($"Snapshot row '{row.RowKey}' is of the kind '{kind}', which no snapshot writes.");
            }

            read(gathered, row, EntityText.Get(row, "Json") ?? "null");
        }

        var valuesByIndicator = gathered.Values.ToLookup(v => v.IndicatorId, v => v.Value, StringComparer.Ordinal);
        return new ProgrammeState(
            gathered.Text,
            gathered.Projects.OrderBy(p => p.Order).ThenBy(p => p.Id, StringComparer.Ordinal).ToList(),
            gathered.Milestones,
            gathered.Updates.OrderBy(u => u.AsOf).ThenBy(u => u.Id, StringComparer.Ordinal).ToList(),
            gathered.Indicators
                .Select(i => i with { Values = valuesByIndicator[i.Id].OrderBy(v => v.Period, StringComparer.Ordinal).ToList() })
                .OrderBy(i => i.Order).ThenBy(i => i.Id, StringComparer.Ordinal)
                .ToList(),
            [.. gathered.Outcomes.OrderBy(o => o.Board, StringComparer.Ordinal).ThenBy(o => o.Date)]);
    }

    /// <summary>The sha256 of the rows' keys and content (not the snapshot's id) and the day they are as of.</summary>
    public static string ContentHash(DateOnly asOf, IEnumerable<TableEntity> rows)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string text)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
            hash.AppendData([0]);
        }

        Add(EntityText.Date(asOf));
        foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            Add(row.RowKey);
            Add(EntityText.Get(row, "Json") ?? string.Empty);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static TableEntity Row<T>(string id, string kind, string rowKey, T value)
    {
        var entity = new TableEntity(id, rowKey) { [KindColumn] = kind };
        EntityText.Set(entity, "Json", JsonSerializer.Serialize(value, Json));
        return entity;
    }

    /// <summary>The kinds of row, as stored in the Kind column.</summary>
    private static class Kinds
    {
        public const string Programme = "programme";
        public const string Project = "project";
        public const string Milestone = "milestone";
        public const string Update = "update";
        public const string Indicator = "indicator";
        public const string Value = "value";
        public const string Outcome = "outcome";
    }

    /// <summary>What the rows of one snapshot are gathered into as they are read.</summary>
    private sealed class Gathered
    {
        public ProgrammeText? Text { get; set; }

        public List<ProjectView> Projects { get; } = [];

        public List<MilestoneView> Milestones { get; } = [];

        public List<UpdateView> Updates { get; } = [];

        public List<IndicatorView> Indicators { get; } = [];

        public List<(string IndicatorId, IndicatorValueView Value)> Values { get; } = [];

        public List<Programme.Outcomes.MeetingOutcomeView> Outcomes { get; } = [];
    }
}
