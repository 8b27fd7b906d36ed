using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Programme;
using FactFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// Writers that lose a race change nothing, made deterministic by letting the other writer run at an exact storage
/// step (<see cref="StorageProbe.BeforeRequest"/>), and multi-step deletes that stop half-way are completed by resending.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RaceTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const int Milestones = 150;
    private readonly StorageProbe probe = new();
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync(services: s => s.AddSingleton<StoragePipelinePolicy>(probe));
        var document = new ProgrammeDocument
        {
            Projects =
            [
                new ProjectDocument
                {
                    Id = "family-help",
                    Name = "Family Help",
                    Status = "active",
                    Milestones = Enumerable.Range(0, Milestones).Select(m => new MilestoneDocument { Id = $"m{m}", Activity = $"Milestone {m}",
                        Due = "Q1 2023", Status = "planned" }).ToList(),
                    Updates = [new UpdateDocument { AsOf = new DateOnly(2022, 10, 14), Paragraphs = ["Progress."] }],
                },
                new ProjectDocument { Id = "other", Name = "Other", Status = "active" },
            ],
        };
        await host.Service<ProgrammeImporter>().ImportAsync(document, CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static bool ProjectRowWrite(string method, string path) =>
        method is "PATCH" or "MERGE" or "PUT" or "DELETE" && path.Contains("Projects(", StringComparison.Ordinal);

    private async Task<int> MilestoneCountAsync(string projectId)
    {
        var listed = await (await host.Officer.GetAsync("api/milestones")).ExpectAsync(200);
        return listed.EnumerateArray().Count(m => m.GetProperty("projectId").GetString() == projectId);
    }

    private async Task<int> StoredMilestoneRowsAsync(string projectId)
    {
        var table = await host.Service<FactStorage>().TableAsync(Tables.Milestones, CancellationToken.None);
        int rows = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient
            .CreateQueryFilter($"PartitionKey eq {projectId}"), select: ["RowKey"]))
        {
            rows++;
        }

        return rows;
    }

    /// <summary>
    /// Two deletes of one project at once each find rows the other already removed: neither is a 500 (the second
    /// answered one from a batch deleting rows already gone), and the project and its milestones are gone.
    /// </summary>
    [Fact]
    public async Task Two_deletes_of_a_project_at_once_both_answer_and_leave_nothing()
    {
        var deletes = Enumerable.Range(0, 3).Select(async i =>
        {
            await Task.Delay(i * 20);
            return (int)(await host.Lead.DeleteAsync("api/projects/family-help")).StatusCode;
        }).ToList();
        int[] statuses = await Task.WhenAll(deletes);

        Assert.All(statuses, status => Assert.True(status is 204 or 404, $"A concurrent delete answered {status}."));
        Assert.Contains(204, statuses);
        await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(404);
        var left = await (await host.Officer.GetAsync("api/milestones")).ExpectAsync(200);
        Assert.DoesNotContain(left.EnumerateArray(), m => m.GetProperty("projectId").GetString() == "family-help");
    }

    [Fact]
    public async Task A_project_delete_that_loses_its_if_match_race_removes_no_milestone_or_update()
    {
        var project = await host.Officer.GetAsync("api/projects/family-help");
        string etag = project.ETag();

        // Another writer changes the project just before the delete first writes to it.
        probe.BeforeRequest = (ProjectRowWrite, () => host.Service<ProgrammeStore>()
            .PutProjectAsync("family-help", new ProjectFields { Name = "Family Help (renamed)", Status = "active" }, Precondition.None, CancellationToken.None)
            .GetAwaiter().GetResult());
        var delete = new HttpRequestMessage(HttpMethod.Delete, "api/projects/family-help").WithIfMatch(etag);

        await (await host.Lead.SendAsync(delete)).ExpectAsync(412);

        Assert.Null(probe.BeforeRequest);
        Assert.Equal(Milestones, await StoredMilestoneRowsAsync("family-help"));
        var after = await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(200);
        Assert.Equal("Family Help (renamed)", after.GetProperty("name").GetString());
        Assert.Equal(Milestones, after.GetProperty("milestones").GetArrayLength());
        Assert.Equal(1, after.GetProperty("updates").GetArrayLength());
    }

    [Fact]
    public async Task A_milestone_written_while_its_project_is_deleted_is_taken_back_and_answered_404()
    {
        // The delete runs whole between the milestone write's check that the project exists and its write.
        probe.BeforeRequest = ((method, path) => method == "POST" && path.EndsWith("Milestones", StringComparison.Ordinal),
            () => host.Service<ProgrammeStore>().DeleteProjectAsync("family-help", null, CancellationToken.None).GetAwaiter().GetResult());

        var put = await host.Lead.PutAsync("api/projects/family-help/milestones/late",
            FactHost.Json("""{"activity":"Written during the delete","due":"March 2023","status":"planned"}"""));

        await put.ExpectAsync(404);
        Assert.Null(probe.BeforeRequest);
        Assert.Equal(0, await StoredMilestoneRowsAsync("family-help"));
        Assert.Equal(0, await MilestoneCountAsync("family-help"));
        await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(404);
    }

    [Fact]
    public async Task An_update_added_while_its_project_is_deleted_is_taken_back_and_answered_404()
    {
        probe.BeforeRequest = ((method, path) => method == "POST" && path.EndsWith("Updates", StringComparison.Ordinal),
            () => host.Service<ProgrammeStore>().DeleteProjectAsync("family-help", null, CancellationToken.None).GetAwaiter().GetResult());

        var post = await host.Lead.PostAsync("api/projects/family-help/updates", FactHost.Json("""{"asOf":"2022-11-01","audience":"both","paragraphs":["Late news."]}"""));

        await post.ExpectAsync(404);
        var table = await host.Service<FactStorage>().TableAsync(Tables.Updates, CancellationToken.None);
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {"family-help"}")))
        {
            Assert.Fail($"update {row.RowKey} outlived its project");
        }
    }

    [Fact]
    public async Task A_project_delete_cut_short_hides_the_project_at_once_and_resending_it_completes_the_delete()
    {
        probe.FailBatchesFrom = 1;
        var first = await host.Lead.DeleteAsync("api/projects/family-help");
        var outage = await first.ExpectAsync(503);
        probe.Reset();

        // Marked, so already gone for readers: not listed, not exported, its milestones not listed.
        await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(404);
        Assert.Equal(0, await MilestoneCountAsync("family-help"));
        var export = await (await host.Officer.GetAsync("api/export")).ExpectAsync(200);
        Assert.DoesNotContain(export.GetProperty("projects").EnumerateArray(), p => p.GetProperty("id").GetString() == "family-help");
        Assert.True(await StoredMilestoneRowsAsync("family-help") > 0, "the injected fault should have stopped the clean-up");
        Assert.Contains("again", outage.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);

        await (await host.Lead.DeleteAsync("api/projects/family-help")).ExpectAsync(204);
        Assert.Equal(0, await StoredMilestoneRowsAsync("family-help"));
        await (await host.Lead.DeleteAsync("api/projects/family-help")).ExpectAsync(404);
        await (await host.Officer.GetAsync("api/projects/other")).ExpectAsync(200);
    }

    [Fact]
    public async Task An_import_cut_short_says_so_blocks_snapshots_and_papers_until_resent_and_the_resend_completes_it()
    {
        string document = System.Text.Json.JsonSerializer.Serialize(new ProgrammeDocument
        {
            Projects =
            [
                new ProjectDocument
                {
                    Id = "imported",
                    Name = "Imported",
                    Status = "active",
                    Milestones = Enumerable.Range(0, 900).Select(m => new MilestoneDocument { Id = $"i{m}", Activity = $"Imported {m}",
                        Due = "Q2 2023", Status = "planned" }).ToList(),
                },
            ],
        }, FactFunctions.Http.FactJson.Options);

        // Storage fails at the seventh transaction (the journal and the project row are stored; some milestone
        // transactions may be, the rest are not).
        probe.FailBatchesFrom = 7;
        var cut = await (await host.Lead.PostAsync("api/import", FactHost.Json(document))).ExpectAsync(503);
        probe.Reset();

        string detail = cut.GetProperty("detail").GetString()!;
        Assert.Contains("may already be stored", detail, StringComparison.Ordinal);
        Assert.Contains("again", detail, StringComparison.Ordinal);
        int partial = await StoredMilestoneRowsAsync("imported");
        Assert.InRange(partial, 0, 899);

        var snapshot = await (await host.Lead.PostAsync("api/snapshots", FactHost.Json("{}"))).ExpectAsync(409);
        Assert.Contains("stopped before it completed", snapshot.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        Assert.Contains("Send that import again", snapshot.GetProperty("detail").GetString()!, StringComparison.Ordinal);
        var paper = await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(409);
        Assert.Equal("https://factfunctions.example/problems/import-incomplete", paper.GetProperty("type").GetString());
        var listed = await (await host.Officer.GetAsync("api/snapshots")).ExpectAsync(200);
        Assert.Equal(0, listed.GetProperty("items").GetArrayLength());

        await (await host.Lead.PostAsync("api/import", FactHost.Json(document))).ExpectAsync(200);

        Assert.Equal(900, await StoredMilestoneRowsAsync("imported"));
        var taken = await (await host.Lead.PostAsync("api/snapshots", FactHost.Json("{}"))).ExpectAsync(201);
        Assert.Equal(Milestones + 900, taken.GetProperty("counts").GetProperty("milestones").GetInt32());
        await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(201);
    }

    /// <summary>
    /// Two imports overlap and the later one stops half-way: the earlier one completing must not remove the later one's
    /// marker (it removed any marker, so a snapshot was taken from a half-applied programme).
    /// </summary>
    [Fact]
    public async Task An_older_import_completing_leaves_the_marker_of_a_newer_one_that_stopped()
    {
        var importer = host.Service<ProgrammeImporter>();
        ProgrammeDocument Document(string id) => new()
        {
            Projects =
            [
                new ProjectDocument
                {
                    Id = id, Name = id, Status = "active",
                    Milestones = Enumerable.Range(0, 300).Select(m => new MilestoneDocument { Id = $"m{m}", Activity = $"M {m}", Due = "Q2 2023", Status = "planned" })
                        .ToList(),
                },
            ],
        };

        Exception? newer = null;
        void NewerImportStopsHalfWay()
        {
            probe.OnBatch = null;
            probe.FailBatchesFrom = probe.Batches + 2;
            newer = Record.Exception(() => importer.ImportAsync(Document("newer"), CancellationToken.None).GetAwaiter().GetResult());
            probe.FailBatchesFrom = null;
        }

        probe.OnBatch = (probe.Batches + 2, NewerImportStopsHalfWay);
        await importer.ImportAsync(Document("older"), CancellationToken.None);
        Assert.NotNull(newer);

        var refused = await (await host.Lead.PostAsync("api/snapshots", FactHost.Json("{}"))).ExpectAsync(409);
        Assert.Contains("Send that import again", refused.GetProperty("detail").GetString()!, StringComparison.Ordinal);

        await importer.ImportAsync(Document("newer"), CancellationToken.None);
        await (await host.Lead.PostAsync("api/snapshots", FactHost.Json("{}"))).ExpectAsync(201);
    }
}
