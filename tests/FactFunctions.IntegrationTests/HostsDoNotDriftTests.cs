using System.Reflection;
using System.Text.RegularExpressions;
using FactFunctions.Http;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.LocalHost;
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
        .Where(f => f.IsLiteral && f.Name != nameof(Routes.BasePath))
        .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

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
        string source = string.Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "FactFunctions"), "*.cs").Select(File.ReadAllText));
        var timers = TimerTrigger().Matches(source).Select(m => (Function: m.Groups["function"].Value, Schedule: schedules[m.Groups["schedule"].Value])).ToList();

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
            .Where(r => r.Route.StartsWith(Routes.BasePath + "/", StringComparison.Ordinal) && r.Route != LocalHostApp.OpenApiRoute)
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

    [GeneratedRegex("""\[HttpTrigger\(AuthorizationLevel\.\w+(?:,\s*"(?<method>\w+)")+,\s*Route\s*=\s*Routes\.(?<route>\w+)\)\]""")]
    private static partial Regex HttpTrigger();
}
