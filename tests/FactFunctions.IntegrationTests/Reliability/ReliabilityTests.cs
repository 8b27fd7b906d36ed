using System.Security.Cryptography;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using FactFunctions.Jobs;
using FactFunctions.Programme;
using FactFunctions.Snapshots;
using FactFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>Faults with a real Azurite of their own: stopped in the middle of work, then started again.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly StorageProbe probe = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 10, 14, 9, 0, 0, TimeSpan.Zero));
    private AzuriteProcess azurite = null!;
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync(persistent: true);
        host = await FactHost.StartAsync(azurite.ConnectionString, services: s =>
        {
            s.AddSingleton<StoragePipelinePolicy>(probe);
            s.AddSingleton<TimeProvider>(clock);
        });
        var document = new ProgrammeDocument
        {
            Projects = Enumerable.Range(0, 5).Select(p => new ProjectDocument
            {
                Id = $"p{p}",
                Name = $"Project {p}",
                Status = "active",
                Milestones = Enumerable.Range(0, 100).Select(m => new MilestoneDocument
                {
                    Id = $"m{m}",
                    Activity = $"Milestone {m}",
                    Due = "Q1 2023",
                    Status = "planned"
                }).ToList(),
            }).ToList(),
        };
        await host.Service<ProgrammeImporter>().ImportAsync(document, CancellationToken.None);

        // Azurite saves its on-disk metadata every few seconds; let the imported data reach the disk before any kill.
        await Task.Delay(TimeSpan.FromSeconds(7));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await azurite.DisposeAsync();
    }

    /// <summary>
    /// Right after storage comes back, the first calls may meet connections the outage broke and answer 503 with
    /// Retry-After; a client that honours it gets through. Bounded: at most 10 tries, 200 ms apart.
    /// </summary>
    private async Task<HttpResponseMessage> GetHonouringRetryAfterAsync(string path)
    {
        HttpResponseMessage response = null!;
        for (int attempt = 0; attempt < 10; attempt++)
        {
            response = await host.Officer.GetAsync(path);
            if ((int)response.StatusCode != 503)
            {
                break;
            }

            await Task.Delay(200);
        }

        return response;
    }

    [Fact]
    public async Task Storage_stopped_in_the_middle_of_a_snapshot_leaves_none_listed_and_the_next_run_completes_it()
    {
        var job = host.Service<DailySnapshotJob>();
        var at = new DateTimeOffset(2022, 10, 14, 8, 0, 0, TimeSpan.Zero);
        probe.OnBatch = (probe.Batches + 3, azurite.Kill);

        await Assert.ThrowsAnyAsync<Exception>(() => job.RunAsync(at, CancellationToken.None));
        Assert.False(azurite.IsRunning);
        probe.Reset();

        await azurite.RestartAsync();
        var listed = await (await GetHonouringRetryAfterAsync("api/snapshots")).ExpectAsync(200);
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
        await (await host.Officer.GetAsync("api/snapshots/daily-2022-10-14")).ExpectAsync(404);

        clock.Advance(SnapshotStore.AbandonedAfter + TimeSpan.FromMinutes(1));
        await job.RunAsync(at.AddHours(1), CancellationToken.None);

        var snapshot = await (await host.Officer.GetAsync("api/snapshots/daily-2022-10-14")).ExpectAsync(200);
        Assert.Equal(500, snapshot.GetProperty("counts").GetProperty("milestones").GetInt32());
        Assert.Equal(500, snapshot.GetProperty("projects").EnumerateArray().Sum(p => p.GetProperty("milestones").GetArrayLength()));
    }

    [Fact]
    public async Task Storage_down_during_any_call_is_a_503_with_retry_after_and_nothing_half_written()
    {
        string before = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();
        azurite.Kill();

        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
                 {
                     (HttpMethod.Get, "api/projects", null),
                     (HttpMethod.Get, "api/milestones", null),
                     (HttpMethod.Put, "api/projects/p9", """{"name":"P9","status":"active"}"""),
                     (HttpMethod.Delete, "api/projects/p0", null),
                     (HttpMethod.Post, "api/import", SampleJson.Text),
                     (HttpMethod.Post, "api/snapshots", null),
                     (HttpMethod.Post, "api/reports", """{"kind":"select-committee","meetingDate":"2022-11-08"}"""),
                     (HttpMethod.Put, "api/boards/b1", """{"name":"B","kind":"operational-board","members":[]}"""),
                     (HttpMethod.Post, "api/reminders/run", """{"asOf":"2022-10-25","dryRun":false}"""),
                     (HttpMethod.Get, "api/calendar.ics", null),
                 })
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : FactHost.Json(body) };
            var response = await host.Lead.SendAsync(request);
            await response.ExpectAsync(503);
            Assert.NotNull(response.Headers.RetryAfter);
        }

        await azurite.RestartAsync();
        Assert.Equal(before, await (await GetHonouringRetryAfterAsync("api/export")).Content.ReadAsStringAsync());
    }
}

/// <summary>Bounded load on loopback: 8 clients generating papers for 30 seconds.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PaperLoadTests(AzuriteFixture fixture)
{
    [Fact]
    public async Task Eight_clients_generating_papers_for_thirty_seconds_see_no_error_and_every_blob_matches_its_hash()
    {
        await using var host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
        string snapshot = (await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!;

        var until = DateTime.UtcNow.AddSeconds(30);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        int generated = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async client =>
        {
            string kind = client % 2 == 0 ? "select-committee" : "schools-forum";
            // Bounded in time and in count.
            for (int i = 0; i < 500 && DateTime.UtcNow < until; i++)
            {
                string body = client % 4 == 0
                    ? $$"""{"kind":"{{kind}}","meetingDate":"2022-11-08"}"""
                    : $$"""{"kind":"{{kind}}","meetingDate":"2022-11-08","snapshotId":"{{snapshot}}"}""";
                var response = await host.Lead.PostAsync("api/reports", FactHost.Json(body));
                if ((int)response.StatusCode != 201)
                {
                    errors.Enqueue($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    continue;
                }

                Interlocked.Increment(ref generated);
            }
        }));

        Assert.Empty(errors);
        Assert.True(generated >= 16, $"only {generated} papers in 30 s");
        var reports = await (await host.Officer.GetAsync("api/reports")).ExpectAsync(200);
        Assert.Equal(generated, reports.GetArrayLength());
        foreach (var report in reports.EnumerateArray().Take(60))
        {
            byte[] content = await (await host.Officer.GetAsync($"api/reports/{report.GetProperty("id").GetString()}/content")).Content.ReadAsByteArrayAsync();
            Assert.Equal(report.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(content)));
        }
    }
}
