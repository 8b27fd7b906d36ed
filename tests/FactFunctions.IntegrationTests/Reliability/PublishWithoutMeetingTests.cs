using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// A paper whose meeting was deleted after it was generated would be published to nobody: publishing it is refused
/// (409 saying why), the paper stays approved and the meeting keeps no paper of record, so nothing was published in
/// silence. Putting the meeting back lets it be published and e-mailed.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PublishWithoutMeetingTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_paper_whose_meeting_was_deleted_is_not_published_to_nobody()
    {
        var created = await (await host.Lead.PostAsync("api/reports",
            FactHost.Json("""{"kind":"highlight","meetingDate":"2023-01-10","board":"fact-operational-board","reportDate":"2022-12-28"}"""))).ExpectAsync(201);
        string id = created.GetProperty("id").GetString()!;
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        var meeting = await (await host.Officer.GetAsync("api/boards/fact-operational-board/meetings")).ExpectAsync(200);
        var held = meeting.EnumerateArray().First(m => m.GetProperty("date").GetString() == "2023-01-10");
        string body = System.Text.Json.JsonSerializer.Serialize(new { title = held.GetProperty("title").GetString(), reportKind = "highlight" });
        await (await host.Lead.DeleteAsync("api/boards/fact-operational-board/meetings/2023-01-10")).ExpectAsync(204);

        var refused = await (await host.Lead.PostAsync($"api/reports/{id}/publish", FactHost.LatePublication())).ExpectAsync(409);

        Assert.Contains("2023", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("approved", (await (await host.Officer.GetAsync($"api/reports/{id}")).ExpectAsync(200)).GetProperty("status").GetString());

        await (await host.Lead.PutAsync("api/boards/fact-operational-board/meetings/2023-01-10", FactHost.Json(body))).ExpectAsync(201);
        var published = await (await host.Lead.PostAsync($"api/reports/{id}/publish", FactHost.LatePublication())).ExpectAsync(200);
        Assert.NotEqual(0, published.GetProperty("emails").GetArrayLength());
    }
}
