using System.Net;
using System.Text.RegularExpressions;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Links;
using FactFunctions.Programme;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// Issue 28, finding 1: a member's link reaches what was published to that member's board, and nothing else; and
/// finding 2: a paper's HTML links each distinct image once, through the same scope, instead of inlining its bytes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class MemberLinkScopeTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        // The sample's meetings are in 2022 and 2023: let the calendar reach back to them, as run-local.sh does.
        host = await fixture.StartHostAsync(new Dictionary<string, string?> { ["Fact:Reminders:CalendarPastDays"] = "3660" });
        await host.Service<SampleProgramme>().LoadIfEmptyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string> PublishAsync(string request)
    {
        var created = await (await host.Lead.PostAsync("api/reports", FactHost.Json(request))).ExpectAsync(201);
        string id = created.GetProperty("id").GetString()!;
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        await (await host.Lead.PostAsync($"api/reports/{id}/publish", FactHost.LatePublication())).ExpectAsync(200);
        return id;
    }

    private async Task<MimeKit.MimeMessage> EmailToAsync(string address, string reportId)
    {
        foreach (var (_, content) in await Outbox.ReadAsync(host))
        {
            var message = Outbox.ParseSendable(content);
            if (message.To.Mailboxes.Any(m => m.Address == address) && (message.TextBody ?? string.Empty).Contains(reportId, StringComparison.Ordinal))
            {
                return message;
            }
        }

        throw new Xunit.Sdk.XunitException($"No e-mail to {address} about {reportId}.");
    }

    private static Uri LinkIn(MimeKit.MimeMessage message, string label) =>
        new(Regex.Match(message.TextBody ?? string.Empty, $@"{Regex.Escape(label)}: (\S+)").Groups[1].Value);

    [Fact]
    public async Task A_members_link_reaches_only_what_was_published_to_that_members_board()
    {
        string committee = await PublishAsync("""{"kind":"select-committee","meetingDate":"2022-11-08","reportDate":"2022-10-14"}""");
        string highlight = await PublishAsync("""{"kind":"highlight","meetingDate":"2023-01-10","reportDate":"2022-12-28"}""");
        var chair = await EmailToAsync("committee.chair@example.org", committee);
        using var anyone = new HttpClient();

        // The committee's papers page lists the committee's paper, not the Operational Board's highlight report.
        Uri papers = LinkIn(chair, "See every FACT paper");
        Assert.Contains("board=select-committee", papers.Query, StringComparison.Ordinal);
        string page = await (await anyone.GetAsync(papers)).Content.ReadAsStringAsync();
        Assert.Contains(committee, page, StringComparison.Ordinal);
        Assert.DoesNotContain(highlight, page, StringComparison.Ordinal);

        // A link to the other board's paper, signed as a committee member's, opens nothing; nor does the committee's link
        // with its board changed or removed (the signature covers it).
        var links = host.Service<SignedLinks>();
        foreach (string part in new[] { "html", "content", "images/0" })
        {
            await (await anyone.GetAsync(new Uri(host.BaseAddress, links.Relative($"/api/reports/{highlight}/{part}",
                scope: LinkScope.Member("select-committee"))))).ExpectAsync(404);
        }

        await (await anyone.GetAsync(new Uri(papers.AbsoluteUri.Replace("board=select-committee", "board=fact-operational-board", StringComparison.Ordinal))))
            .ExpectAsync(401);
        await (await anyone.GetAsync(new Uri(papers.AbsoluteUri.Replace("board=select-committee&", string.Empty, StringComparison.Ordinal))))
            .ExpectAsync(401);

        // The calendar the committee's page links to shows the committee's meetings only (the Operational Board also meets on 7 March 2023).
        var calendarLink = Regex.Match(page, "href=\"([^\"]*calendar.ics[^\"]*)\"");
        Assert.True(calendarLink.Success);
        string calendar = (await anyone.GetStringAsync(new Uri(host.BaseAddress, WebUtility.HtmlDecode(calendarLink.Groups[1].Value))))
            .Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("Select Committee", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("Operational Board", calendar, StringComparison.Ordinal);

        // The Operational Board's members reach their report.
        var operational = await EmailToAsync("operational.chair@example.org", highlight);
        string theirs = await (await anyone.GetAsync(LinkIn(operational, "See every FACT paper"))).Content.ReadAsStringAsync();
        Assert.Contains(highlight, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(committee, theirs, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(LinkIn(operational, "Read the paper in your browser"))).StatusCode);

        // A key still sees every board's papers.
        string officers = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        Assert.Contains(committee, officers, StringComparison.Ordinal);
        Assert.Contains(highlight, officers, StringComparison.Ordinal);
    }

    /// <summary>
    /// Who a paper was published to is recorded when it is published: deleting its meeting afterwards does not take it
    /// from the members who were e-mailed, and a board given a meeting that day afterwards does not gain it.
    /// </summary>
    [Fact]
    public async Task A_paper_stays_with_the_boards_it_was_published_to_whatever_happens_to_the_meetings()
    {
        string committee = await PublishAsync("""{"kind":"select-committee","meetingDate":"2022-11-08","reportDate":"2022-10-14"}""");
        var metadata = await (await host.Officer.GetAsync($"api/reports/{committee}")).ExpectAsync(200);
        Assert.Equal(["select-committee"], metadata.GetProperty("publishedTo").EnumerateArray().Select(b => b.GetString()));
        var chair = await EmailToAsync("committee.chair@example.org", committee);

        await (await host.Lead.DeleteAsync("api/boards/select-committee/meetings/2022-11-08")).ExpectAsync(204);
        await (await host.Lead.PutAsync("api/boards/schools-forum/meetings/2022-11-08", FactHost.Json("""{"title":"Extra meeting","reportKind":"select-committee"}""")))
            .ExpectAsync(201);

        using var anyone = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(LinkIn(chair, "Read the paper in your browser"))).StatusCode);
        Assert.Contains(committee, await (await anyone.GetAsync(LinkIn(chair, "See every FACT paper"))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var links = host.Service<SignedLinks>();
        await (await anyone.GetAsync(new Uri(host.BaseAddress, links.Relative($"/api/reports/{committee}/html", scope: LinkScope.Member("schools-forum")))))
            .ExpectAsync(404);
    }

    [Fact]
    public async Task The_papers_html_links_each_distinct_image_once_and_the_links_open_them_without_a_key()
    {
        string committee = await PublishAsync("""{"kind":"select-committee","meetingDate":"2022-11-08","reportDate":"2022-10-14"}""");
        var chair = await EmailToAsync("committee.chair@example.org", committee);
        using var anyone = new HttpClient();

        var html = await anyone.GetAsync(LinkIn(chair, "Read the paper in your browser"));
        string text = await html.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("data:", string.Join(";", html.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var sources = ImageSource().Matches(text).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(4, sources.Count);
        Assert.Equal(4, sources.Distinct(StringComparer.Ordinal).Count());
        foreach (string source in sources)
        {
            Assert.Contains("board=select-committee", source, StringComparison.Ordinal);
            var image = await anyone.GetAsync(new Uri(host.BaseAddress, source));
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
            byte[] png = await image.Content.ReadAsByteArrayAsync();
            Assert.Equal(0x89, png[0]);
            Assert.Contains(SampleProgramme.ImageIds, id => SampleProgramme.Image(id).AsSpan().SequenceEqual(png));
        }

        // With a key: an index the paper does not have is a 404, one that is not a number a 400 naming it.
        await (await host.Officer.GetAsync($"api/reports/{committee}/images/4")).ExpectAsync(404);
        var bad = await (await host.Officer.GetAsync($"api/reports/{committee}/images/-1")).ExpectAsync(400);
        Assert.Contains("image", bad.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.Officer.GetAsync($"api/reports/{committee}/images/0")).StatusCode);
    }

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();
}
