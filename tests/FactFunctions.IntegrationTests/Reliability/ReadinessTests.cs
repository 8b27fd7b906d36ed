using System.Net;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using FactFunctions.LocalHost;
using FactFunctions.Programme;
using FactFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// A host is ready when it says so (issue 28): health answers 503 "starting" until the sample is loaded, and an import
/// still being written is "in progress, ask again" (409 with Retry-After), never "send it again".
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadinessTests(AzuriteFixture fixture)
{
    private static readonly string[] ThreePapers =
    [
        """{"kind":"select-committee","meetingDate":"2022-11-08","reportDate":"2022-10-14"}""",
        """{"kind":"schools-forum","meetingDate":"2022-12-08"}""",
        """{"kind":"highlight","meetingDate":"2023-01-10","reportDate":"2022-12-28"}""",
    ];

    /// <summary>
    /// A newcomer's script: start with the sample, wait for the first healthy answer, then at once read the boards and
    /// generate the three papers together. Every answer is the whole sample; nothing is a 409 or an empty list.
    /// </summary>
    [Fact]
    public async Task The_first_request_after_the_first_healthy_answer_sees_the_whole_sample()
    {
        var expected = SampleProgramme.LoadTo2025();

        // The sample's first transaction is held for a second, as a cold Azurite does, so the host is surely seen starting.
        var probe = new StorageProbe { OnBatch = (1, () => Thread.Sleep(1000)) };
        await using var host = await fixture.StartHostAsync(new Dictionary<string, string?> { ["Fact:LocalHost:LoadSampleWhenEmpty"] = "true" },
            s => s.AddSingleton<StoragePipelinePolicy>(probe));

        int starting = 0;
        HttpResponseMessage health = null!;
        for (int attempt = 0; attempt < 600; attempt++)
        {
            health = await host.Anonymous.GetAsync("api/health");
            if (health.StatusCode == HttpStatusCode.OK)
            {
                break;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.NotNull(health.Headers.RetryAfter);
            var body = await health.ReadJsonAsync();
            Assert.Equal("starting", body.GetProperty("status").GetString());
            Assert.Contains(SampleLoader.Waiting, body.GetProperty("waitingFor").EnumerateArray().Select(w => w.GetString()));
            starting++;
            await Task.Delay(100);
        }

        var ready = await health.ExpectAsync(200);
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.False(ready.TryGetProperty("waitingFor", out _));

        var boards = host.Officer.GetAsync("api/boards");
        var projects = host.Officer.GetAsync("api/projects");
        var papers = ThreePapers.Select(p => host.Lead.PostAsync("api/reports", FactHost.Json(p))).ToList();
        Assert.Equal(expected.Boards!.Count, (await (await boards).ExpectAsync(200)).GetArrayLength());
        Assert.Equal(expected.Projects!.Count, (await (await projects).ExpectAsync(200)).GetArrayLength());
        foreach (var paper in papers)
        {
            await (await paper).ExpectAsync(201);
        }

        Assert.True(starting > 0, "health was never 'starting': the test did not see the host before the sample was loaded");
    }

    /// <summary>An import part-way through: a paper asked for meanwhile is told to wait, not to resend anything.</summary>
    [Fact]
    public async Task A_paper_asked_for_during_an_import_is_told_the_import_is_in_progress_with_retry_after()
    {
        var probe = new StorageProbe();
        await using var host = await fixture.StartHostAsync(services: s => s.AddSingleton<StoragePipelinePolicy>(probe));
        await host.Service<SampleProgramme>().LoadIfEmptyAsync(CancellationToken.None);

        HttpResponseMessage during = null!;
        string? body = null;
        void AskMidway()
        {
            // On the importing thread, between two of its transactions: the import is under way.
            during = host.Lead.PostAsync("api/reports", FactHost.Json(ThreePapers[0])).GetAwaiter().GetResult();
            body = during.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        }

        probe.OnBatch = (probe.Batches + 3, AskMidway);
        await (await host.Lead.PostAsync("api/import", FactHost.Json(SampleJson.Text))).ExpectAsync(200);

        Assert.NotNull(body);
        Assert.Equal(HttpStatusCode.Conflict, during.StatusCode);
        Assert.Contains("/problems/import-in-progress", body, StringComparison.Ordinal);
        Assert.Contains("Nothing needs sending again", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Send that import again", body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(ImportRefusal.RetryAfterSeconds), during.Headers.RetryAfter?.Delta);

        // Once it has completed, the same request succeeds.
        await (await host.Lead.PostAsync("api/reports", FactHost.Json(ThreePapers[0]))).ExpectAsync(201);
    }
}
