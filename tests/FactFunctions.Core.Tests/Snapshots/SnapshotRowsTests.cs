using System.Text.Json;
using Azure.Data.Tables;
using FactFunctions.Programme;
using FactFunctions.Snapshots;

namespace FactFunctions.Core.Tests.Snapshots;

public sealed class SnapshotRowsTests
{
    private static readonly ProgrammeState Sample = ProgrammeState.FromDocument(SampleProgramme.Load(), new DateOnly(2022, 10, 14));

    [Fact]
    public void The_rows_of_a_programme_read_back_as_that_programme()
    {
        var rows = SnapshotRows.Of("s1", Sample).ToList();

        var read = SnapshotRows.Read(rows.AsEnumerable().Reverse());

        Assert.Equal(JsonSerializer.Serialize(Sample.ToDocument()), JsonSerializer.Serialize(read.ToDocument()));
        Assert.Equal(Sample.Milestones.Count, read.Milestones.Count);
        Assert.All(rows, row => Assert.Equal("s1", row.PartitionKey));
    }

    [Fact]
    public void A_row_of_a_kind_no_snapshot_writes_is_refused_not_dropped()
    {
        var rows = SnapshotRows.Of("s1", Sample).Append(new TableEntity("s1", "risk|r1") { ["Kind"] = "risk", ["Json"] = "{}" });

        var refused = Assert.Throws<InvalidOperationException>(() => SnapshotRows.Read(rows));
        Assert.Contains("'risk'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_content_hash_ignores_the_snapshot_id_and_follows_the_content()
    {
        var asOf = new DateOnly(2022, 10, 14);
        string first = SnapshotRows.ContentHash(asOf, SnapshotRows.Of("a", Sample));

        Assert.Equal(first, SnapshotRows.ContentHash(asOf, SnapshotRows.Of("b", Sample)));
        Assert.NotEqual(first, SnapshotRows.ContentHash(asOf.AddDays(1), SnapshotRows.Of("a", Sample)));
        var changed = Sample with { Milestones = [.. Sample.Milestones.Skip(1)] };
        Assert.NotEqual(first, SnapshotRows.ContentHash(asOf, SnapshotRows.Of("a", changed)));
    }

    /// <summary>
    /// Snapshot rows hold views as JSON and a snapshot is reused when the rows' hash is unchanged, so the order the views
    /// write their members in is part of that hash: it is the order they had before they derived from their fields.
    /// </summary>
    [Fact]
    public void Views_write_their_members_in_the_order_stored_snapshots_were_hashed_with()
    {
        static List<string> Keys(object view) =>
            JsonDocument.Parse(JsonSerializer.Serialize(view, Storage.StoredJson.Options)).RootElement.EnumerateObject().Select(p => p.Name).ToList();

        // Members added since (confidence, confidenceReason, toleranceMonths; rebaselines) come after the ones they follow in the record.
        Assert.Equal(["id", "name", "workstream", "lead", "aim", "status", "order", "ragOverride", "ragReason", "confidence", "confidenceReason", "toleranceMonths",
            "eTag", "milestoneSummary", "milestones", "updates", "indicators"],
            Keys(new ProjectView { Id = "p" }));
        Assert.Equal(["projectId", "id", "activity", "due", "baselineDue", "window", "status", "board", "order", "rebaselines", "overdue", "eTag"],
            Keys(new MilestoneView { ProjectId = "p", Id = "m" }));
        Assert.Equal(["id", "name", "category", "unit", "polarity", "projectId", "source", "order", "eTag", "values"],
            Keys(new IndicatorView { Id = "i" }));
    }
}
