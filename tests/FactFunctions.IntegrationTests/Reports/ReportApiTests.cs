using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class ReportApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    // As the seed paper was written: 14 October 2022, for the committee of 8 November 2022.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 10, 14, 9, 0, 0, TimeSpan.Zero));
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<(string Id, byte[] Content, HttpResponseMessage Response)> GenerateAsync(string kind, string meetingDate, string? snapshotId = null)
    {
        string snapshot = snapshotId is null ? string.Empty : $",\"snapshotId\":\"{snapshotId}\"";
        var created = await (await host.Lead.PostAsync("api/reports", FactHost.Json($$"""{"kind":"{{kind}}","meetingDate":"{{meetingDate}}"{{snapshot}}}"""))).ExpectAsync(201);
        string id = created.GetProperty("id").GetString()!;
        var response = await host.Officer.GetAsync($"api/reports/{id}/content");
        return (id, await response.Content.ReadAsByteArrayAsync(), response);
    }

    [Fact]
    public async Task A_generated_paper_is_stored_with_metadata_and_downloads_with_its_filename_etag_and_hash()
    {
        var (id, content, response) = await GenerateAsync("select-committee", "2022-11-08");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FACT-select-committee-2022-11-08.docx",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var metadata = await (await host.Officer.GetAsync($"api/reports/{id}")).ExpectAsync(200);
        string sha = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(sha, metadata.GetProperty("sha256").GetString());
        Assert.Equal(content.Length, metadata.GetProperty("size").GetInt64());
        Assert.Equal($"\"{sha}\"", response.Headers.ETag?.Tag);
        Assert.Equal("2022-11-08", metadata.GetProperty("meetingDate").GetString());
        Assert.StartsWith("builtin-", metadata.GetProperty("templateVersion").GetString(), StringComparison.Ordinal);
        Assert.Equal("ProgrammeLead key", metadata.GetProperty("createdBy").GetString());
        AssertValidWord(content);
    }

    [Fact]
    public async Task Range_requests_return_part_of_the_paper()
    {
        var (id, content, _) = await GenerateAsync("schools-forum", "2022-11-08");

        var request = new HttpRequestMessage(HttpMethod.Get, $"api/reports/{id}/content");
        request.Headers.Range = new RangeHeaderValue(0, 99);
        var partial = await host.Officer.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(content.Take(100).ToArray(), await partial.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_same_snapshot_and_template_give_the_same_bytes()
    {
        string snapshot = (await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!;

        var first = await GenerateAsync("select-committee", "2022-11-08", snapshot);
        clock.Advance(TimeSpan.FromHours(3));
        var second = await GenerateAsync("select-committee", "2022-11-08", snapshot);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Content, second.Content);
    }

    [Fact]
    public async Task The_next_paper_reports_since_the_previous_one_with_a_changes_annex()
    {
        await GenerateAsync("select-committee", "2022-11-08");
        clock.Advance(TimeSpan.FromDays(60));
        await host.Lead.PutAsync("api/projects/family-help/milestones/evaluation-partner-confirmed",
            FactHost.Json("""{"activity":"Evaluation partner confirmed","due":"December 2022","status":"complete","order":4}"""));

        var (_, content, _) = await GenerateAsync("select-committee", "2023-01-17");

        string text = Text(content);
        Assert.Contains("since the last report to Children’s Select Committee in November 2022", text, StringComparison.Ordinal);
        Assert.Contains("Annex: Changes since the last report", text, StringComparison.Ordinal);
        Assert.Contains("Family Help: “Evaluation partner confirmed” re-dated from October 2022 to December 2022.", text, StringComparison.Ordinal);
        Assert.Contains("Family Help: “Evaluation partner confirmed” is now complete (was off track).", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_are_refused_and_write_nothing()
    {
        await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"cabinet","meetingDate":"2022-11-08"}"""))).ExpectAsync(422);
        await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee"}"""))).ExpectAsync(422);
        var unknown = await (await host.Lead.PostAsync("api/reports", FactHost
            .Json("""{"kind":"select-committee","meetingDate":"2022-11-08","snapshotId":"nope"}"""))).ExpectAsync(422);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("snapshotId", out _));
        await (await host.Officer.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(403);
        await (await host.Officer.GetAsync("api/reports/nope/content")).ExpectAsync(404);
        await (await host.Officer.GetAsync("api/reports?kind=cabinet")).ExpectAsync(400);

        var list = await (await host.Officer.GetAsync("api/reports")).ExpectAsync(200);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task The_papers_page_lists_each_meetings_versions_with_signed_links_and_never_the_callers_key()
    {
        var (id, _, _) = await GenerateAsync("select-committee", "2022-11-08");

        var page = await host.Anonymous.GetAsync($"api/papers?code={FactHost.OfficerKey}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"/api/reports/{id}/content?scope=all&amp;expires=", html, StringComparison.Ordinal);
        Assert.DoesNotContain(FactHost.OfficerKey, html, StringComparison.Ordinal);
        Assert.Contains("Children’s Select Committee, Tuesday 8 November 2022", html, StringComparison.Ordinal);
        Assert.Contains("No paper has been published for this meeting yet.", html, StringComparison.Ordinal);
        Assert.Contains("<td>Draft</td>", html, StringComparison.Ordinal);
        Assert.Contains("Generated 14 October 2022, 10:00 by the programme lead.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        await (await host.Anonymous.GetAsync("api/papers")).ExpectAsync(401);
    }

    [Fact]
    public async Task The_papers_page_pages_by_meeting_and_says_how_many()
    {
        for (int i = 0; i < 12; i++)
        {
            await GenerateAsync("schools-forum", new DateOnly(2023, 1, 5).AddDays(7 * i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        string first = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        Assert.Contains("12 meetings with papers, 12 papers in all. Showing meetings 1 to 10 (page 1 of 2)", first, StringComparison.Ordinal);
        var older = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\">Older meetings \\(page 2\\)");
        Assert.True(older.Success);
        using var browser = new HttpClient();
        string second = await (await browser.GetAsync(new Uri(host.BaseAddress, System.Net.WebUtility.HtmlDecode(older.Groups[1].Value)))).Content.ReadAsStringAsync();
        Assert.Contains("Showing meetings 11 to 12 (page 2 of 2)", second, StringComparison.Ordinal);
        Assert.Contains("Thursday 5 January 2023", second, StringComparison.Ordinal);
        await (await host.Officer.GetAsync("api/papers?page=3")).ExpectAsync(400);
        await (await host.Officer.GetAsync("api/papers?page=0")).ExpectAsync(400);
    }

    [LibreOfficeFact]
    public async Task Both_papers_of_the_sample_open_in_libreoffice()
    {
        foreach (string kind in new[] { "select-committee", "schools-forum" })
        {
            var (_, content, _) = await GenerateAsync(kind, "2022-11-08");

            byte[] pdf = await LibreOffice.ConvertToPdfAsync(content, kind);

            Assert.True(pdf.Length > 10_000, $"{kind}: the PDF is only {pdf.Length} bytes");
            Assert.Equal("%PDF"u8.ToArray(), pdf.Take(4).ToArray());
        }
    }

    internal static void AssertValidWord(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).Take(5).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.Description)));

        // Every paper passes the inspection an uploaded template must pass: nothing in it reaches outside the file.
        var inspection = FactFunctions.Reports.Word.TemplateInspector.Inspect(docx);
        Assert.True(inspection.Safe, string.Join("\n", inspection.Problems));

        // And the accessibility rules published council documents must meet.
        var accessibility = FactFunctions.TestSupport.PaperAccessibility.Problems(docx);
        Assert.True(accessibility.Count == 0, string.Join("\n", accessibility));
    }

    internal static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }
}
