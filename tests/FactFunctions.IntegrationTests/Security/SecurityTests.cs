using System.Text.RegularExpressions;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FactFunctions.IntegrationTests.Security;

[Collection(AzuriteCollection.Name)]
public sealed partial class SecurityTests(AzuriteFixture fixture)
{
    /// <summary>Every API route with its parameters filled in with well-formed values, from LocalHost's own endpoint table.</summary>
    private static List<(HttpMethod Method, string Path)> AllRoutes(FactHost host) =>
        ((IEndpointRouteBuilder)host.App).DataSources
            .SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null && e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (new HttpMethod(m), Fill(e.RoutePattern.RawText!))))
            .ToList();

    private static string Fill(string pattern) => Parameter().Replace(pattern, m => m.Groups[1].Value switch
    {
        "date" => "2022-11-08",
        "period" => "2020-21",
        "kind" => "select-committee",
        _ => "family-help",
    }).TrimStart('/');

    private static readonly string[] Anonymous = ["api/health", "api/openapi.json"];

    /// <summary>A clearer's answer needs no key: the token of the button pressed is the capability (ClearanceTests refuses every other token).</summary>
    private static bool IsTokenRoute(HttpMethod method, string path) => method == HttpMethod.Post && path.Contains("/review/", StringComparison.Ordinal);

    /// <summary>
    /// In Azure an unresolved Key Vault reference reaches the app as its own text, which would pass every other check
    /// on a key; the host refuses to start instead, naming each such setting.
    /// </summary>
    [Fact]
    public async Task A_setting_that_is_still_a_key_vault_reference_stops_start_up_naming_it()
    {
        var start = FactHost.StartAsync(fixture.Azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Fact:Keys:ProgrammeLead"] = "@Microsoft.KeyVault(SecretUri=https://fact-kv.vault.azure.net/secrets/fact-keys-programme-lead)",
            ["Fact:SendGrid:ApiKey"] = " @Microsoft.KeyVault(VaultName=fact-kv;SecretName=sendgrid-api-key)",
        });

        var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => start);

        Assert.Contains("Fact:Keys:ProgrammeLead is an unresolved Key Vault reference", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Fact:SendGrid:ApiKey is an unresolved Key Vault reference", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretUri", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_route_but_health_refuses_a_missing_or_unknown_key()
    {
        await using var host = await fixture.StartHostAsync();
        using var stranger = host.Client("this-key-was-never-issued-1234");
        var routes = AllRoutes(host).Where(r => !Anonymous.Contains(r.Path) && !IsTokenRoute(r.Method, r.Path)).ToList();
        Assert.True(routes.Count >= 35, $"only {routes.Count} routes found");

        foreach (var (method, path) in routes)
        {
            foreach (var client in new[] { host.Anonymous, stranger })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : FactHost.Json("{}") });
                Assert.True((int)response.StatusCode == 401, $"{method} {path} answered {(int)response.StatusCode} without a valid key");
            }
        }

        await (await host.Anonymous.GetAsync("api/health")).ExpectAsync(200);

    }

    [Fact]
    public async Task The_officer_role_cannot_write_anything()
    {
        await using var host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
        string before = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

        foreach (var (method, path) in AllRoutes(host).Where(r => r.Method != HttpMethod.Get && r.Method != HttpMethod.Head && !IsTokenRoute(r.Method, r.Path)))
        {
            var response = await host.Officer.SendAsync(new HttpRequestMessage(method, path) { Content = FactHost.Json("{}") });
            Assert.True((int)response.StatusCode == 403, $"{method} {path} answered {(int)response.StatusCode} to an officer");
        }

        Assert.Equal(before, await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task No_key_and_no_email_body_appears_in_the_logs()
    {
        var logs = new LogCapture();
        var sendGrid = new FakeSendGrid();
        await sendGrid.StartAsync();
        const string sendGridKey = "SG.this-sendgrid-key-must-never-be-logged";
        const string marker = "Confidential-milestone-text-7f3a";
        await using (var host = await fixture.StartHostAsync(
            new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Azure"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
                ["Logging:LogLevel:System.Net.Http"] = "Trace",
                ["Fact:SendGrid:ApiKey"] = sendGridKey,
                ["Fact:SendGrid:Host"] = sendGrid.Host,
            },
            s => s.AddSingleton<ILoggerProvider>(logs)))
        {
            using var stranger = host.Client("wrong-key-that-someone-guessed-99");
            await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
            await host.Lead.PutAsync("api/projects/family-help/milestones/formal-pilot-begins",
                FactHost.Json($$"""{"activity":"{{marker}}","due":"January 2023","status":"at-risk","order":7}"""));
            await stranger.GetAsync("api/projects");
            await host.Officer.PutAsync("api/projects/x", FactHost.Json("{}"));
            await host.Anonymous.GetAsync($"api/projects?code={FactHost.OfficerKey}");
            await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"2022-10-12","dryRun":false}"""))).ExpectAsync(200);
            Assert.Contains(sendGrid.Accepted, m => m.Html.Contains(marker, StringComparison.Ordinal));
        }

        await sendGrid.DisposeAsync();
        var lines = logs.Lines.ToList();
        Assert.NotEmpty(lines);
        foreach (string secret in new[] { FactHost.LeadKey, FactHost.OfficerKey, sendGridKey, "wrong-key-that-someone-guessed-99", marker })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Table_filters_are_only_built_by_create_query_filter()
    {
        var odata = ODataComparison();
        var offending = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, Line: line)))
            .Where(x => odata.IsMatch(x.Line) && !x.Line.Contains("CreateQueryFilter(", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(RepositoryRoot.Path, x.File)}:{x.Number}: {x.Line.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, "OData filter text outside TableClient.CreateQueryFilter:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_filter_check_would_catch_a_concatenated_filter()
    {
        Assert.Matches(ODataComparison(), "string filter = \"PartitionKey eq '\" + id + \"'\";");
        Assert.Matches(ODataComparison(), "var filter = $\"RowKey ge '{from}'\";");
    }

    // A string literal holding an OData comparison: "<Property> eq|ne|gt|ge|lt|le ...".
    [GeneratedRegex("""["'$][^"]*\b[A-Z]\w*\s+(eq|ne|gt|ge|lt|le)\s""")]
    private static partial Regex ODataComparison();

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Parameter();
}
