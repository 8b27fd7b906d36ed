using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>Every answer says its content type is final (X-Content-Type-Options: nosniff): a stored image, a paper, JSON.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class NoSniffTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("api/images/fact-governance")]
    [InlineData("api/projects")]
    [InlineData("api/programme.xlsx")]
    [InlineData("api/templates/select-committee")]
    [InlineData("api/no/such/route")]
    public async Task Downloads_and_answers_forbid_content_sniffing(string path)
    {
        var response = await host.Officer.GetAsync(path);

        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var values), $"{path} ({(int)response.StatusCode}) has no X-Content-Type-Options.");
        Assert.Equal(["nosniff"], values);
    }
}
