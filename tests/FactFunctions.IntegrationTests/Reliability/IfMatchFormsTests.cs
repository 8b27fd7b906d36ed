using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// If-Match in any form but the ETags this API hands out (a made-up tag, a list, a bare token, a huge header) names no
/// version of the record, so the write is refused with 412 and changes nothing: never a 500 from storage refusing the
/// header. <c>*</c> and the record's own ETag still work.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IfMatchFormsTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public static TheoryData<string> Forms => ["\"nope\"", "\"a\", \"b\"", "nope", "W/\"nope\"", new string('x', 5_000), "\"0x8DB\", W/\"datetime'2022-01-01T00%3A00%3A00Z'\""];

    /// <summary>Every write route that takes If-Match, with a body that is valid for it.</summary>
    private static (HttpMethod Method, string Path, string? Body)[] Writes(string programme) =>
    [
        (HttpMethod.Put, "api/projects/early-support-assessment", """{"name":"Early Support Assessment","status":"active"}"""),
        (HttpMethod.Put, "api/projects/early-support-assessment/milestones/audit-report-operational-board",
            """{"activity":"Audit Report presented","due":"1 November 2022","status":"complete"}"""),
        (HttpMethod.Put, "api/indicators/permanent-exclusions-primary", """{"name":"Permanent exclusions","polarity":"lower-is-better"}"""),
        (HttpMethod.Put, "api/indicators/permanent-exclusions-primary/values/2018-19", """{"value":1.5}"""),
        (HttpMethod.Put, "api/boards/fact-executive-board", """{"name":"FACT Executive Board","kind":"executive-board"}"""),
        (HttpMethod.Put, "api/boards/fact-executive-board/meetings/2022-10-25", """{"title":"FACT Executive Board"}"""),
        (HttpMethod.Put, "api/programme", programme),
        (HttpMethod.Delete, "api/boards/fact-executive-board/meetings/2022-10-25", null),
        (HttpMethod.Delete, "api/projects/early-support-assessment/milestones/audit-report-operational-board", null),
        (HttpMethod.Delete, "api/projects/early-support-assessment", null),
    ];

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task An_if_match_naming_no_version_is_a_412_on_every_write_route_and_changes_nothing(string ifMatch)
    {
        string before = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();
        string programme = await (await host.Officer.GetAsync("api/programme")).Content.ReadAsStringAsync();

        foreach (var (method, path, body) in Writes(programme))
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : FactHost.Json(body) }.WithIfMatch(ifMatch);
            var response = await host.Lead.SendAsync(request);
            Assert.True((int)response.StatusCode == 412, $"{method} {path} with If-Match {ifMatch[..Math.Min(40, ifMatch.Length)]} answered {(int)response.StatusCode}.");
        }

        Assert.Equal(before, await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_records_own_etag_and_a_star_still_match()
    {
        var project = await host.Officer.GetAsync("api/projects/early-support-assessment");
        string etag = project.Headers.ETag!.ToString();
        var put = new HttpRequestMessage(HttpMethod.Put, "api/projects/early-support-assessment")
        {
            Content = FactHost.Json("""{"name":"Early Support Assessment","status":"active"}"""),
        }.WithIfMatch(etag);
        await (await host.Lead.SendAsync(put)).ExpectAsync(200);

        var text = await host.Officer.GetAsync("api/programme");
        var programme = new HttpRequestMessage(HttpMethod.Put, "api/programme") { Content = FactHost.Json(await text.Content.ReadAsStringAsync()) }
            .WithIfMatch(text.Headers.ETag!.ToString());
        await (await host.Lead.SendAsync(programme)).ExpectAsync(200);

        var star = new HttpRequestMessage(HttpMethod.Put, "api/boards/fact-executive-board")
        {
            Content = FactHost.Json("""{"name":"FACT Executive Board","kind":"executive-board"}"""),
        }.WithIfMatch("*");
        await (await host.Lead.SendAsync(star)).ExpectAsync(200);
    }
}
