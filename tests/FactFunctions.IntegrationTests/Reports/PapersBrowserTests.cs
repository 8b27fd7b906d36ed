using System.Text.RegularExpressions;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Reports;

/// <summary>
/// A board member's path in a real browser: the link from the publication e-mail opens the papers page with no key,
/// the published paper comes first, downloads whole and reads as HTML; a tampered or expired link gets a page saying
/// so; axe-core finds nothing on any of them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PapersBrowserTests(AzuriteFixture fixture)
{
    [ChromiumFact]
    public async Task A_member_opens_the_papers_page_from_the_email_downloads_and_reads_the_published_paper()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 10, 20, 9, 0, 0, TimeSpan.Zero));
        await using var host = await fixture.StartHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);

        // A draft generated first, then the version that is approved and published, then a later draft: the page
        // must still put the published one first.
        await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(201);
        var created = await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(201);
        string id = created.GetProperty("id").GetString()!;
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        var published = await (await host.Lead.PostAsync($"api/reports/{id}/publish", null)).ExpectAsync(200);
        await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"schools-forum","meetingDate":"2022-12-08"}"""))).ExpectAsync(201);

        var email = Outbox.ParseSendable((await Outbox.ReadAsync(host))[0].Content);
        var papers = new Uri(Regex.Match(email.TextBody ?? string.Empty, @"See every FACT paper: (\S+)").Groups[1].Value);
        var tampered = new Uri(papers.AbsoluteUri[..^2] + "xx");
        var otherPath = new Uri(host.BaseAddress, "api/export" + papers.Query);

        var seen = await Chromium.VisitAsync(papers, tampered, otherPath);

        Assert.Equal(200, seen.Papers!.Status);
        Assert.Equal("Families and Children’s Transformation (FACT) papers", seen.Papers!.Heading);
        Assert.Equal("Children’s Select Committee, Tuesday 8 November 2022", seen.Papers!.PublishedMeeting.Trim());
        Assert.StartsWith("The meeting’s paper:", seen.Papers!.FirstInMeeting, StringComparison.Ordinal);
        Assert.Contains("published 20 October 2022, 10:00 by the programme lead", seen.Papers!.PublishedSection, StringComparison.Ordinal);
        Assert.Empty(seen.Papers!.Violations);

        Assert.Equal("FACT-select-committee-2022-11-08.docx", seen.Download!.FileName);
        Assert.Equal(published.GetProperty("report").GetProperty("sha256").GetString(), seen.Download!.Sha256);

        Assert.Contains($"/api/reports/{id}/html", seen.Html!.Url, StringComparison.Ordinal);
        Assert.Contains("Key milestones", seen.Html!.Text, StringComparison.Ordinal);
        Assert.Empty(seen.Html!.Violations);

        Assert.All(seen.Refused, r =>
        {
            Assert.Equal(401, r.Status);
            Assert.Equal("This link is not valid.", r.Heading);
            Assert.Empty(r.Violations);
        });

        clock.Advance(TimeSpan.FromDays(31));
        var expired = await Chromium.VisitRefusedAsync(papers);
        Assert.Equal(401, expired.Status);
        Assert.Equal("This link has expired.", expired.Heading);
    }
}
