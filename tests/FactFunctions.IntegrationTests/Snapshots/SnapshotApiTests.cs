using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using FactFunctions.Http;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using FactFunctions.Jobs;
using FactFunctions.Programme;
using FactFunctions.Snapshots;
using FactFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Snapshots;

[Collection(AzuriteCollection.Name)]
public sealed class SnapshotApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private readonly StorageProbe probe = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 10, 14, 9, 0, 0, TimeSpan.Zero));
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync(services: s =>
        {
            s.AddSingleton<StoragePipelinePolicy>(probe);
            s.AddSingleton<TimeProvider>(clock);
        });
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_snapshot_of_the_sample_equals_an_export_taken_at_the_same_time()
    {
        string export = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

        var taken = await (await host.Lead.PostAsync("api/snapshots", FactHost.Json("""{"label":"Before the November committee"}"""))).ExpectAsync(201);
        string id = taken.GetProperty("id").GetString()!;
        Assert.Equal(16, taken.GetProperty("counts").GetProperty("milestones").GetInt32());
        Assert.Equal("Before the November committee", taken.GetProperty("label").GetString());

        var snapshot = await host.Service<SnapshotStore>().GetAsync(id, CancellationToken.None);
        var exported = JsonNode.Parse(export)!.AsObject();
        exported.Remove("boards"); // boards and meetings are calendar data, not part of the frozen programme
        Assert.True(JsonNode.DeepEquals(exported, Serialize(snapshot!.ToDocument())));
    }

    [Fact]
    public async Task Edits_after_a_snapshot_do_not_change_it()
    {
        var taken = await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201);
        string id = taken.GetProperty("id").GetString()!;
        string before = await (await host.Officer.GetAsync($"api/snapshots/{id}")).Content.ReadAsStringAsync();

        await (await host.Lead.PutAsync("api/projects/family-help/milestones/evaluation-partner-confirmed",
            FactHost.Json("""{"activity":"Evaluation partner confirmed","due":"December 2022","status":"at-risk","order":4}"""))).ExpectAsync(200);
        await (await host.Lead.DeleteAsync("api/projects/early-support-assessment")).ExpectAsync(204);

        string after = await (await host.Officer.GetAsync($"api/snapshots/{id}")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
        var frozen = JsonNode.Parse(after)!;
        var familyHelp = frozen["projects"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "family-help")!;
        var partner = familyHelp["milestones"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "evaluation-partner-confirmed")!;
        Assert.Equal("October 2022", partner["due"]!.GetValue<string>());
        Assert.Equal("2022-10-31", partner["window"]!["latest"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_changes_between_two_snapshots_are_exactly_the_edits_made()
    {
        string first = (await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!;
        clock.Advance(TimeSpan.FromDays(20));

        await host.Lead.PutAsync("api/projects/family-help/milestones/evaluation-partner-confirmed",
            FactHost.Json("""{"activity":"Evaluation partner confirmed","due":"December 2022","status":"off-track","order":4}"""));
        await host.Lead.PutAsync("api/projects/early-support-assessment/milestones/transition-to-business-as-usual",
            FactHost.Json("""
                {"activity":"Decision to formally transition the project to business as usual","due":"1 November 2022",
                 "status":"complete","board":"fact-operational-board","order":2}
                """));
        await host.Lead.PutAsync("api/projects/family-help/milestones/family-hubs-launch",
            FactHost.Json("""{"activity":"Family Hubs launched","due":"April 2024","status":"planned","order":10}"""));
        await host.Lead.DeleteAsync("api/projects/transitional-safeguarding/milestones/decision-on-future-activity");
        await host.Lead.PutAsync("api/indicators/suspensions-primary/values/2020-21",
            FactHost.Json("""{"rank":120,"outOf":156,"band":"C","comparator":"Local Authorities"}"""));
        string second = (await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!;

        var changes = await (await host.Officer.GetAsync($"api/snapshots/{second}/changes?since={first}")).ExpectAsync(200);

        var milestones = changes.GetProperty("milestones").EnumerateArray()
            .Select(m => (m.GetProperty("kind").GetString(), m.GetProperty("milestoneId").GetString())).OrderBy(x => x.Item2).ToList();
        Assert.Equal(
            [
                ("removed", "decision-on-future-activity"),
                ("redated", "evaluation-partner-confirmed"),
                ("added", "family-hubs-launch"),
                ("status-changed", "transition-to-business-as-usual"),
            ],
            milestones);
        var summary = changes.GetProperty("summary").EnumerateArray().Select(s => s.GetString()).ToList();
        Assert.Contains("Family Help: “Evaluation partner confirmed” re-dated from October 2022 to December 2022.", summary);
        Assert.Contains("Early Support Assessment: “Decision to formally transition the project to business as usual” is now complete (was on track).", summary);
        var value = Assert.Single(changes.GetProperty("indicatorValues").EnumerateArray());
        Assert.Equal("suspensions-primary", value.GetProperty("indicatorId").GetString());
        Assert.Equal(142, value.GetProperty("old").GetProperty("rank").GetInt32());
        Assert.Equal(120, value.GetProperty("new").GetProperty("rank").GetInt32());
        Assert.Equal(0, changes.GetProperty("projects").GetArrayLength());
    }

    [Fact]
    public async Task Snapshots_are_listed_newest_first_in_pages()
    {
        var ids = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            ids.Add((await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!);
            clock.Advance(TimeSpan.FromMinutes(5));
        }

        var first = await (await host.Officer.GetAsync("api/snapshots?top=2")).ExpectAsync(200);
        var second = await (await host.Officer.GetAsync($"api/snapshots?top=2&continuation={Uri.EscapeDataString(first.GetProperty("continuation")
            .GetString()!)}")).ExpectAsync(200);

        var listed = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(h => h.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed);
        await (await host.Officer.GetAsync("api/snapshots?top=0")).ExpectAsync(400);
        await (await host.Officer.GetAsync("api/snapshots/nope")).ExpectAsync(404);
        await (await host.Officer.GetAsync($"api/snapshots/{ids[0]}/changes")).ExpectAsync(400);
        await (await host.Officer.GetAsync($"api/snapshots/{ids[0]}/changes?since=nope")).ExpectAsync(404);
        await (await host.Officer.PostAsync("api/snapshots", null)).ExpectAsync(403);
    }

    [Fact]
    public async Task The_daily_job_keeps_one_snapshot_per_london_day_however_often_it_runs()
    {
        var job = host.Service<DailySnapshotJob>();
        var before = new DateTimeOffset(2022, 10, 14, 4, 0, 0, TimeSpan.Zero); // 05:00 BST: too early
        await job.RunAsync(before, CancellationToken.None);
        Assert.Null(await host.Service<SnapshotStore>().GetHeaderAsync("daily-2022-10-14", CancellationToken.None));

        var at = new DateTimeOffset(2022, 10, 14, 5, 0, 0, TimeSpan.Zero); // 06:00 BST
        await job.RunAsync(at, CancellationToken.None);
        await job.RunAsync(at.AddHours(1), CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => job.RunAsync(at.AddHours(2), CancellationToken.None)));

        var list = await (await host.Officer.GetAsync("api/snapshots")).ExpectAsync(200);
        var daily = list.GetProperty("items").EnumerateArray().Where(h => h.GetProperty("kind").GetString() == "daily").ToList();
        Assert.Equal("daily-2022-10-14", Assert.Single(daily).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_snapshot_of_5000_milestones_takes_one_batch_per_100_rows_plus_a_constant()
    {
        var document = new ProgrammeDocument
        {
            Projects = Enumerable.Range(0, 50).Select(p => new ProjectDocument
            {
                Id = $"p{p:00}",
                Name = $"Project {p}",
                Status = "active",
                Milestones = Enumerable.Range(0, 100).Select(m => new MilestoneDocument
                {
                    Id = $"m{m:000}",
                    Activity = $"Milestone {m}",
                    Due = "Spring term 2024",
                    Status = "planned",
                    Order = m,
                }).ToList(),
            }).ToList(),
        };
        var clean = await FactHost.StartAsync(fixture.Azurite.ConnectionString, services: s => s.AddSingleton<StoragePipelinePolicy>(probe));
        await using (clean)
        {
            await clean.Service<ProgrammeImporter>().ImportAsync(document, CancellationToken.None);
            probe.Reset();

            var outcome = await clean.Service<SnapshotStore>().TakeAsync("big", SnapshotKinds.OnDemand, null, CancellationToken.None);

            Assert.Equal(SnapshotStatus.Taken, outcome.Status);
            int rows = outcome.Header!.Counts.Rows;
            Assert.Equal(5_050, rows);
            Assert.Equal((rows + 99) / 100, probe.Batches);
            Assert.InRange(probe.Calls - probe.Batches, 1, 25);
        }
    }

    [Fact]
    public async Task A_snapshot_that_fails_half_way_is_never_listed_and_the_next_run_completes_it()
    {
        var job = host.Service<DailySnapshotJob>();
        var at = new DateTimeOffset(2022, 10, 14, 8, 0, 0, TimeSpan.Zero);
        probe.FailBatchesFrom = 1 + probe.Batches;
        probe.FailEverythingAfterFirstFault = true;

        await Assert.ThrowsAnyAsync<Exception>(() => job.RunAsync(at, CancellationToken.None));
        probe.Reset();

        Assert.Empty((await (await host.Officer.GetAsync("api/snapshots")).ExpectAsync(200)).GetProperty("items").EnumerateArray());
        await (await host.Officer.GetAsync("api/snapshots/daily-2022-10-14")).ExpectAsync(404);

        // The crashed run's claim holds off other runs for a while, then the next run clears it and completes.
        await job.RunAsync(at.AddHours(1), CancellationToken.None);
        Assert.Null(await host.Service<SnapshotStore>().GetHeaderAsync("daily-2022-10-14", CancellationToken.None));
        clock.Advance(SnapshotStore.AbandonedAfter + TimeSpan.FromMinutes(1));
        await job.RunAsync(at.AddHours(2), CancellationToken.None);

        var snapshot = await (await host.Officer.GetAsync("api/snapshots/daily-2022-10-14")).ExpectAsync(200);
        Assert.Equal(16, snapshot.GetProperty("counts").GetProperty("milestones").GetInt32());
        var rows = await RowCount("daily-2022-10-14");
        Assert.Equal(snapshot.GetProperty("counts").GetProperty("rows").GetInt32(), rows);
    }

    [Fact]
    public async Task An_on_demand_snapshot_that_fails_is_a_503_and_leaves_nothing_behind()
    {
        probe.FailBatchesFrom = 1 + probe.Batches;

        await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(503);
        probe.Reset();

        Assert.Empty((await (await host.Officer.GetAsync("api/snapshots")).ExpectAsync(200)).GetProperty("items").EnumerateArray());
        var table = host.Service<FactStorage>().TableService.GetTableClient(host.Service<FactStorage>().TableName(SnapshotStore.RowsTable));
        Assert.Empty(await table.QueryAsync<TableEntity>(maxPerPage: 10).ToListAsync());
    }

    private async Task<int> RowCount(string id)
    {
        var storage = host.Service<FactStorage>();
        var table = storage.TableService.GetTableClient(storage.TableName(SnapshotStore.RowsTable));
        return (await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}")).ToListAsync()).Count;
    }

    private static JsonNode? Serialize(ProgrammeDocument document) => JsonNode.Parse(JsonSerializer.Serialize(document, FactJson.Options));

    private async Task<List<string>> ListedIdsAsync() =>
        (await (await host.Officer.GetAsync("api/snapshots?top=100")).ExpectAsync(200)).GetProperty("items").EnumerateArray()
            .Select(h => h.GetProperty("id").GetString()!).ToList();

    private async Task<string> PaperSnapshotAsync()
    {
        var report = await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(201);
        return report.GetProperty("snapshotId").GetString()!;
    }

    private async Task<int> StoredSnapshotRowsAsync()
    {
        var table = await host.Service<FactStorage>().TableAsync(SnapshotStore.RowsTable, CancellationToken.None);
        int rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            rows++;
        }

        return rows;
    }

    [Fact]
    public async Task Papers_of_an_unchanged_programme_reuse_the_latest_snapshot_and_write_no_new_rows()
    {
        string first = await PaperSnapshotAsync();
        int rows = await StoredSnapshotRowsAsync();

        string second = await PaperSnapshotAsync();
        string third = await PaperSnapshotAsync();

        Assert.Equal(first, second);
        Assert.Equal(first, third);
        Assert.Equal(rows, await StoredSnapshotRowsAsync());
        Assert.Single(await ListedIdsAsync());

        // A change, or a new London day, makes the next paper take a new snapshot.
        await (await host.Lead.PutAsync("api/projects/family-help/milestones/evaluation-partner-confirmed",
            FactHost.Json("""{"activity":"Evaluation partner confirmed","due":"December 2022","status":"at-risk","order":4}"""))).ExpectAsync(200);
        string afterEdit = await PaperSnapshotAsync();
        Assert.NotEqual(first, afterEdit);
        clock.Advance(TimeSpan.FromDays(1));
        string nextDay = await PaperSnapshotAsync();
        Assert.NotEqual(afterEdit, nextDay);
        Assert.Equal(3, (await ListedIdsAsync()).Count);
    }

    [Fact]
    public async Task On_demand_snapshots_no_paper_names_are_removed_after_the_retention_and_the_rest_are_kept()
    {
        var job = host.Service<DailySnapshotJob>();
        await job.RunAsync(clock.GetUtcNow(), CancellationToken.None);
        string daily = SnapshotStore.DailyId(new DateOnly(2022, 10, 14));
        await (await host.Lead.PutAsync("api/projects/family-help/milestones/evaluation-partner-confirmed",
            FactHost.Json("""{"activity":"Evaluation partner confirmed","due":"November 2022","status":"at-risk","order":4}"""))).ExpectAsync(200);
        clock.Advance(TimeSpan.FromMinutes(1));
        string named = await PaperSnapshotAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        string unnamed = (await (await host.Lead.PostAsync("api/snapshots", FactHost.Json("""{"label":"a look"}"""))).ExpectAsync(201)).GetProperty("id").GetString()!;
        await (await host.Lead.PutAsync("api/projects/family-help/milestones/evaluation-partner-confirmed",
            FactHost.Json("""{"activity":"Evaluation partner confirmed","due":"December 2022","status":"at-risk","order":4}"""))).ExpectAsync(200);
        clock.Advance(TimeSpan.FromMinutes(1));
        string latest = (await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!;
        Assert.Equal(4, (await ListedIdsAsync()).Count);

        // Within the retention nothing goes.
        clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await job.RemoveExpiredAsync(clock.GetUtcNow(), CancellationToken.None));

        clock.Advance(TimeSpan.FromDays(2));
        int removed = await job.RemoveExpiredAsync(clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal(1, removed);
        var listed = await ListedIdsAsync();
        Assert.DoesNotContain(unnamed, listed);
        Assert.Contains(daily, listed);
        Assert.Contains(named, listed);
        Assert.Contains(latest, listed);
        await (await host.Officer.GetAsync($"api/snapshots/{unnamed}")).ExpectAsync(404);
        var rows = await host.Service<FactStorage>().TableAsync(SnapshotStore.RowsTable, CancellationToken.None);
        await foreach (var row in rows.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {unnamed}")))
        {
            Assert.Fail($"row {row.RowKey} of the removed snapshot is still stored");
        }
    }
}
