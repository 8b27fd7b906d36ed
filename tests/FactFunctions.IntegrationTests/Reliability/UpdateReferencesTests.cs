using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// A new update's block ids and cross-references are checked against the whole programme it joins, as an import of the
/// export checks them: a {ref:} to no block, two blocks with one id, or an id another block already has is a 422
/// naming the block, and nothing is written, so the export still imports.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UpdateReferencesTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("""["See {ref:no-such-block}."]""", "blocks[0].text")]
    [InlineData("""[{"id":"twice","text":"One."},{"id":"twice","text":"Two."}]""", "blocks[1].id")]
    [InlineData("""[{"id":"esa-implementation","text":"Taken."}]""", "blocks[0].id")]
    public async Task A_bad_block_id_or_reference_is_a_422_naming_the_block_and_the_export_still_imports(string blocks, string field)
    {
        string before = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

        var problem = await (await host.Lead.PostAsync("api/projects/family-help/updates",
            FactHost.Json($$"""{"asOf":"2022-12-01","audience":"both","blocks":{{blocks}}}"""))).ExpectAsync(422);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        string after = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();
        Assert.Equal(before, after);
        await (await host.Lead.PostAsync("api/import", FactHost.Json(after))).ExpectAsync(200);
    }

    [Fact]
    public async Task An_update_referring_to_a_block_of_the_programme_or_of_itself_is_accepted()
    {
        await (await host.Lead.PostAsync("api/projects/family-help/updates", FactHost.Json(
            """{"asOf":"2022-12-01","audience":"both","blocks":[{"id":"new-point","text":"New."},"As in {ref:esa-implementation} and {ref:new-point}."]}""")))
            .ExpectAsync(201);

        string export = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();
        await (await host.Lead.PostAsync("api/import", FactHost.Json(export))).ExpectAsync(200);
    }
}
