using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FactFunctions.Http;
using FactFunctions.LocalHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>FactFunctions.LocalHost on a free loopback port with its own storage prefix, driven over real HTTP.</summary>
public sealed class FactHost : IAsyncDisposable
{
    public const string LeadKey = "test-programme-lead-key-0001";
    public const string OfficerKey = "test-officer-key-000000001";
    public const string SigningKey = "test-link-signing-key-0000000000000001";

    private FactHost(WebApplication app, Uri baseAddress, string prefix)
    {
        App = app;
        BaseAddress = baseAddress;
        Prefix = prefix;
        Lead = Client(LeadKey);
        Officer = Client(OfficerKey);
        Anonymous = Client(null);
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string Prefix { get; }

    /// <summary>A client holding the programme lead's key.</summary>
    public HttpClient Lead { get; }

    public HttpClient Officer { get; }

    public HttpClient Anonymous { get; }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<FactHost> StartAsync(string connectionString, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        string prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Testing"], builder =>
        {
            var values = new Dictionary<string, string?>
            {
                ["FactStorage"] = connectionString,
                ["Fact:Storage:Prefix"] = prefix,
                ["Fact:Keys:ProgrammeLead"] = LeadKey,
                ["Fact:Keys:Officer"] = OfficerKey,
                ["Fact:Links:SigningKey"] = SigningKey,
                ["Fact:LocalHost:RunTimers"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Azure"] = "Error",
            };
            foreach (var pair in settings ?? new Dictionary<string, string?>())
            {
                values[pair.Key] = pair.Value;
            }

            builder.Configuration.AddInMemoryCollection(values);
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FactHost(app, new Uri(address.TrimEnd('/') + "/"), prefix);
    }

    public HttpClient Client(string? key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(CallerAuthorizer.KeyHeader, key);
        }

        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>An approval for tests that are not about clearance: the sample's Select Committee names clearers.</summary>
    public static StringContent Approval() => Json("""{"overrideReason":"Cleared outside FACT for this test."}""");

    /// <summary>A publication for tests run by the real clock, after the sample's meetings: every one is a late item.</summary>
    public static StringContent LatePublication() => Json("""{"lateReason":"The sample's meetings are in the past."}""");

    public static JsonContent Json<T>(T value) => JsonContent.Create(value, options: FactJson.Options);

    public async ValueTask DisposeAsync()
    {
        Lead.Dispose();
        Officer.Dispose();
        Anonymous.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

public static class HttpAssertions
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status and, for errors, that the body is problem details naming that status.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, int status)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        if (body.Length == 0)
        {
            return default;
        }

        var json = JsonDocument.Parse(body).RootElement.Clone();
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(status, json.GetProperty("status").GetInt32());
            Assert.True(json.TryGetProperty("type", out _));
            Assert.True(json.TryGetProperty("title", out _));
        }

        return json;
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("The response has no ETag.");

    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string etag)
    {
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    public static MediaTypeHeaderValue JsonType => new("application/json");
}
