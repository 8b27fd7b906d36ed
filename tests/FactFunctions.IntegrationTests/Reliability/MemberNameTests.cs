using FactFunctions.IntegrationTests.Infrastructure;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// A member's name goes into the To: header of every e-mail to them: a line break or tab in it made an encoded word
/// with CR LF inside, which strict parsers reject. Such a name is refused, naming the member; nothing is written.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MemberNameTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync() => host = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("Eve\\r\\nBcc: all@example.org")]
    [InlineData("Eve\\nSmith")]
    [InlineData("Eve\\tSmith")]
    public async Task A_member_name_with_a_line_break_or_tab_is_refused(string name)
    {
        string board = $$"""
            {"name":"Test Board","kind":"operational-board","members":[{"name":"Ann","email":"ann@example.org","role":"chair"},
             {"name":"{{name}}","email":"eve@example.org","role":"member"}]}
            """;
        var problem = await (await host.Lead.PutAsync("api/boards/test-board", FactHost.Json(board))).ExpectAsync(422);

        Assert.True(problem.GetProperty("errors").TryGetProperty("members[1].name", out _), problem.ToString());
        await (await host.Officer.GetAsync("api/boards/test-board")).ExpectAsync(404);
    }
}
