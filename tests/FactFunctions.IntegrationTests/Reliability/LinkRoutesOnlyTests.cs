using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using FactFunctions.Links;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// Defence in depth: a signature, even one made with the signing key, opens only the routes links are made for (the
/// papers page, a paper's .docx and HTML, the calendar feed); on any other GET it is refused as not valid.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LinkRoutesOnlyTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("/api/export")]
    [InlineData("/api/projects")]
    [InlineData("/api/boards/fact-executive-board")]
    [InlineData("/api/reminders")]
    [InlineData("/api/programme.xlsx")]
    public async Task A_signature_on_a_route_links_are_not_made_for_is_refused(string path)
    {
        var links = host.Service<SignedLinks>();
        using var anyone = new HttpClient();

        var refused = await (await anyone.GetAsync(new Uri(host.BaseAddress, links.Relative(path)))).ExpectAsync(401);

        Assert.Equal("This link is not valid.", refused.GetProperty("title").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anyone.GetAsync(new Uri(host.BaseAddress, links.Relative("/api/calendar.ics")))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anyone.GetAsync(new Uri(host.BaseAddress, links.Relative("/api/papers")))).StatusCode);
    }
}
