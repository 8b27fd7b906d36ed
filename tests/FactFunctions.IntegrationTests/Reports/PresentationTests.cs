using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Reports;

/// <summary>
/// Issue 26, the verbal update's slides: the sample's next Schools Forum (15 January 2026) asks for a presentation; it is
/// made over HTTP as a .pptx, carries the Forum's open actions, reads as HTML and opens in LibreOffice Impress; its
/// template is restyled like a paper's and inspected as untrusted.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PresentationTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private const string Slides = """{"kind":"presentation","meetingDate":"2026-01-15"}""";
    private const string NewAction = "Share the attendance figures for the pilot schools with the Forum.";
    private const string OpenAction = "Analyse retrospectively whether the two projects correlate with the fall";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<(string Id, byte[] Content)> GenerateAsync(string request = Slides)
    {
        var report = await (await host.Lead.PostAsync("api/reports", FactHost.Json(request))).ExpectAsync(201);
        string id = report.GetProperty("id").GetString()!;
        var content = await host.Officer.GetAsync($"api/reports/{id}/content");
        Assert.Equal(200, (int)content.StatusCode);
        return (id, await content.Content.ReadAsByteArrayAsync());
    }

    private static void AssertValidDeck(byte[] pptx)
    {
        using (var document = PresentationDocument.Open(new MemoryStream(pptx), false))
        {
            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).Take(5).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        }

        var inspection = FactFunctions.Reports.Word.TemplateInspector.Inspect(pptx, FactFunctions.Reports.PaperFormat.Slides);
        Assert.True(inspection.Safe, string.Join("\n", inspection.Problems));
        var accessibility = DeckAccessibility.Problems(pptx);
        Assert.True(accessibility.Count == 0, string.Join("\n", accessibility));
    }

    [Fact]
    public async Task The_next_Schools_Forum_gets_slides_and_a_paper_that_both_carry_the_open_actions()
    {
        // The October 2025 meeting's outcome, recorded as the lead would after it.
        await (await host.Lead.PutAsync("api/boards/schools-forum/meetings/2025-10-09/outcome", FactHost.Json($$"""
            {"resolution": ["The Schools Forum noted the update."],
             "actions": [{"id": "attendance-figures", "text": "{{NewAction}}", "owner": "Simon Thomas", "due": "January 2026", "status": "open"}]}
            """))).ExpectAsync(201);

        var (id, deck) = await GenerateAsync();
        var metadata = await host.Officer.GetAsync($"api/reports/{id}/content");
        Assert.Equal(Pptx, metadata.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"FACT-presentation-2026-01-15.pptx", metadata.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        AssertValidDeck(deck);

        var texts = DeckAccessibility.SlideTexts(deck);
        Assert.Contains("Verbal update to the Schools Forum, 15 January 2026", texts[0], StringComparison.Ordinal);
        Assert.Contains("Presented by Simon Thomas", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("Open actions", texts[^1], StringComparison.Ordinal);
        Assert.Contains(NewAction, texts[^1], StringComparison.Ordinal);
        Assert.Contains(OpenAction, texts[^1], StringComparison.Ordinal);

        // The chart is a chart part with its figures, on a slide whose chart frame says what it shows.
        using (var document = PresentationDocument.Open(new MemoryStream(deck), false))
        {
            var charted = DeckAccessibility.Slides(document).Where(s => s.ChartParts.Any()).ToList();
            Assert.NotEmpty(charted);
            string chart = new StreamReader(charted[0].ChartParts.First().GetStream()).ReadToEnd();
            Assert.Contains("<c:numCache>", chart, StringComparison.Ordinal);
            Assert.Contains("<c:v>2018-19</c:v>", chart, StringComparison.Ordinal);
        }

        // The HTML is read from the same bytes: a heading per slide, the actions as a table with a header row, the chart as its figures.
        string html = await (await host.Officer.GetAsync($"api/reports/{id}/html")).Content.ReadAsStringAsync();
        Assert.Contains("<h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Open actions</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Action</th>", html, StringComparison.Ordinal);
        Assert.Contains("<figure>", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(NewAction), html, StringComparison.Ordinal);
        await (await host.Officer.GetAsync($"api/reports/{id}/images/0")).ExpectAsync(404);

        // The Forum's paper for the same meeting carries the same actions, though the meeting asked for slides.
        var (_, paper) = await GenerateAsync("""{"kind":"schools-forum","meetingDate":"2026-01-15"}""");
        using (var word = WordprocessingDocument.Open(new MemoryStream(paper), false))
        {
            string text = word.MainDocumentPart!.Document!.InnerText;
            Assert.Contains("Actions from previous meetings", text, StringComparison.Ordinal);
            Assert.Contains(NewAction, text, StringComparison.Ordinal);
        }

        // Published like a paper: approved, published to the Forum, listed on the papers page with its download.
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        await (await host.Lead.PostAsync($"api/reports/{id}/publish", FactHost.Json("""{"lateReason":"Test."}"""))).ExpectAsync(200);
        string page = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        Assert.Contains($"/api/reports/{id}/content", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_slides_tell_what_changed_since_the_boards_last_paper_from_the_snapshot_diff()
    {
        // The Forum's October 2025 paper, then the programme moves on: Family Help closes.
        await GenerateAsync("""{"kind":"schools-forum","meetingDate":"2025-10-09","reportDate":"2025-10-01"}""");
        var moved = System.Text.Json.Nodes.JsonNode.Parse(SampleJson.Text)!;
        moved["projects"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "family-help")!["status"] = "closed";
        await (await host.Lead.PostAsync("api/import", FactHost.Json(moved.ToJsonString()))).ExpectAsync(200);

        var (_, deck) = await GenerateAsync();
        var texts = DeckAccessibility.SlideTexts(deck);

        // A project whose status changed has its slide though it is closed, and says so under the paper's date.
        string familyHelp = Assert.Single(texts, t => t.StartsWith("Family Help\n", StringComparison.Ordinal));
        Assert.Contains("Since the update of 9 October 2025", familyHelp, StringComparison.Ordinal);
        Assert.Contains("Family Help is now closed", familyHelp, StringComparison.Ordinal);
        AssertValidDeck(deck);
    }

    [ChromiumFact]
    public async Task A_member_opens_the_published_slides_from_the_email_in_a_browser_and_axe_finds_nothing()
    {
        var (id, _) = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        await (await host.Lead.PostAsync($"api/reports/{id}/publish", FactHost.Json("""{"lateReason":"Test."}"""))).ExpectAsync(200);

        var email = Outbox.ParseSendable((await Outbox.ReadAsync(host))[0].Content);
        Assert.Contains("Download the paper as a PowerPoint presentation", email.TextBody, StringComparison.Ordinal);
        var papers = new Uri(System.Text.RegularExpressions.Regex.Match(email.TextBody ?? string.Empty, @"See every FACT paper: (\S+)").Groups[1].Value);
        var seen = await Chromium.VisitAsync(papers);

        Assert.Equal(200, seen.Papers!.Status);
        Assert.Equal("Schools Forum, Thursday 15 January 2026: verbal update slides", seen.Papers!.PublishedMeeting.Trim());
        Assert.Empty(seen.Papers!.Violations);
        Assert.Equal("FACT-presentation-2026-01-15.pptx", seen.Download!.FileName);
        Assert.Contains("Open actions", seen.Html!.Text, StringComparison.Ordinal);
        Assert.Empty(seen.Html!.Violations);
    }

    [LibreOfficeFact]
    public async Task Impress_opens_the_slides_and_each_page_is_a_slide_with_its_words()
    {
        var (_, deck) = await GenerateAsync();
        byte[] pdf = await LibreOffice.ConvertAsync(deck, "slides", "pptx", "pdf", "pdf");
        var pages = await LibreOffice.PdfPagesAsync(pdf);
        var texts = DeckAccessibility.SlideTexts(deck);
        Assert.Equal(texts.Count, pages.Count);
        for (int i = 0; i < pages.Count; i++)
        {
            // Each page shows its own slide's whole title (pdftotext may wrap it: whitespace is compared as one space).
            static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(Words(texts[i].Split('\n')[0]), Words(pages[i]), StringComparison.Ordinal);
        }

        Assert.Contains("Open actions", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restyled_deck_template_is_used_and_hostile_ones_are_refused_with_the_template_unchanged()
    {
        var builtIn = await host.Officer.GetAsync("api/templates/presentation");
        Assert.Equal(Pptx, builtIn.Content.Headers.ContentType?.MediaType);
        byte[] template = await builtIn.Content.ReadAsByteArrayAsync();

        // Restyled: the council's own colour, saved as a .potx.
        byte[] restyled = DocxEdits.Zip(template, zip =>
        {
            Replace(zip, "ppt/theme/theme1.xml", xml => xml.Replace("1F4E79", "7A003C", StringComparison.Ordinal));
            Replace(zip, "[Content_Types].xml", xml => xml.Replace("presentationml.presentation.main+xml", "presentationml.template.main+xml", StringComparison.Ordinal));
        });
        var uploaded = await (await Upload(restyled)).ExpectAsync(200);
        Assert.Equal("v0001", uploaded.GetProperty("version").GetString());
        var (_, deck) = await GenerateAsync();
        AssertValidDeck(deck);
        using (var zip = new ZipArchive(new MemoryStream(deck)))
        {
            Assert.Contains("7A003C", new StreamReader(zip.GetEntry("ppt/theme/theme1.xml")!.Open()).ReadToEnd(), StringComparison.Ordinal);
            Assert.Contains("presentationml.presentation.main+xml", new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open()).ReadToEnd(), StringComparison.Ordinal);
        }

        // A generated deck as a template: its slides are dropped, its layouts used.
        await (await Upload(deck)).ExpectAsync(200);
        var (_, again) = await GenerateAsync();
        Assert.Equal(DeckAccessibility.SlideTexts(deck).Count, DeckAccessibility.SlideTexts(again).Count);

        async Task<string> VersionAsync() => (await host.Officer.GetAsync("api/templates/presentation")).Headers.GetValues("X-Template-Version").Single();
        string version = await VersionAsync();
        Assert.Equal("v0002", version);
        var refusals = new (string Name, byte[] File, int Status, string Says)[]
        {
            ("macro-enabled", DocxEdits.Zip(template, zip =>
            {
                Write(zip, "ppt/vbaProject.bin", "not really a macro project");
                Replace(zip, "[Content_Types].xml", xml => xml.Replace("</Types>",
                    "<Override PartName=\"/ppt/vbaProject.bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>", StringComparison.Ordinal));
            }), 422, "macros"),
            ("no content layout", DocxEdits.Zip(template, zip => Replace(zip, "ppt/slideLayouts/slideLayout2.xml",
                xml => xml.Replace("type=\"obj\"", "type=\"twoObj\"", StringComparison.Ordinal))), 422, "Title and Content"),
            ("linked picture", DocxEdits.Zip(template, zip => Replace(zip, "ppt/slideMasters/_rels/slideMaster1.xml.rels", xml => xml.Replace("</Relationships>",
                "<Relationship Id=\"rIdOut\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"https://example.org/logo.png\" " +
                "TargetMode=\"External\"/></Relationships>", StringComparison.Ordinal))), 422, "outside resource"),
            ("a Word document", await (await host.Officer.GetAsync("api/templates/schools-forum")).Content.ReadAsByteArrayAsync(), 422, "PowerPoint"),
            ("not a zip", Encoding.UTF8.GetBytes("<html>not a deck</html>"), 422, "not a .pptx"),
            ("zip bomb", DocxEdits.Zip(template, zip => Write(zip, "ppt/media/huge.bin", new string('0', 17 * 1024 * 1024))), 413, "zip bomb"),
        };
        foreach (var (name, file, status, says) in refusals)
        {
            var response = await Upload(file);
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == status, $"{name}: {(int)response.StatusCode} {body}");
            Assert.Contains(says, body, StringComparison.Ordinal);
        }

        Assert.Equal(version, await VersionAsync());
        await (await Upload(template, "text/plain")).ExpectAsync(415);
    }

    private Task<HttpResponseMessage> Upload(byte[] template, string contentType = Pptx)
    {
        var content = new ByteArrayContent(template);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return host.Lead.PutAsync("api/templates/presentation", content);
    }

    private static void Replace(ZipArchive zip, string name, Func<string, string> edit)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"No {name} in the template.");
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        entry.Delete();
        Write(zip, name, edit(xml));
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }
}
