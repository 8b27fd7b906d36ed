using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Storage;

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

    /// <summary>
    /// Storage that accepts connections and never answers (a hung account, a black-holed network) is the slowest
    /// outage: with the default retry settings the caller still has its 503 within ten seconds.
    /// </summary>
    [Fact]
    public async Task A_hung_storage_service_is_a_503_within_ten_seconds_with_the_default_settings()
    {
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        var accepted = new List<Socket>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                accepted.Add(await blackHole.AcceptSocketAsync(stop.Token));
            }
        });
        int port = ((IPEndPoint)blackHole.LocalEndpoint).Port;
        string connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteProcess.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
        await using var hung = await FactHost.StartAsync(connection);

        var clock = Stopwatch.StartNew();
        var response = await hung.Officer.GetAsync("api/projects");
        clock.Stop();

        await response.ExpectAsync(503);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(FactStorageOptions.OutageAnswerSeconds + 1), $"the 503 took {clock.Elapsed.TotalSeconds:N1} s");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => accepting);
        accepted.ForEach(s => s.Dispose());
    }

    /// <summary>
    /// A client whose body stalls half-way (below Kestrel's minimum data rate) gets a 408 about its body, never a 503
    /// outage. Bounded: Kestrel gives up after its 5 s grace period; the test waits at most 30 s.
    /// </summary>
    [Fact]
    public async Task A_body_that_stalls_half_way_is_a_client_error_not_an_outage()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(host.BaseAddress.Host, host.BaseAddress.Port);
        var stream = client.GetStream();
        string head = "PUT /api/projects/family-help HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            $"x-functions-key: {FactHost.LeadKey}\r\nContent-Length: 1000\r\n\r\n{{\"name\":\"Fam";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();

        using var reader = new StreamReader(stream);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string status = await reader.ReadLineAsync(timeout.Token) ?? string.Empty;
        string rest = await reader.ReadToEndAsync(timeout.Token);

        Assert.Matches("^HTTP/1.1 (400|408) ", status);
        Assert.Contains("unreadable-body", rest, StringComparison.Ordinal);
    }
}
