using System.Reflection;
using System.Text.RegularExpressions;
using FactFunctions.Http;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.LocalHost;
using FactFunctions.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.IntegrationTests;

/// <summary>
/// LocalHost and the Azure Functions app must serve the same routes. The Functions app cannot be compiled here, so
/// its [Function] declarations are read from source.
/// </summary>
public sealed partial class HostsDoNotDriftTests
{
    private static readonly Dictionary<string, string> RouteConstants = typeof(Routes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name is not (nameof(Routes.BasePath) or nameof(Routes.Fallback)))
        .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    private static string FunctionsSource =>
        string.Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "FactFunctions"), "*.cs").Select(File.ReadAllText));

    [Fact]
    public void Every_route_constant_is_mapped_by_localhost_and_declared_by_a_function()
    {
        var local = LocalHostRoutes();
        var functions = FunctionRoutes();

        foreach (var (name, route) in RouteConstants)
        {
            Assert.True(local.Any(r => r.Route == route), $"LocalHost does not map Routes.{name} ({route}).");
            Assert.True(functions.Any(r => r.Route == route), $"No [Function] in src/FactFunctions declares Routes.{name} ({route}).");
        }
    }

    [Fact]
    public void Both_hosts_serve_the_same_methods_on_the_same_routes()
    {
        var local = LocalHostRoutes();
        var functions = FunctionRoutes();

        Assert.Equal(local.OrderBy(r => r.Route).ThenBy(r => r.Method), functions.OrderBy(r => r.Route).ThenBy(r => r.Method));
    }

    [Fact]
    public void Every_timer_job_runs_in_localhost_and_has_a_timer_function_on_the_same_schedule()
    {
        // Resolving the jobs builds storage clients (no call is made), so give them a connection to describe.
        var app = LocalHostApp.Build(["--environment", "Testing", "--FactStorage", "UseDevelopmentStorage=true"]);
        var jobs = app.Services.GetServices<FactFunctions.Jobs.IFactJob>().ToList();
        var schedules = typeof(FactFunctions.Jobs.Schedules).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
        var timers = TimerTrigger().Matches(FunctionsSource).Select(m => (Function: m.Groups["function"].Value, Schedule: schedules[m.Groups["schedule"].Value])).ToList();

        Assert.NotEmpty(jobs);
        foreach (var job in jobs)
        {
            Assert.Contains(timers, t => t.Function == job.Name && t.Schedule == job.Schedule);
        }

        Assert.Equal(jobs.Count, timers.Count);
    }

    [GeneratedRegex("""\[Function\(nameof\((?<function>\w+)\)\)\]\s*\[FixedDelayRetry\([^)]*\)\]\s*public Task \w+\(\[TimerTrigger\(Schedules\.(?<schedule>\w+)\)\]""")]
    private static partial Regex TimerTrigger();

    private static List<(string Method, string Route)> LocalHostRoutes()
    {
        var app = LocalHostApp.Build(["--environment", "Testing"]);
        return ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m.ToUpperInvariant(), Route: e.RoutePattern.RawText!)))
            .Where(r => r.Route.StartsWith(Routes.BasePath + "/", StringComparison.Ordinal))
            .Select(r => (r.Method, r.Route[(Routes.BasePath.Length + 1)..]))
            .Distinct()
            .ToList();
    }

    private static List<(string Method, string Route)> FunctionRoutes()
    {
        string folder = Path.Combine(RepositoryRoot.Path, "src", "FactFunctions");
        var found = new List<(string, string)>();
        foreach (string file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            foreach (Match trigger in HttpTrigger().Matches(File.ReadAllText(file)))
            {
                string constant = trigger.Groups["route"].Value;
                if (constant == nameof(Routes.Fallback))
                {
                    continue;
                }

                Assert.True(RouteConstants.ContainsKey(constant), $"{Path.GetFileName(file)} uses Routes.{constant}, which Core does not define.");
                foreach (Capture method in trigger.Groups["method"].Captures)
                {
                    found.Add((method.Value.ToUpperInvariant(), RouteConstants[constant]));
                }
            }
        }

        Assert.NotEmpty(found);
        return found;
    }

    /// <summary>
    /// The Functions app serves the OpenAPI document embedded in Core; LocalHost generates it from its endpoints. They
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
            var indented = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(generated).RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
            await File.WriteAllTextAsync(file, indented + "\n");
        }

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(generated), System.Text.Json.Nodes.JsonNode.Parse(OpenApiDocument.Json)),
            "src/FactFunctions.Core/Http/openapi.json is not the document LocalHost generates; run the integration tests with FACT_UPDATE_OPENAPI=1 to rewrite it.");
        Assert.Matches(@"\[Function\(nameof\(OpenApi\)\)\]\s*public IResult OpenApi\(\[HttpTrigger\(AuthorizationLevel\.Anonymous, ""get"", Route = Routes\.OpenApi\)\] HttpRequest request\) => OpenApiDocument\.Serve\(\);", FunctionsSource);
    }

    /// <summary>An unknown route is the same problem+json 404 in both hosts: LocalHost's fallback and the Functions app's catch-all both answer <see cref="Problems.NoSuchRoute"/>.</summary>
    [Fact]
    public async Task An_unknown_route_is_the_same_problem_in_both_hosts()
    {
        await using var azurite = await AzuriteProcess.StartAsync();
        await using var host = await FactHost.StartAsync(azurite.ConnectionString);

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Delete })
        {
            var problem = await (await host.Lead.SendAsync(new HttpRequestMessage(method, "api/no/such/route"))).ExpectAsync(404);
            Assert.Equal("No such route.", problem.GetProperty("title").GetString());
            Assert.Equal(Problems.NotFoundType, problem.GetProperty("type").GetString());
        }

        Assert.Matches(@"\[HttpTrigger\(AuthorizationLevel\.Anonymous(?:, ""\w+"")+, Route = Routes\.Fallback\)\] HttpRequest request\) => Problems\.NoSuchRoute\(\);", FunctionsSource);
    }

    /// <summary>One auth path: the host admits every request and Core's CallerAuthorizer decides, as in LocalHost.</summary>
    [Fact]
    public void Every_http_function_leaves_authorisation_to_core()
    {
        var levels = new Regex(@"AuthorizationLevel\.(\w+)").Matches(FunctionsSource).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(["Anonymous"], levels);
    }

    [GeneratedRegex("""\[HttpTrigger\(AuthorizationLevel\.\w+(?:,\s*"(?<method>\w+)")+,\s*Route\s*=\s*Routes\.(?<route>\w+)\)\]""")]
    private static partial Regex HttpTrigger();
}
