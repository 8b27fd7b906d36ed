using FactFunctions.IntegrationTests.Infrastructure;

namespace FactFunctions.IntegrationTests;

/// <summary>These tests stop storage, so each has an Azurite of its own.</summary>
public sealed class HealthAndOutageTests : IAsyncLifetime
{
    private AzuriteProcess azurite = null!;
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteProcess.StartAsync();
        host = await FactHost.StartAsync(azurite.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Health_is_anonymous_and_200_while_storage_answers()
    {
        var health = await (await host.Anonymous.GetAsync("api/health")).ExpectAsync(200);

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("ok", health.GetProperty("storage").GetString());
    }

    [Fact]
    public async Task Health_is_503_with_retry_after_when_storage_is_down()
    {
        await azurite.StopAsync();

        var response = await host.Anonymous.GetAsync("api/health");

        Assert.Equal(503, (int)response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("unavailable", (await response.ReadJsonAsync()).GetProperty("storage").GetString());
    }

    [Fact]
    public async Task Reads_and_writes_during_an_outage_are_503_problems_and_work_again_after_it()
    {
        await (await host.Lead.PutAsync("api/projects/family-help", FactHost.Json("""{"name":"Family Help","status":"active"}"""))).ExpectAsync(201);
        await azurite.StopAsync();

        var write = await host.Lead.PutAsync("api/projects/esa", FactHost.Json("""{"name":"ESA","status":"active"}"""));
        await write.ExpectAsync(503);
        Assert.NotNull(write.Headers.RetryAfter);
        await (await host.Officer.GetAsync("api/projects")).ExpectAsync(503);
        await (await host.Lead.PostAsync("api/import", FactHost.Json(Programme.SampleJson.Text))).ExpectAsync(503);

        // Azurite comes back empty (in memory); the host must recover without a restart, at worst after one 503.
        await azurite.RestartAsync();
        HttpResponseMessage again = null!;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            again = await host.Lead.PutAsync("api/projects/esa", FactHost.Json("""{"name":"ESA","status":"active"}"""));
            if ((int)again.StatusCode != 503)
            {
                break;
            }
        }

        await again.ExpectAsync(201);
    }

    [Fact]
    public async Task Auth_is_checked_before_storage_so_an_outage_still_answers_401()
    {
        await azurite.StopAsync();

        await (await host.Anonymous.GetAsync("api/projects")).ExpectAsync(401);
    }
}
