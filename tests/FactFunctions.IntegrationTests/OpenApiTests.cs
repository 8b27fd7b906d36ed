using System.Reflection;
using System.Text.Json;
using FactFunctions.Http;
using FactFunctions.IntegrationTests.Infrastructure;

namespace FactFunctions.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class OpenApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;
    private JsonElement document;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        document = await (await host.Anonymous.GetAsync("api/openapi.json")).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Every_route_in_core_appears_in_the_openapi_document()
    {
        var paths = document.GetProperty("paths");
        var routes = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not (nameof(Routes.BasePath) or nameof(Routes.OpenApi) or nameof(Routes.Fallback)))
            .Select(f => $"{Routes.BasePath}/{f.GetRawConstantValue()}");

        foreach (string route in routes)
        {
            Assert.True(paths.TryGetProperty(route, out _), $"{route} is missing from the OpenAPI document.");
        }
    }

    [Fact]
    public void Writes_describe_their_request_body_their_result_and_their_problems()
    {
        var put = document.GetProperty("paths").GetProperty("/api/projects/{projectId}").GetProperty("put");

        Assert.True(put.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out var body));
        Assert.True(body.GetProperty("schema").GetProperty("properties").TryGetProperty("name", out _));
        var responses = put.GetProperty("responses");
        foreach (string status in new[] { "200", "201", "400", "401", "403", "404", "409", "412", "413", "415", "422", "503" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"PUT /api/projects/{{projectId}} does not list {status}.");
        }

        Assert.True(responses.GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("ProjectView", out _));
    }

    [Fact]
    public void The_paper_download_is_described_as_a_word_document()
    {
        var get = document.GetProperty("paths").GetProperty("/api/reports/{reportId}/content").GetProperty("get");

        Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content")
            .TryGetProperty("application/vnd.openxmlformats-officedocument.wordprocessingml.document", out _));
    }
}
