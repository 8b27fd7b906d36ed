using System.Net.Http.Headers;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;

namespace FactFunctions.IntegrationTests.Reports;

[Collection(AzuriteCollection.Name)]
public sealed class TemplateApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<byte[]> CurrentTemplateAsync(string kind = "select-committee")
    {
        var response = await host.Officer.GetAsync($"api/templates/{kind}");
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<HttpResponseMessage> UploadAsync(byte[] template, string kind = "select-committee", string contentType = Docx)
    {
        var content = new ByteArrayContent(template);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return host.Lead.PutAsync($"api/templates/{kind}", content);
    }

    [Fact]
    public async Task A_restyled_template_is_used_for_the_next_paper_and_reverting_restores_the_built_in_one()
    {
        byte[] restyled = DocxEdits.Word(await CurrentTemplateAsync(), document =>
        {
            var main = document.MainDocumentPart!;
            foreach (var fonts in main.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>())
            {
                fonts.Ascii = "Liberation Serif";
                fonts.HighAnsi = "Liberation Serif";
            }

            var header = main.AddNewPart<HeaderPart>("rIdRestyledHeader");
            header.Header = new Header(new Paragraph(new Run(new Text("OFFICIAL – Wiltshire Council"))));
            var section = main.Document!.Body!.Elements<SectionProperties>().Single();
            section.InsertAt(new HeaderReference { Type = HeaderFooterValues.Default, Id = "rIdRestyledHeader" }, 0);
        });

        var uploaded = await (await UploadAsync(restyled)).ExpectAsync(200);
        Assert.Equal("v0001", uploaded.GetProperty("version").GetString());

        var report = await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(201);
        Assert.Equal("v0001", report.GetProperty("templateVersion").GetString());
        byte[] paper = await (await host.Officer.GetAsync($"api/reports/{report.GetProperty("id").GetString()}/content")).Content.ReadAsByteArrayAsync();
        ReportApiTests.AssertValidWord(paper);
        using (var document = WordprocessingDocument.Open(new MemoryStream(paper), false))
        {
            var main = document.MainDocumentPart!;
            Assert.All(main.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>(), f => Assert.Equal("Liberation Serif", f.Ascii?.Value));
            Assert.Contains(main.HeaderParts, h => h.Header!.InnerText == "OFFICIAL – Wiltshire Council");
            Assert.Contains("Audit Report presented to the FACT Operational Board", main.Document!.InnerText, StringComparison.Ordinal);
        }

        await (await host.Lead.DeleteAsync("api/templates/select-committee")).ExpectAsync(204);
        var after = await host.Officer.GetAsync("api/templates/select-committee");
        Assert.StartsWith("builtin-", after.Headers.GetValues("X-Template-Version").Single(), StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> BadUploads => new()
    {
        { "missing-tag", 422, "tags.milestone.due" },
        { "unknown-tag", 422, "tags.milestone.owner" },
        { "misplaced-tag", 422, "tags.milestone.activity" },
        { "docm", 422, "macro" },
        { "external-template", 422, "attachedTemplate" },
        { "external-image", 422, "outside resource" },
        { "not-a-zip", 422, "not a .docx" },
        { "zip-bomb", 413, "zip bomb" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_template_is_refused_with_every_problem_and_the_template_in_use_is_unchanged(string kind, int status, string expected)
    {
        byte[] good = await CurrentTemplateAsync();
        await (await UploadAsync(good)).ExpectAsync(200);
        string versionBefore = (await host.Officer.GetAsync("api/templates/select-committee")).Headers.GetValues("X-Template-Version").Single();

        byte[] bad = kind switch
        {
            "missing-tag" => DocxEdits.Word(good, d => DocxEdits.Control(d, "milestone.due").Remove()),
            "unknown-tag" => DocxEdits.Word(good, d => DocxEdits.Control(d, "milestone.due").SdtProperties!.GetFirstChild<Tag>()!.Val = "milestone.owner"),
            "misplaced-tag" => DocxEdits.Word(good, d =>
            {
                var activity = DocxEdits.Control(d, "milestone.activity");
                var paragraph = d.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().First();
                paragraph.AppendChild(activity.CloneNode(true));
            }),
            "docm" => DocxEdits.Zip(good, DocxEdits.MakeMacroEnabled),
            "external-template" => DocxEdits.Word(good, DocxEdits.AttachRemoteTemplate),
            "external-image" => DocxEdits.Word(good, DocxEdits.AddExternalImage),
            "not-a-zip" => "this is plain text, not a Word file"u8.ToArray(),
            "zip-bomb" => DocxEdits.Zip(good, DocxEdits.AddBomb),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await UploadAsync(bad);

        var problem = await response.ExpectAsync(status);
        Assert.Contains(expected, problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        string versionAfter = (await host.Officer.GetAsync("api/templates/select-committee")).Headers.GetValues("X-Template-Version").Single();
        Assert.Equal(versionBefore, versionAfter);
    }

    [Fact]
    public async Task A_template_missing_several_tags_lists_each_one()
    {
        byte[] bad = DocxEdits.Word(await CurrentTemplateAsync(), d =>
        {
            DocxEdits.Control(d, "meeting.date").Remove();
            DocxEdits.Control(d, "milestones.groups").Remove();
        });

        var problem = await (await UploadAsync(bad)).ExpectAsync(422);

        var errors = problem.GetProperty("errors");
        foreach (string tag in new[] { "meeting.date", "milestones.groups", "group.name", "group.milestones", "milestone.activity", "milestone.due" })
        {
            Assert.True(errors.TryGetProperty($"tags.{tag}", out _), $"tags.{tag} not reported: {errors}");
        }
    }

    /// <summary>
    /// Thirty large templates (12 MiB expanded each, a few kilobytes uploaded), each accepted and used for a paper:
    /// the process keeps at most the template cache's byte bound of them. Before the bound, validation put every
    /// upload into a cache counted in entries, and 16 of these held about 190 MiB.
    /// </summary>
    [Fact]
    public async Task Thirty_large_uploads_leave_memory_bounded_by_the_template_cache()
    {
        byte[] good = await CurrentTemplateAsync();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        for (int i = 0; i < 30; i++)
        {
            byte[] large = DocxEdits.Zip(good, zip => DocxEdits.AddFiller(zip, 12 * 1024 * 1024, $"upload{i:D2}"));
            Assert.True(large.Length < 200_000, $"the upload is {large.Length} bytes");
            await (await UploadAsync(large)).ExpectAsync(200);
            await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(201);
        }

        long grown = GC.GetTotalMemory(forceFullCollection: true) - before;
        Assert.True(grown < FactFunctions.Reports.Word.PaperRenderer.CacheBytes + (32L * 1024 * 1024), $"the process grew by {grown / (1024 * 1024)} MiB");
    }

    [Fact]
    public async Task Uploads_over_ten_mebibytes_and_unknown_kinds_are_refused()
    {
        await (await UploadAsync(new byte[(10 * 1024 * 1024) + 1])).ExpectAsync(413);
        await (await UploadAsync(await CurrentTemplateAsync(), kind: "cabinet")).ExpectAsync(400);
        await (await UploadAsync(await CurrentTemplateAsync(), contentType: "text/plain")).ExpectAsync(415);
        var officer = new ByteArrayContent(await CurrentTemplateAsync());
        officer.Headers.ContentType = new MediaTypeHeaderValue(Docx);
        await (await host.Officer.PutAsync("api/templates/select-committee", officer)).ExpectAsync(403);
    }

    /// <summary>Zip entries that are no part of the document (no content type) would be copied into every paper: refused.</summary>
    [Theory]
    [InlineData("word/payload.hta")]
    [InlineData("word/vbaProject.bin")]
    [InlineData("customXml/extra.dat")]
    public async Task A_template_carrying_an_entry_that_is_no_part_is_refused(string entry)
    {
        byte[] template = await (await host.Officer.GetAsync("api/templates/select-committee")).Content.ReadAsByteArrayAsync();
        using var edited = new MemoryStream();
        edited.Write(template);
        using (var zip = new System.IO.Compression.ZipArchive(edited, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        using (var stream = zip.CreateEntry(entry).Open())
        {
            stream.Write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x01]);
        }

        var problem = await (await UploadAsync(edited.ToArray())).ExpectAsync(422);

        Assert.Contains(entry, problem.ToString(), StringComparison.Ordinal);
        var kept = await (await host.Officer.GetAsync("api/templates/select-committee")).Content.ReadAsByteArrayAsync();
        Assert.Equal(template, kept);
    }
}