using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Reports;

/// <summary>
/// A paper's life over real HTTP: draft → approved → published (→ superseded), the members' e-mails with signed links
/// that open the paper with no key, and what those links refuse.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PublicationTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private static readonly string[] CommitteeMembers =
        ["committee.chair@example.org", "democratic.services@example.org", "programme.lead@example.org", "report.author@example.org"];

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 10, 20, 9, 0, 0, TimeSpan.Zero));
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string> GenerateAsync(string meetingDate = "2022-11-08")
    {
        var created = await (await host.Lead.PostAsync("api/reports", FactHost.Json($$"""{"kind":"select-committee","meetingDate":"{{meetingDate}}"}"""))).ExpectAsync(201);
        Assert.Equal("draft", created.GetProperty("status").GetString());
        return created.GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> PublishAsync(string id, string? reason = null) =>
        host.Lead.PostAsync($"api/reports/{id}/publish", reason is null ? null : FactHost.Json(new { reason }));

    /// <summary>The address of the link whose text is <paramref name="label"/> in the e-mail's plain-text part.</summary>
    private static Uri LinkIn(MimeKit.MimeMessage message, string label)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, $@"{Regex.Escape(label)}: (\S+)");
        Assert.True(match.Success, $"No '{label}' link in: {message.TextBody}");
        return new Uri(match.Groups[1].Value);
    }

    [Fact]
    public async Task Approving_then_publishing_emails_each_member_once_with_links_that_open_the_paper_without_a_key()
    {
        string id = await GenerateAsync();

        var notApproved = await (await PublishAsync(id)).ExpectAsync(409);
        Assert.EndsWith("paper-status", notApproved.GetProperty("type").GetString(), StringComparison.Ordinal);
        await (await host.Officer.PostAsync($"api/reports/{id}/approve", null)).ExpectAsync(403);
        var approved = await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        Assert.Equal("approved", approved.GetProperty("status").GetString());
        Assert.Equal("ProgrammeLead key", approved.GetProperty("approvedBy").GetString());
        Assert.Equal(clock.GetUtcNow(), approved.GetProperty("approvedAt").GetDateTimeOffset());
        await (await host.Officer.PostAsync($"api/reports/{id}/publish", null)).ExpectAsync(403);

        var published = await (await PublishAsync(id)).ExpectAsync(200);
        Assert.Equal("published", published.GetProperty("report").GetProperty("status").GetString());
        var emails = published.GetProperty("emails").EnumerateArray().ToList();
        Assert.Equal(CommitteeMembers, emails.Select(e => e.GetProperty("recipient").GetString()).Order().ToArray());
        Assert.All(emails, e => Assert.Equal("sent", e.GetProperty("status").GetString()));

        // Sending it again completes nothing new and e-mails no one twice.
        var again = await (await PublishAsync(id)).ExpectAsync(200);
        Assert.All(again.GetProperty("emails").EnumerateArray(), e => Assert.Equal("already-sent", e.GetProperty("status").GetString()));
        var outbox = await Outbox.ReadAsync(host);
        Assert.Equal(CommitteeMembers.Length, outbox.Count);

        var message = Outbox.ParseSendable(outbox[0].Content);
        Assert.Contains("published", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(FactHost.LeadKey, message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(FactHost.OfficerKey, message.TextBody, StringComparison.Ordinal);
        Uri html = LinkIn(message, "Read the paper in your browser");
        Uri content = LinkIn(message, "Download the paper as a Word document");
        Uri papers = LinkIn(message, "See every FACT paper");
        Assert.Equal(host.BaseAddress.Authority, html.Authority);

        // The links work from an inbox: no key, no header.
        using var anyone = new HttpClient();
        var page = await anyone.GetAsync(html);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Key milestones", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var download = await anyone.GetAsync(content);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        byte[] docx = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(published.GetProperty("report").GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(docx)));
        string list = await (await anyone.GetAsync(papers)).Content.ReadAsStringAsync();
        Assert.Contains("The meeting’s paper:", list, StringComparison.Ordinal);
        Assert.Contains("published 20 October 2022, 10:00 by the programme lead", list, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", list, StringComparison.Ordinal);
        Assert.DoesNotContain(id, Regex.Replace(list, "href=\"[^\"]*\"", string.Empty), StringComparison.Ordinal);

        // A published paper is not approved again; the content it was published with stays.
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(409);
    }

    [Fact]
    public async Task Publishing_another_version_supersedes_the_first_only_with_a_reason()
    {
        string first = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{first}/approve", FactHost.Approval())).ExpectAsync(200);
        await (await PublishAsync(first)).ExpectAsync(200);
        clock.Advance(TimeSpan.FromDays(1));
        string second = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{second}/approve", FactHost.Approval())).ExpectAsync(200);

        var refused = await (await PublishAsync(second)).ExpectAsync(422);
        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("published", (await (await host.Officer.GetAsync($"api/reports/{first}")).ExpectAsync(200)).GetProperty("status").GetString());

        var published = await (await PublishAsync(second, "Corrected the date of the Family Hubs milestone.")).ExpectAsync(200);
        Assert.Equal(first, published.GetProperty("superseded").GetString());
        Assert.Equal(first, published.GetProperty("report").GetProperty("supersedes").GetString());
        var old = await (await host.Officer.GetAsync($"api/reports/{first}")).ExpectAsync(200);
        Assert.Equal("superseded", old.GetProperty("status").GetString());
        Assert.Equal(second, old.GetProperty("supersededBy").GetString());
        await (await PublishAsync(first, "Back again")).ExpectAsync(409);

        // Every member hears of each publication once: two e-mails each.
        Assert.Equal(2 * CommitteeMembers.Length, (await Outbox.ReadAsync(host)).Count);
        string page = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        Assert.Contains("replacing an earlier version because: Corrected the date of the Family Hubs milestone.", page, StringComparison.Ordinal);
        Assert.Contains("<td>Superseded</td>", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("The meeting’s paper:", StringComparison.Ordinal) < page.IndexOf("<td>Superseded</td>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_publishes_email_each_member_exactly_once()
    {
        string id = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PublishAsync(id)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var outbox = await Outbox.ReadAsync(host);
        var recipients = outbox.Select(e => Outbox.ParseSendable(e.Content).To.Mailboxes.Single().Address).Order().ToArray();
        Assert.Equal(CommitteeMembers, recipients);
    }

    /// <summary>A member's link reaches what was published; drafts and approved papers are for keys only (they were listed and opened).</summary>
    [Fact]
    public async Task A_members_link_reaches_only_published_papers_never_drafts()
    {
        string published = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{published}/approve", FactHost.Approval())).ExpectAsync(200);
        var message = Outbox.ParseSendable((await PublishAndReadFirstEmailAsync(published)).Content);
        string draft = await GenerateAsync();
        string approved = await GenerateAsync("2022-12-08");
        await (await host.Lead.PostAsync($"api/reports/{approved}/approve", FactHost.Approval())).ExpectAsync(200);
        using var anyone = new HttpClient();

        string page = await (await anyone.GetAsync(LinkIn(message, "See every FACT paper"))).Content.ReadAsStringAsync();
        Assert.Contains(published, page, StringComparison.Ordinal);
        Assert.DoesNotContain(draft, page, StringComparison.Ordinal);
        Assert.DoesNotContain(approved, page, StringComparison.Ordinal);

        // Links signed for them, as a page would have signed them, open nothing.
        var links = host.Service<FactFunctions.Links.SignedLinks>();
        foreach (string id in new[] { draft, approved })
        {
            await (await anyone.GetAsync(new Uri(host.BaseAddress, links.Relative($"/api/reports/{id}/html")))).ExpectAsync(404);
            await (await anyone.GetAsync(new Uri(host.BaseAddress, links.Relative($"/api/reports/{id}/content")))).ExpectAsync(404);
        }

        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(LinkIn(message, "Read the paper in your browser"))).StatusCode);

        // Widening a member's link to every version breaks its signature.
        await (await anyone.GetAsync(new Uri(LinkIn(message, "See every FACT paper").AbsoluteUri + "&scope=all"))).ExpectAsync(401);

        // An officer's page lists every version, and the links it makes (no key in them) keep that scope.
        string officers = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        Assert.Contains(draft, officers, StringComparison.Ordinal);
        var draftLink = Regex.Match(officers, $"href=\"([^\"]*{draft}/html[^\"]*)\"");
        Assert.True(draftLink.Success);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(new Uri(host.BaseAddress, System.Net.WebUtility.HtmlDecode(draftLink.Groups[1].Value)))).StatusCode);
    }

    [Fact]
    public async Task Signed_links_open_only_their_own_page_until_they_expire_and_browsers_get_a_page_when_refused()
    {
        string id = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        var message = Outbox.ParseSendable((await PublishAndReadFirstEmailAsync(id)).Content);
        Uri html = LinkIn(message, "Read the paper in your browser");
        using var anyone = new HttpClient();

        // Tampered: another paper's path with this signature, a changed expiry, a cut-short signature.
        string query = html.Query;
        await (await anyone.GetAsync(new Uri(host.BaseAddress, $"api/export{query}"))).ExpectAsync(401);
        await (await anyone.GetAsync(new Uri(html.GetLeftPart(UriPartial.Path) + Regex.Replace(query, @"expires=(\d+)", m => $"expires={long
            .Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 86_400}")))).ExpectAsync(401);
        var cut = await (await anyone.GetAsync(new Uri(html.AbsoluteUri[..^3]))).ExpectAsync(401);
        Assert.Equal("This link is not valid.", cut.GetProperty("title").GetString());
        await (await anyone.PostAsync(new Uri(host.BaseAddress, $"api/reports/{id}/approve{query}"), null)).ExpectAsync(401);

        // A browser is refused with a page that says what to do, with the same security headers as every page.
        var browser = new HttpRequestMessage(HttpMethod.Get, new Uri(html.AbsoluteUri[..^3]));
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml");
        var refusal = await anyone.SendAsync(browser);
        Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode);
        Assert.Equal("text/html", refusal.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>This link is not valid.</h1>", await refusal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        AssertSecurityHeaders(refusal);

        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync(html)).StatusCode);
        clock.Advance(TimeSpan.FromDays(31));
        var expired = await (await anyone.GetAsync(html)).ExpectAsync(401);
        Assert.Equal("This link has expired.", expired.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_content_answers_head()
    {
        string id = await GenerateAsync();
        var page = await host.Officer.GetAsync("api/papers");
        AssertSecurityHeaders(page);
        var paper = await host.Officer.GetAsync($"api/reports/{id}/html");
        AssertSecurityHeaders(paper);
        string text = await paper.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en-GB\">", text, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">", text, StringComparison.Ordinal);
        Assert.Matches(@"<span class=""number"">48\.</span>", text);

        var get = await host.Officer.GetAsync($"api/reports/{id}/content");
        var head = await host.Officer.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/reports/{id}/content"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        foreach (string path in new[] { $"api/reports/{id}/html", "api/papers", "api/calendar.ics", "api/templates/select-committee", "api/programme.xlsx" })
        {
            var response = await host.Officer.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {(int)response.StatusCode}");
        }

        await (await host.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/reports/{id}/content"))).Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"api/reports/{id}/content"))).StatusCode);
    }

    [Fact]
    public async Task The_calendar_feed_opened_by_its_signed_link_shows_recent_meetings_where_they_are_and_links_the_published_paper()
    {
        string id = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        await (await PublishAsync(id)).ExpectAsync(200);
        clock.Advance(TimeSpan.FromDays(40)); // the meeting of 8 November is now past

        string page = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        var feedLink = Regex.Match(page, "href=\"(/api/calendar\\.ics\\?[^\"]+)\"");
        Assert.True(feedLink.Success, "The papers page offers no calendar subscription link.");
        using var calendarApp = new HttpClient();
        var feed = await calendarApp.GetAsync(new Uri(host.BaseAddress, System.Net.WebUtility.HtmlDecode(feedLink.Groups[1].Value)));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);

        var events = await IcalJs.EventsAsync(await feed.Content.ReadAsStringAsync());
        var meeting = Assert.Single(events, e => e.Uid == "select-committee-20221108-meeting@factfunctions");
        Assert.Equal(new DateTimeOffset(2022, 11, 8, 10, 30, 0, TimeSpan.Zero), meeting.StartUtc);
        Assert.Equal("Children’s Select Committee", meeting.Summary);
        Assert.Equal("County Hall, Bythesea Road, Trowbridge BA14 8JN", meeting.Location);
        Assert.Contains("The meeting’s paper is published", meeting.Description, StringComparison.Ordinal);
        var paper = await calendarApp.GetAsync(new Uri(meeting.Url!));
        Assert.Equal(HttpStatusCode.OK, paper.StatusCode);
        Assert.Contains($"/api/reports/{id}/html", meeting.Url, StringComparison.Ordinal);

        // The next meeting has no published paper: its entry links the papers page.
        var next = Assert.Single(events, e => e.Uid == "select-committee-20230307-meeting@factfunctions");
        Assert.Contains("/api/papers?", next.Url, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2023, 3, 7, 10, 30, 0, TimeSpan.Zero), next.StartUtc);
    }

    private async Task<(string Name, byte[] Content)> PublishAndReadFirstEmailAsync(string id)
    {
        await (await PublishAsync(id)).ExpectAsync(200);
        return (await Outbox.ReadAsync(host))[0];
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
