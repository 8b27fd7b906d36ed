using FactFunctions.IntegrationTests.Infrastructure;

namespace FactFunctions.IntegrationTests.Programme;

[Collection(AzuriteCollection.Name)]
public sealed class ProjectsApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync() => host = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private const string FamilyHelp = """
        {"name":"Family Help","workstream":"Early Support","lead":"Operational Board","aim":"Right help at the right time","status":"active","order":7}
        """;

    [Fact]
    public async Task A_project_is_created_read_replaced_and_deleted()
    {
        var created = await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp));
        var body = await created.ExpectAsync(201);
        Assert.Equal("/api/projects/family-help", created.Headers.Location?.ToString());
        Assert.Equal("Family Help", body.GetProperty("name").GetString());
        string firstETag = created.ETag();

        var read = await host.Officer.GetAsync("api/projects/family-help");
        var project = await read.ExpectAsync(200);
        Assert.Equal("Right help at the right time", project.GetProperty("aim").GetString());
        Assert.Equal(firstETag, read.ETag());

        var replaced = await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp.Replace("\"active\"", "\"paused\"")));
        Assert.Equal("paused", (await replaced.ExpectAsync(200)).GetProperty("status").GetString());
        Assert.NotEqual(firstETag, replaced.ETag());

        await (await host.Lead.DeleteAsync("api/projects/family-help")).ExpectAsync(204);
        await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(404);
        await (await host.Lead.DeleteAsync("api/projects/family-help")).ExpectAsync(404);
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_with_412_and_changes_nothing()
    {
        var created = await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp));
        string etag = created.ETag();
        await (await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp.Replace("\"order\":7", "\"order\":8")))).ExpectAsync(200);

        var stale = new HttpRequestMessage(HttpMethod.Put, "api/projects/family-help")
        {
            Content = FactHost.Json(FamilyHelp.Replace("\"active\"",
            "\"closed\""))
        }.WithIfMatch(etag);
        await (await host.Lead.SendAsync(stale)).ExpectAsync(412);

        var staleDelete = new HttpRequestMessage(HttpMethod.Delete, "api/projects/family-help").WithIfMatch(etag);
        await (await host.Lead.SendAsync(staleDelete)).ExpectAsync(412);

        var current = await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(200);
        Assert.Equal("active", current.GetProperty("status").GetString());
        Assert.Equal(8, current.GetProperty("order").GetInt32());
    }

    [Fact]
    public async Task Concurrent_writes_with_the_same_if_match_let_exactly_one_win()
    {
        var created = await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp));
        string etag = created.ETag();

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, "api/projects/family-help")
            {
                Content = FactHost.Json(FamilyHelp
                .Replace("\"order\":7", $"\"order\":{100 + i}"))
            }.WithIfMatch(etag);
            return (int)(await host.Lead.SendAsync(request)).StatusCode;
        });
        int[] statuses = await Task.WhenAll(attempts);

        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.Equal(7, statuses.Count(s => s == 412));
    }

    [Fact]
    public async Task If_none_match_star_refuses_to_overwrite_with_409()
    {
        await (await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp))).ExpectAsync(201);

        var create = new HttpRequestMessage(HttpMethod.Put, "api/projects/family-help") { Content = FactHost.Json(FamilyHelp.Replace("\"active\"", "\"closed\"")) };
        create.Headers.TryAddWithoutValidation("If-None-Match", "*");
        await (await host.Lead.SendAsync(create)).ExpectAsync(409);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_with_422()
    {
        var response = await host.Lead.PutAsync("api/projects/family-help", FactHost.Json("""{"name":"","status":"finished","order":-1,"aim":"bad\u0001text"}"""));

        var problem = await response.ExpectAsync(422);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("order", out _));
        Assert.True(errors.TryGetProperty("aim", out _));
        await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(404);
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("{\"name\":\"x\",\"status\":\"active\",\"colour\":\"red\"}")]
    [InlineData("{\"name\":\"x\",\"status\":\"active\",\"order\":\"seven\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_or_mistyped_json_is_a_400_and_writes_nothing(string json)
    {
        var response = await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(json));

        await response.ExpectAsync(400);
        await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(404);
    }

    [Fact]
    public async Task An_unknown_field_is_named_in_the_error()
    {
        var response = await host.Lead.PutAsync("api/projects/family-help", FactHost.Json("""{"name":"x","status":"active","colour":"red"}"""));

        var problem = await response.ExpectAsync(400);
        Assert.Contains("colour", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        var response = await host.Lead.PutAsync("api/projects/family-help", new StringContent("name=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        await response.ExpectAsync(415);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        string huge = $"{{\"name\":\"{new string('x', 2 * 1024 * 1024)}\",\"status\":\"active\"}}";

        var response = await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(huge));

        await response.ExpectAsync(413);
        await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(404);
    }

    [Fact]
    public async Task A_deeply_nested_body_is_a_400()
    {
        string deep = "{\"name\":" + new string('[', 5000) + new string(']', 5000) + "}";

        await (await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(deep))).ExpectAsync(400);
    }

    [Theory]
    [InlineData("api/projects/Family-Help")]
    [InlineData("api/projects/..%2F..%2Fsecrets")]
    [InlineData("api/projects/%27%20or%20PartitionKey%20ne%20%27")]
    [InlineData("api/projects/a%22b")]
    [InlineData("api/projects/-leading-hyphen")]
    [InlineData("api/projects/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Ids_that_are_not_slugs_are_a_400_before_storage(string path)
    {
        await (await host.Lead.PutAsync(path, FactHost.Json(FamilyHelp))).ExpectAsync(400);
        await (await host.Officer.GetAsync(path)).ExpectAsync(400);
        await (await host.Lead.DeleteAsync(path)).ExpectAsync(400);

        var projects = await (await host.Officer.GetAsync("api/projects")).ExpectAsync(200);
        Assert.Equal(0, projects.GetArrayLength());
    }

    [Fact]
    public async Task A_request_without_a_key_is_401_and_with_an_unknown_key_is_401()
    {
        await (await host.Anonymous.GetAsync("api/projects")).ExpectAsync(401);
        using var stranger = host.Client("not-a-key-we-issued-000000");
        await (await stranger.GetAsync("api/projects")).ExpectAsync(401);
        await (await stranger.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp))).ExpectAsync(401);
    }

    [Fact]
    public async Task The_key_is_also_accepted_as_the_code_query_parameter()
    {
        var response = await host.Anonymous.GetAsync($"api/projects?code={FactHost.OfficerKey}");

        await response.ExpectAsync(200);
    }

    [Fact]
    public async Task An_officer_can_read_but_not_write()
    {
        await (await host.Officer.GetAsync("api/projects")).ExpectAsync(200);
        await (await host.Officer.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp))).ExpectAsync(403);
        await (await host.Officer.PostAsync("api/import", FactHost.Json("{}"))).ExpectAsync(403);
        await (await host.Lead.GetAsync("api/projects/family-help")).ExpectAsync(404);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_404()
    {
        await (await host.Officer.GetAsync("api/nothing-here")).ExpectAsync(404);
    }

    [Fact]
    public async Task Deleting_a_project_deletes_its_milestones()
    {
        await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp));
        await (await host.Lead.PutAsync("api/projects/family-help/milestones/pilot", FactHost
            .Json("""{"activity":"Formal pilot activity begins","due":"January 2023","status":"planned"}"""))).ExpectAsync(201);

        await (await host.Lead.DeleteAsync("api/projects/family-help")).ExpectAsync(204);

        var milestones = await (await host.Officer.GetAsync("api/milestones")).ExpectAsync(200);
        Assert.Equal(0, milestones.GetArrayLength());
    }

    [Fact]
    public async Task Updates_are_added_to_a_project_and_listed_newest_first()
    {
        await host.Lead.PutAsync("api/projects/family-help", FactHost.Json(FamilyHelp));

        var older = await host.Lead.PostAsync("api/projects/family-help/updates", FactHost
            .Json("""{"asOf":"2022-06-01","audience":"both","paragraphs":["Resourcing paper signed off."]}"""));
        await older.ExpectAsync(201);
        var newer = await host.Lead.PostAsync("api/projects/family-help/updates", FactHost
            .Json("""{"asOf":"2022-10-14","audience":"select-committee","paragraphs":[{"text":"Working groups:","items":["Brand","Offer"]}]}"""));
        await newer.ExpectAsync(201);
        await (await host.Lead.PostAsync("api/projects/nobody/updates", FactHost.Json("""{"asOf":"2022-10-14","audience":"both","paragraphs":["x"]}"""))).ExpectAsync(404);
        var invalid = await (await host.Lead.PostAsync("api/projects/family-help/updates", FactHost.Json("""{"audience":"everyone","paragraphs":[]}"""))).ExpectAsync(422);
        Assert.Equal(3, invalid.GetProperty("errors").EnumerateObject().Count());

        var project = await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(200);
        var updates = project.GetProperty("updates");
        Assert.Equal(2, updates.GetArrayLength());
        Assert.Equal("2022-10-14", updates[0].GetProperty("asOf").GetString());
        Assert.Equal("Brand", updates[0].GetProperty("blocks")[0].GetProperty("items")[0].GetString());
    }
}
