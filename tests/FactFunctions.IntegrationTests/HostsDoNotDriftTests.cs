using System.Text.Json;
using FactFunctions.Api;
using FactFunctions.Http;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Jobs;
using FactFunctions.LocalHost;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.IntegrationTests;

/// <summary>
/// LocalHost and the Azure Functions app serve the route table (<see cref="FactRoutes.All"/>) and run the same timer
/// jobs. The Functions app is built by scripts/test.sh; its SDK-generated <c>functions.metadata</c> is what the
/// Functions host reads to bind triggers, so that file is checked against the table here.
/// </summary>
public sealed class HostsDoNotDriftTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly string[] EveryMethod = ["get", "post", "put", "delete", "patch", "head", "options"];

    [Fact]
    public void The_functions_app_declares_one_anonymous_function_per_route_with_its_methods_and_path()
    {
        var functions = FunctionsMetadata();

        foreach (var route in FactRoutes.All)
        {
            Assert.True(functions.TryGetValue(route.FunctionName, out var function), $"No function named {route.FunctionName} in src/FactFunctions ({route.Method} {route.Path}).");
            var trigger = Trigger(function, "httpTrigger");
            Assert.Equal(route.Path, trigger.GetProperty("route").GetString());
            Assert.Equal(route.Methods.Select(m => m.ToLowerInvariant()).Order(), Methods(trigger).Order());
            Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        }
    }

    [Fact]
    public void The_functions_app_serves_the_openapi_document_and_a_fallback_and_nothing_beyond_the_table_and_the_jobs()
    {
        var functions = FunctionsMetadata();
        var jobs = Jobs();

        var openApi = Trigger(functions["OpenApi"], "httpTrigger");
        Assert.Equal(Routes.OpenApi, openApi.GetProperty("route").GetString());
        Assert.Equal(["get"], Methods(openApi));
        var fallback = Trigger(functions["NoSuchRoute"], "httpTrigger");
        Assert.Equal(Routes.Fallback, fallback.GetProperty("route").GetString());
        Assert.Equal(EveryMethod.Order(), Methods(fallback).Order());

        var expected = FactRoutes.All.Select(r => r.FunctionName).Concat(["OpenApi", "NoSuchRoute"]).Concat(jobs.Select(j => j.Name));
        Assert.Equal(expected.Order(StringComparer.Ordinal), functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(functions.Values.SelectMany(f => f.GetProperty("bindings").EnumerateArray()).Where(b => b.TryGetProperty("authLevel", out _)),
            binding => Assert.Equal("Anonymous", binding.GetProperty("authLevel").GetString()));
    }

    [Fact]
    public void Every_timer_job_has_a_timer_function_on_its_schedule_retried_after_a_delay()
    {
        var functions = FunctionsMetadata();
        var jobs = Jobs();

        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            Assert.True(functions.TryGetValue(job.Name, out var function), $"No timer function named {job.Name}.");
            Assert.Equal(job.Schedule, Trigger(function, "timerTrigger").GetProperty("schedule").GetString());
            Assert.Equal("fixedDelay", function.GetProperty("retry").GetProperty("strategy").GetString());
        }
    }

    [Fact]
    public void Localhost_maps_exactly_the_route_table()
    {
        var app = LocalHostApp.Build(["--environment", "Testing"]);
        var mapped = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m.ToUpperInvariant()} {e.RoutePattern.RawText}"))
            .Where(r => r.Contains($" {Routes.BasePath}/", StringComparison.Ordinal) && !r.EndsWith(Routes.OpenApi, StringComparison.Ordinal))
            .ToList();
        var table = FactRoutes.All.SelectMany(r => r.Methods.Select(m => $"{m.ToUpperInvariant()} {Routes.BasePath}/{r.Path}")).ToList();

        Assert.Equal(table.Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
        Assert.Equal(FactRoutes.All.Count, FactRoutes.All.Select(r => r.OperationId).Distinct().Count());
    }

    /// <summary>The role each entry of the table declares is the one its handler enforces: below it, 401 or 403.</summary>
    [Fact]
    public async Task Each_route_refuses_callers_below_the_role_the_table_declares()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await FactHost.StartAsync(azurite.ConnectionString);

        foreach (var route in FactRoutes.All)
        {
            string path = "api/" + System.Text.RegularExpressions.Regex.Replace(route.Path, @"\{[^}]+\}", "x");
            foreach (string method in route.Methods)
            {
                async Task<int> Send(HttpClient client) =>
                    (int)(await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
                    {
                        Content = method is "PUT" or "POST"
                        ? new StringContent("{}") : null
                    })).StatusCode;

                int anonymous = await Send(host.Anonymous);
                int officer = await Send(host.Officer);
                switch (route.Role)
                {
                    case null:
                        Assert.True(anonymous is not (401 or 403), $"{method} {route.Path} is anonymous in the table but answered {anonymous} without a key.");
                        break;
                    case FactRole.Officer:
                        Assert.True(anonymous == 401, $"{method} {route.Path} answered {anonymous} without a key.");
                        Assert.True(officer is not (401 or 403), $"{method} {route.Path} is for officers in the table but answered {officer} to an officer.");
                        break;
                    case FactRole.ProgrammeLead:
                        Assert.True(anonymous == 401, $"{method} {route.Path} answered {anonymous} without a key.");
                        Assert.True(officer == 403, $"{method} {route.Path} is for the lead in the table but answered {officer} to an officer.");
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(route), route.Role, "Unknown role.");
                }
            }
        }
    }

    /// <summary>
    /// The Functions app serves the OpenAPI document embedded in Core; LocalHost generates it from the route table. They
    /// are the same document: run with FACT_UPDATE_OPENAPI=1 to rewrite the embedded file after changing a route.
    /// </summary>
    [Fact]
    public async Task The_embedded_openapi_document_the_functions_app_serves_is_the_one_localhost_generates()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await FactHost.StartAsync(azurite.ConnectionString);
        string generated = await (await host.Anonymous.GetAsync($"api/{Routes.OpenApi}")).Content.ReadAsStringAsync();
        string file = Path.Combine(RepositoryRoot.Path, "src", "FactFunctions.Core", "Http", "openapi.json");
        if (Environment.GetEnvironmentVariable("FACT_UPDATE_OPENAPI") == "1")
        {
            var indented = JsonSerializer.Serialize(JsonDocument.Parse(generated).RootElement, new JsonSerializerOptions { WriteIndented = true });
            await File.WriteAllTextAsync(file, indented + "\n");
        }

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(generated), System.Text.Json.Nodes.JsonNode.Parse(OpenApiDocument.Json)),
            "src/FactFunctions.Core/Http/openapi.json is not the document LocalHost generates; run the integration tests with FACT_UPDATE_OPENAPI=1 to rewrite it.");
    }

    /// <summary>An unknown route is the same problem+json 404 in both hosts: LocalHost's fallback and the Functions app's catch-all both answer <see
    /// cref="Problems.NoSuchRoute"/>.</summary>
    [Fact]
    public async Task An_unknown_route_is_a_problem_404()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await FactHost.StartAsync(azurite.ConnectionString);

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Delete })
        {
            var problem = await (await host.Lead.SendAsync(new HttpRequestMessage(method, "api/no/such/route"))).ExpectAsync(404);
            Assert.Equal("No such route.", problem.GetProperty("title").GetString());
            Assert.Equal(Problems.NotFoundType, problem.GetProperty("type").GetString());
        }
    }

    private static List<IFactJob> Jobs()
    {
        // Resolving the jobs builds storage clients (no call is made), so give them a connection to describe.
        var app = LocalHostApp.Build(["--environment", "Testing", "--FactStorage", "UseDevelopmentStorage=true"]);
        return app.Services.GetServices<IFactJob>().ToList();
    }

    private static Dictionary<string, JsonElement> FunctionsMetadata()
    {
        string file = Path.Combine(RepositoryRoot.Path, "src", "FactFunctions", "bin", Configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(file), $"{file} is missing: build the Functions app first (dotnet build src/FactFunctions -c {Configuration}; scripts/test.sh does).");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        return json.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone(), StringComparer.Ordinal);
    }

    private static JsonElement Trigger(JsonElement function, string type) =>
        Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString() == type && b.GetProperty("direction").GetString() == "In");

    private static List<string> Methods(JsonElement trigger) => trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToList();
}
