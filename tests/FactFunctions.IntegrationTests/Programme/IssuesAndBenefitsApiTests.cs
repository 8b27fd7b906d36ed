using System.Text.Json.Nodes;
using FactFunctions.IntegrationTests.Infrastructure;

namespace FactFunctions.IntegrationTests.Programme;

/// <summary>Issue 27: the issues log and the benefits travel with the programme, and name only projects and indicators that exist.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class IssuesAndBenefitsApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Issues_and_benefits_naming_unknown_projects_or_indicators_are_refused_and_the_export_carries_them()
    {
        string export = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();
        var document = JsonNode.Parse(export)!;
        Assert.Equal(2, document["programme"]!["issueLog"]!.AsArray().Count);
        Assert.Equal(3, document["programme"]!["benefits"]!.AsArray().Count);

        document["programme"]!["issueLog"]![0]!["projectId"] = "no-such-project";
        document["programme"]!["issueLog"]![1]!["status"] = "pending";
        document["programme"]!["benefits"]![1]!["indicators"]![0] = "no-such-indicator";
        var refused = await (await host.Lead.PostAsync("api/import", FactHost.Json(document.ToJsonString()))).ExpectAsync(422);
        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty("programme.issueLog[0].projectId", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("programme.issueLog[1].status", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("programme.benefits[1].indicators[0]", out _), errors.ToString());
        Assert.Equal(export, await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync());

        // The export imports back unchanged.
        await (await host.Lead.PostAsync("api/import", FactHost.Json(export))).ExpectAsync(200);
        Assert.Equal(export, await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync());
    }
}
