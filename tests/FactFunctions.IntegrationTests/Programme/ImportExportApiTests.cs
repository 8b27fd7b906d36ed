using System.Text.Json.Nodes;
using FactFunctions.Http;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Programme;

namespace FactFunctions.IntegrationTests.Programme;

[Collection(AzuriteCollection.Name)]
public sealed class ImportExportApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync() => host = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Importing_the_sample_then_exporting_gives_the_same_document()
    {
        var imported = await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
        Assert.Equal(7, imported.GetProperty("projects").GetInt32());
        Assert.Equal(16, imported.GetProperty("milestones").GetInt32());
        Assert.Equal(4, imported.GetProperty("indicators").GetInt32());

        string exported = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

        Assert.True(JsonNode.DeepEquals(Canonical(SampleJson.Text), Canonical(exported)), $"Export differs from the sample:\n{exported}");
    }

    [Fact]
    public async Task An_export_imports_again_unchanged()
    {
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
        string first = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

        await (await host.Lead.PostAsync("api/import", FactHost.Json(first))).ExpectAsync(200);
        string second = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(first), JsonNode.Parse(second)));
    }

    [Fact]
    public async Task An_import_with_errors_anywhere_lists_them_all_and_writes_nothing()
    {
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
        string before = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

        var document = JsonNode.Parse(SampleJson.Text)!;
        document["projects"]![0]!["name"] = "Renamed, but this must not land";
        document["projects"]![6]!["milestones"]![4]!["due"] = "whenever";
        document["projects"]![5]!["milestones"]![0]!["due"] = "December 2022 – October 2022";
        document["projects"]![1]!["id"] = "early-support-assessment";
        document["indicators"]![0]!["projectId"] = "no-such-project";
        document["programme"]!["author"]!["email"] = "not an email";
        var response = await host.Lead.PostAsync("api/import", FactHost.Json(document.ToJsonString()));

        var problem = await response.ExpectAsync(422);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("projects[6].milestones[4].due", out _));
        Assert.True(errors.TryGetProperty("projects[5].milestones[0].due", out _));
        Assert.True(errors.TryGetProperty("projects[1].id", out _));
        Assert.True(errors.TryGetProperty("indicators[0].projectId", out _));
        Assert.True(errors.TryGetProperty("programme.author.email", out _));
        string after = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_standing_text_is_replaced_with_if_match()
    {
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
        var read = await host.Officer.GetAsync("api/programme");
        var text = JsonNode.Parse(await read.Content.ReadAsStringAsync())!;
        string etag = read.ETag();
        text["title"] = "FACT – Programme Update (revised)";

        var write = new HttpRequestMessage(HttpMethod.Put, "api/programme") { Content = FactHost.Json(text.ToJsonString()) }.WithIfMatch(etag);
        await (await host.Lead.SendAsync(write)).ExpectAsync(200);
        var again = new HttpRequestMessage(HttpMethod.Put, "api/programme") { Content = FactHost.Json(text.ToJsonString()) }.WithIfMatch(etag);
        await (await host.Lead.SendAsync(again)).ExpectAsync(412);

        var current = await (await host.Officer.GetAsync("api/programme")).ExpectAsync(200);
        Assert.Equal("FACT – Programme Update (revised)", current.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Indicators_take_values_per_period_and_refuse_unknown_projects_and_periods()
    {
        var indicator = """{"name":"Good Level of Development","unit":"%","polarity":"higher-is-better","projectId":"family-help","source":"DfE"}""";
        var missingProject = await (await host.Lead.PutAsync("api/indicators/gld", FactHost.Json(indicator))).ExpectAsync(422);
        Assert.True(missingProject.GetProperty("errors").TryGetProperty("projectId", out _));

        await host.Lead.PutAsync("api/projects/family-help", FactHost.Json("""{"name":"Family Help","status":"active"}"""));
        await (await host.Lead.PutAsync("api/indicators/gld", FactHost.Json(indicator))).ExpectAsync(201);
        await (await host.Lead.PutAsync("api/indicators/gld/values/2022-23", FactHost.Json("""{"value":71.5}"""))).ExpectAsync(201);
        await (await host.Lead.PutAsync("api/indicators/gld/values/2021-22", FactHost.Json("""{"value":69.2,"rank":40,"outOf":152,"band":"B"}"""))).ExpectAsync(201);
        await (await host.Lead.PutAsync("api/indicators/gld/values/2022", FactHost.Json("""{"value":1}"""))).ExpectAsync(400);
        await (await host.Lead.PutAsync("api/indicators/unknown/values/2022-23", FactHost.Json("""{"value":1}"""))).ExpectAsync(404);
        await (await host.Lead.PutAsync("api/indicators/gld/values/2020-21", FactHost.Json("""{"rank":200,"outOf":152}"""))).ExpectAsync(422);

        var read = await (await host.Officer.GetAsync("api/indicators/gld")).ExpectAsync(200);
        var periods = read.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("period").GetString()).ToList();
        Assert.Equal(["2021-22", "2022-23"], periods);
        Assert.Equal(71.5m, read.GetProperty("values")[1].GetProperty("value").GetDecimal());
    }

    private static JsonNode? Canonical(string json)
    {
        var document = System.Text.Json.JsonSerializer.Deserialize<ProgrammeDocument>(json, FactJson.Options);
        return JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(document, FactJson.Options));
    }
}
