using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>
/// A stand-in for SendGrid's v3 mail API on loopback. Each request takes the next scripted answer ("429", "500",
/// "slow", "202"); when the script is empty it accepts. Only requests answered 202 in time count as accepted.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> script = new();
    private WebApplication? app;

    public FakeSendGrid(int? port = null)
    {
        Port = port ?? FreePort();
    }

    public int Port { get; }

    public string Host => $"http://127.0.0.1:{Port}";

    public ConcurrentBag<AcceptedMail> Accepted { get; } = [];

    public int Requests => requests;

    private int requests;

    public sealed record AcceptedMail(string To, string Subject, string Key, string Html);

    public void Script(params string[] answers)
    {
        foreach (string answer in answers)
        {
            script.Enqueue(answer);
        }
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Host);
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v3/mail/send", async (HttpContext context) =>
        {
            Interlocked.Increment(ref requests);
            using var json = await JsonDocument.ParseAsync(context.Request.Body);
            string answer = script.TryDequeue(out var next) ? next : "202";
            switch (answer)
            {
                case "429":
                    context.Response.Headers.RetryAfter = "1";
                    return Results.StatusCode(429);
                case "500":
                    return Results.StatusCode(500);
                case "slow":
                    // Past the client's attempt timeout: the client gives up, so this one was never accepted.
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    return Results.StatusCode(503);
            }

            var root = json.RootElement;
            var personalization = root.GetProperty("personalizations")[0];
            string to = personalization.GetProperty("to")[0].GetProperty("email").GetString()!;
            string subject = root.TryGetProperty("subject", out var s) ? s.GetString()! : personalization.GetProperty("subject").GetString()!;
            string key = (root.TryGetProperty("custom_args", out var args) || personalization.TryGetProperty("custom_args", out args))
                ? args.GetProperty("factKey").GetString()!
                : string.Empty;
            string html = root.GetProperty("content").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "text/html").GetProperty("value").GetString()!;
            Accepted.Add(new AcceptedMail(to, subject, key, html));
            context.Response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N");
            return Results.StatusCode(202);
        });
        await app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
