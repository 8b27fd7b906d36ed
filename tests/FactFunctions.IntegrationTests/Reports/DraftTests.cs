using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using Word = FactFunctions.Reports.Word;

namespace FactFunctions.IntegrationTests.Reports;

/// <summary>
/// Issue 24: the lead writes the paper's words in Word. A draft downloaded and uploaded unchanged changes nothing, from
/// Word's bytes and after LibreOffice has saved it; edits written the way Word writes them become exactly those blocks;
/// everything refused writes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DraftTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>The built-in templates' numbered body paragraph and bullet styles.</summary>
    private const string Numbered = "FactNumbered";
    private const string Bullet = "FactBullet";
    private FactHost host = null!;

    public static TheoryData<string, string> Papers => new()
    {
        { PaperKinds.SelectCommittee, "2022-11-08" },
        { PaperKinds.SchoolsForum, "2022-12-08" },
        { PaperKinds.Highlight, "2023-01-24" },
    };

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Papers))]
    public async Task A_draft_uploaded_unchanged_changes_nothing(string kind, string meeting)
    {
        byte[] draft = await DownloadAsync(kind, meeting);
        using (var document = WordprocessingDocument.Open(new MemoryStream(draft), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).Take(5).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var controls = document.MainDocumentPart!.Document!.Descendants<SdtElement>().ToList();
            Assert.Contains(controls, c => Tag(c)?.StartsWith("fact:", StringComparison.Ordinal) == true);
            Assert.Contains(controls, c => Tag(c) == "fact-locked"
                && c.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Lock>()?.Val?.Value == LockingValues.SdtContentLocked);
            Assert.NotNull(document.CustomFilePropertiesPart);
        }

        string before = await ExportAsync();
        var result = await UploadAsync(kind, meeting, draft);
        Assert.Empty(result.GetProperty("changes").EnumerateArray());
        Assert.Empty(result.GetProperty("ignored").EnumerateArray());
        Assert.True(result.GetProperty("regions").GetInt32() > 0);
        Assert.Equal(before, await ExportAsync());
    }

    [LibreOfficeTheory]
    [MemberData(nameof(Papers))]
    public async Task A_draft_saved_again_by_LibreOffice_changes_nothing(string kind, string meeting)
    {
        byte[] draft = await DownloadAsync(kind, meeting);
        byte[] resaved = await LibreOffice.ConvertAsync(draft, "draft", "docx", "docx:MS Word 2007 XML", "docx");

        var result = await UploadAsync(kind, meeting, resaved);
        Assert.Empty(result.GetProperty("changes").EnumerateArray());
        Assert.Empty(result.GetProperty("ignored").EnumerateArray());
    }

    [Fact]
    public async Task Edits_written_as_Word_writes_them_become_exactly_those_blocks_in_the_export_and_the_next_paper()
    {
        await GiveThePurposeAnIdAsync();

        const string Meeting = "2023-03-07";
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] picture = FactFunctions.TestSupport.HostileImages.Noise(40);
        byte[] edited = WrittenInWord(draft, picture);

        string before = await ExportAsync();
        var dryRun = await UploadAsync(PaperKinds.SelectCommittee, Meeting, edited, "?dryRun=true");
        Assert.Equal(before, await ExportAsync());
        Assert.False(dryRun.GetProperty("applied").GetBoolean());
        var summaries = dryRun.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("summary").GetString()).ToList();
        Assert.Equal(
        [
            "Family Help, update for 7 March 2023: added, 2 paragraphs, 1 bulleted list, 1 image",
            "Inclusive Approaches, update for 7 March 2023: added, 1 paragraph",
        ], summaries.Order(StringComparer.Ordinal));
        Assert.Empty(dryRun.GetProperty("ignored").EnumerateArray());

        var applied = await UploadAsync(PaperKinds.SelectCommittee, Meeting, edited);
        Assert.True(applied.GetProperty("applied").GetBoolean());
        var export = JsonDocument.Parse(await ExportAsync()).RootElement;
        var familyHelp = export.GetProperty("projects").EnumerateArray().First(p => p.GetProperty("id").GetString() == "family-help");
        var update = familyHelp.GetProperty("updates").EnumerateArray().Last();
        Assert.Equal("2023-03-07", update.GetProperty("asOf").GetString());
        Assert.Equal("select-committee", update.GetProperty("audience").GetString());
        var blocks = update.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["paragraph", "bulleted", "image", "paragraph"], blocks.Select(b => b.ValueKind == JsonValueKind.String ? "paragraph" : b.GetProperty("type").GetString()));
        Assert.Equal("The Family Help pilot **went live** in March; see [the All Together site](https://example.org/all-together).", blocks[0].GetString());
        Assert.Equal(["Referrals are reviewed weekly", "Families tell their story once"], blocks[1].GetProperty("items").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("How a referral flows from the school to the locality team", blocks[2].GetProperty("altText").GetString());
        Assert.Equal("As paragraph {ref:purpose-intro} says, families come first.", blocks[3].GetString());

        // The pasted picture is stored, and the paper generated next carries the words in the council's numbered style.
        string imageId = blocks[2].GetProperty("imageId").GetString()!;
        Assert.Equal(picture, await (await host.Officer.GetAsync($"api/images/{imageId}")).Content.ReadAsByteArrayAsync());
        var report = await (await host.Lead.PostAsync("api/reports",
            FactHost.Json($$"""{"kind":"select-committee","meetingDate":"{{Meeting}}","reportDate":"2023-02-20"}"""))).ExpectAsync(201);
        byte[] paper = await (await host.Officer.GetAsync($"api/reports/{report.GetProperty("id").GetString()}/content")).Content.ReadAsByteArrayAsync();
        using var generated = WordprocessingDocument.Open(new MemoryStream(paper), false);
        var paragraph = generated.MainDocumentPart!.Document!.Descendants<Paragraph>().First(p => p.InnerText.StartsWith("The Family Help pilot", StringComparison.Ordinal));
        Assert.Equal(Numbered, paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
        Assert.Contains(paragraph.Descendants<Run>(), r => r.InnerText == "went live" && r.RunProperties?.Bold is not null);
        Assert.Contains(generated.MainDocumentPart.Document.Descendants<Paragraph>(),
            p => p.InnerText == "Referrals are reviewed weekly" && p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == Bullet);

        // The same draft sent again changes nothing more: what it says is what is stored.
        string after = await ExportAsync();
        var again = await UploadAsync(PaperKinds.SelectCommittee, Meeting, edited);
        Assert.Empty(again.GetProperty("changes").EnumerateArray());
        Assert.Equal(after, await ExportAsync());
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "tracked changes", "accept or reject the tracked changes first" },
        { "a picture without alt text", "alt text" },
        { "a linked picture", "pictures must be embedded" },
        { "not a docx", "not a .docx" },
        { "macro-enabled", "macro" },
        { "a tag altered to another region", "its tag was changed" },
        { "a region deleted", "allowDeletes=true" },
        { "a region copied", "appears twice" },
        { "no provenance", "no 'FactDraft' document property" },
        { "another meeting's draft", "drafts/select-committee/2023-03-07" },
        { "a region twice in the provenance", "not what a draft writes" },
        { "a bookmark naming nothing in the provenance", "not what a draft writes" },
        { "a part the package names but lacks", "a part it names is missing" },
        { "a document that is not one", "cannot be read as a Word document" },
        { "elements nested too deep", "more than 256 deep" },
        { "a thousand bad rows", "more problems like these" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_refusal_names_the_problem_and_writes_nothing(string what, string expected)
    {
        const string Meeting = "2023-03-07";
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] edited = what switch
        {
            "tracked changes" => DocxEdits.Word(draft, d => Replace(Region(d, "programme.purpose"),
                """<w:p><w:ins w:id="1" w:author="Lead" w:date="2023-02-01T00:00:00Z"><w:r><w:t>An inserted sentence.</w:t></w:r></w:ins></w:p>""")),
            "a picture without alt text" => DocxEdits.Word(draft, d =>
            {
                var image = d.MainDocumentPart!.AddImagePart(ImagePartType.Png);
                image.FeedData(new MemoryStream(FactFunctions.TestSupport.HostileImages.Noise(20)));
                Replace(Region(d, "newUpdate.family-help"), Picture(d.MainDocumentPart!.GetIdOfPart(image), null));
            }),
            "a linked picture" => DocxEdits.Word(draft, d =>
            {
                var link = d.MainDocumentPart!.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
                    new Uri("https://example.org/diagram.png"));
                Replace(Region(d, "newUpdate.family-help"), Picture(link.Id, "A diagram kept elsewhere").Replace("r:embed=", "r:link=", StringComparison.Ordinal));
            }),
            "not a docx" => "PK but not really a zip"u8.ToArray(),
            "macro-enabled" => DocxEdits.Zip(draft, DocxEdits.MakeMacroEnabled),
            "a tag altered to another region" => DocxEdits.Word(draft, d => Region(d, "programme.purpose").SdtProperties!.GetFirstChild<Tag>()!.Val = "fact:programme.background"),
            "a region deleted" => DocxEdits.Word(draft, d =>
            {
                var control = Region(d, "programme.governance");
                control.PreviousSibling()!.Remove();
                control.NextSibling()!.Remove();
                control.Remove();
            }),
            "a region copied" => DocxEdits.Word(draft, d =>
            {
                var control = Region(d, "programme.governance");
                var copies = new OpenXmlElement[] { control.PreviousSibling()!.CloneNode(true), control.CloneNode(true), control.NextSibling()!.CloneNode(true) };
                d.MainDocumentPart!.Document!.Body!.PrependChild(copies[2]);
                d.MainDocumentPart.Document.Body.PrependChild(copies[1]);
                d.MainDocumentPart.Document.Body.PrependChild(copies[0]);
            }),
            "no provenance" => DocxEdits.Word(draft, d => d.DeletePart(d.CustomFilePropertiesPart!)),
            "another meeting's draft" => await DownloadAsync(PaperKinds.SelectCommittee, Meeting),
            "a region twice in the provenance" => DocxEdits.Word(draft, d =>
            {
                var property = d.CustomFilePropertiesPart!.Properties!.Descendants<DocumentFormat.OpenXml.VariantTypes.VTLPWSTR>().Single();
                var json = System.Text.Json.Nodes.JsonNode.Parse(property.Text)!;
                json["regions"]!.AsArray().Add(json["regions"]![0]!.DeepClone());
                property.Text = json.ToJsonString();
            }),
            "a bookmark naming nothing in the provenance" => DocxEdits.Word(draft, d =>
            {
                // It was a 500: the provenance's bookmark map read a null block id as a string.
                var property = d.CustomFilePropertiesPart!.Properties!.Descendants<DocumentFormat.OpenXml.VariantTypes.VTLPWSTR>().Single();
                var json = System.Text.Json.Nodes.JsonNode.Parse(property.Text)!;
                json["bookmarks"] = new System.Text.Json.Nodes.JsonObject { ["_RefFactX"] = null };
                property.Text = json.ToJsonString();
            }),
            "a part the package names but lacks" => DocxEdits.Zip(draft, zip => zip.GetEntry("docProps/custom.xml")!.Delete()),
            "a document that is not one" => DocxEdits.Zip(draft, zip =>
            {
                zip.GetEntry("word/document.xml")!.Delete();
                DocxEdits.AddEntry(zip, "word/document.xml", "<?xml version=\"1.0\"?><foo/>");
            }),
            "elements nested too deep" => DocxEdits.Zip(draft, zip => DocxEdits.InsertInBody(zip,
                string.Concat(Enumerable.Repeat("<w:customXml xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" w:element=\"x\">", 400))
                + string.Concat(Enumerable.Repeat("</w:customXml>", 400)))),
            "a thousand bad rows" => DocxEdits.Word(draft, d => Replace(Region(d, "programme.purpose"),
                "<w:tbl>" + string.Concat(Enumerable.Repeat("<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr>", 1)) + "</w:tbl>"
                + string.Concat(Enumerable.Range(0, 1000).Select(i => $"<w:p><w:r><w:drawing/><w:t>word {i}</w:t></w:r></w:p>")))),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
        };
        string before = await ExportAsync();
        string target = what == "another meeting's draft" ? "2023-06-06" : Meeting;
        var response = await PutAsync(PaperKinds.SelectCommittee, target, edited);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 422, $"{what}: {(int)response.StatusCode} {body}");
        Assert.True(body.Contains(expected, StringComparison.OrdinalIgnoreCase), $"{what}: {body}");
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task A_zip_bomb_is_too_large_and_writes_nothing()
    {
        byte[] draft = DocxEdits.Zip(await DownloadAsync(PaperKinds.SelectCommittee, "2023-03-07"), DocxEdits.AddBomb);
        string before = await ExportAsync();
        var response = await PutAsync(PaperKinds.SelectCommittee, "2023-03-07", draft);
        Assert.True((int)response.StatusCode == 413, await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task Edits_outside_the_regions_and_comments_are_listed_never_applied_and_a_deleted_region_needs_allowDeletes()
    {
        const string Meeting = "2023-03-07";
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] edited = DocxEdits.Word(draft, d =>
        {
            var body = d.MainDocumentPart!.Document!.Body!;

            // A cell of a locked table edited, a sentence typed between regions, and a comment on the governance section.
            var cell = body.Descendants<SdtElement>().First(c => Tag(c) == "fact-locked" && c.InnerText.Contains("Key milestones", StringComparison.Ordinal) is false
                && c.Descendants<TableRow>().Any()).Descendants<Text>().First();
            cell.Text = "Moved to next year";
            var governance = Region(d, "programme.governance");
            governance.PreviousSibling()!.InsertBeforeSelf(new Paragraph(new Run(new Text("A sentence typed between the regions."))));
            var comments = d.MainDocumentPart.AddNewPart<WordprocessingCommentsPart>();
            comments.Comments = new Comments(new Comment(new Paragraph(new Run(new Text("Check this with finance")))) { Id = "7", Author = "Lead" });
            var first = governance.Descendants<Paragraph>().First();
            first.PrependChild(new CommentRangeStart { Id = "7" });
            first.AppendChild(new CommentRangeEnd { Id = "7" });
            first.AppendChild(new Run(new CommentReference { Id = "7" }));

            // The conclusion's region deleted whole.
            var conclusion = Region(d, "programme.conclusion");
            conclusion.PreviousSibling()!.Remove();
            conclusion.NextSibling()!.Remove();
            conclusion.Remove();
        });

        string before = await ExportAsync();
        await PutAsync(PaperKinds.SelectCommittee, Meeting, edited).ContinueWith(t => t.Result.ExpectAsync(422)).Unwrap();
        Assert.Equal(before, await ExportAsync());

        var result = await UploadAsync(PaperKinds.SelectCommittee, Meeting, edited, "?allowDeletes=true");
        var change = Assert.Single(result.GetProperty("changes").EnumerateArray());
        Assert.Equal("programme.conclusion", change.GetProperty("region").GetString());
        Assert.StartsWith("Conclusion: removed", change.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var ignored = result.GetProperty("ignored").EnumerateArray().ToList();
        // The cell edited is a line typed and a line gone; the deleted region's neighbours are not reported.
        Assert.True(ignored.Count == 4, string.Join("\n", ignored.Select(i => i.GetRawText())));
        Assert.Contains(ignored, i => i.GetProperty("where").GetString()!.EndsWith(": deleted", StringComparison.Ordinal));
        Assert.Contains(ignored, i => i.GetProperty("text").GetString() == "Moved to next year"
            && i.GetProperty("why").GetString()!.Contains("workbook", StringComparison.Ordinal));
        Assert.Contains(ignored, i => i.GetProperty("text").GetString() == "A sentence typed between the regions.");
        Assert.Contains(ignored, i => i.GetProperty("text").GetString() == "Check this with finance"
            && i.GetProperty("where").GetString()!.Contains("Governance", StringComparison.Ordinal));

        var export = JsonDocument.Parse(await ExportAsync()).RootElement;
        Assert.False(export.GetProperty("programme").TryGetProperty("conclusion", out _));
        Assert.DoesNotContain("Moved to next year", await ExportAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_region_someone_else_changed_since_the_draft_was_made_is_a_conflict_and_nothing_is_written()
    {
        const string Meeting = "2023-03-07";
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] edited = DocxEdits.Word(draft, d =>
        {
            Replace(Region(d, "programme.governance"), $"""<w:p><w:pPr><w:pStyle w:val="{Numbered}"/></w:pPr><w:r><w:t>The lead's new governance words.</w:t></w:r></w:p>""");
            Replace(Region(d, "newUpdate.family-help"), $"""<w:p><w:pPr><w:pStyle w:val="{Numbered}"/></w:pPr><w:r><w:t>A new update.</w:t></w:r></w:p>""");
        });

        // Meanwhile someone else saves other governance words.
        var text = System.Text.Json.Nodes.JsonNode.Parse(await (await host.Officer.GetAsync("api/programme")).Content.ReadAsStringAsync())!;
        text["governance"] = new System.Text.Json.Nodes.JsonArray("Somebody else's governance words.");
        await (await host.Lead.PutAsync("api/programme", FactHost.Json(text.ToJsonString()))).ExpectAsync(200);

        string before = await ExportAsync();
        var conflict = await UploadAsync(PaperKinds.SelectCommittee, Meeting, edited, expect: 409);
        Assert.Contains("Governance", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(conflict.GetProperty("regions").EnumerateArray());
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task The_slides_have_no_draft_and_a_bad_meeting_date_is_named()
    {
        var slides = await host.Officer.GetAsync("api/drafts/presentation/2026-01-15");
        Assert.Contains("made as slides", await slides.ExpectAsync(422) is var problem ? problem.GetRawText() : string.Empty, StringComparison.Ordinal);
        await (await host.Officer.GetAsync("api/drafts/select-committee/2023-13-45")).ExpectAsync(400);
        await (await host.Officer.GetAsync("api/drafts/select-committee/0001-01-01")).ExpectAsync(422);
        await (await host.Officer.GetAsync("api/drafts/minutes/2023-03-07")).ExpectAsync(404);
        await (await host.Officer.GetAsync("api/drafts/select-committee/2023-03-07?startFrom=yesterday")).ExpectAsync(422);
        await (await host.Officer.GetAsync("api/drafts/highlight/2023-03-09")).ExpectAsync(422);
        var officerPut = new ByteArrayContent([1, 2, 3]);
        officerPut.Headers.ContentType = new MediaTypeHeaderValue(Docx);
        await (await host.Officer.PutAsync("api/drafts/select-committee/2023-03-07", officerPut)).ExpectAsync(403);
    }

    [Fact]
    public async Task Starting_from_the_previous_update_fills_the_new_update_with_its_words_and_unchanged_they_add_nothing()
    {
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, "2023-03-07", "?startFrom=previous");
        using (var document = WordprocessingDocument.Open(new MemoryStream(draft), false))
        {
            var region = Region(document, "newUpdate.family-help");
            Assert.Null(region.SdtProperties!.GetFirstChild<ShowingPlaceholder>());
            Assert.DoesNotContain("Write the update", region.InnerText, StringComparison.Ordinal);
            Assert.True(region.Descendants<Paragraph>().Count() > 1);
        }

        var result = await UploadAsync(PaperKinds.SelectCommittee, "2023-03-07", draft);
        Assert.Empty(result.GetProperty("changes").EnumerateArray());
    }

    [LibreOfficeFact]
    public async Task A_draft_written_in_LibreOffice_and_saved_by_it_gives_the_same_blocks_as_from_Word()
    {
        await GiveThePurposeAnIdAsync();
        const string Meeting = "2023-03-07";
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] picture = FactFunctions.TestSupport.HostileImages.Noise(40);

        // Opened and saved by LibreOffice before the writing (no control keeps its tag) and after it (its own runs, lists and fields).
        byte[] opened = await LibreOffice.ConvertAsync(draft, "draft", "docx", "docx:MS Word 2007 XML", "docx");
        using (var check = WordprocessingDocument.Open(new MemoryStream(opened), false))
        {
            Assert.DoesNotContain(check.MainDocumentPart!.Document!.Descendants<Tag>(), t => t.Val?.Value?.StartsWith("fact:", StringComparison.Ordinal) == true);
        }

        byte[] saved = await LibreOffice.ConvertAsync(WrittenInWord(opened, picture), "written", "docx", "docx:MS Word 2007 XML", "docx");
        var fromLibreOffice = await UploadAsync(PaperKinds.SelectCommittee, Meeting, saved, "?dryRun=true");
        var fromWord = await UploadAsync(PaperKinds.SelectCommittee, Meeting, WrittenInWord(draft, picture), "?dryRun=true");
        Assert.Equal(fromWord.GetProperty("changes").GetRawText(), fromLibreOffice.GetProperty("changes").GetRawText());
        Assert.Empty(fromLibreOffice.GetProperty("ignored").EnumerateArray());

        await UploadAsync(PaperKinds.SelectCommittee, Meeting, saved);
        string afterLibreOffice = await ExportAsync();
        Assert.Contains("The Family Help pilot **went live** in March; see [the All Together site](https://example.org/all-together).", afterLibreOffice,
            StringComparison.Ordinal);
        Assert.Contains("As paragraph {ref:purpose-intro} says, families come first.", afterLibreOffice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restyled_templates_draft_is_in_its_styles_and_reads_back_the_same()
    {
        byte[] template = await (await host.Officer.GetAsync("api/templates/select-committee")).Content.ReadAsByteArrayAsync();
        byte[] restyled = DocxEdits.Word(template, document =>
        {
            foreach (var fonts in document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>())
            {
                fonts.Ascii = "Liberation Serif";
                fonts.HighAnsi = "Liberation Serif";
            }
        });
        var upload = new ByteArrayContent(restyled);
        upload.Headers.ContentType = new MediaTypeHeaderValue(Docx);
        await (await host.Lead.PutAsync("api/templates/select-committee", upload)).ExpectAsync(200);

        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, "2023-03-07");
        using (var document = WordprocessingDocument.Open(new MemoryStream(draft), false))
        {
            Assert.All(document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().Where(f => f.Ascii is not null),
                f => Assert.Equal("Liberation Serif", f.Ascii!.Value));
        }

        Assert.Empty((await UploadAsync(PaperKinds.SelectCommittee, "2023-03-07", draft)).GetProperty("changes").EnumerateArray());
        var written = await UploadAsync(PaperKinds.SelectCommittee, "2023-03-07", WrittenInWord(draft, FactFunctions.TestSupport.HostileImages.Noise(30)), "?dryRun=true");
        Assert.Equal(2, written.GetProperty("changes").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Papers))]
    public async Task Text_typed_between_the_regions_is_listed_and_the_draft_made_again_on_upload_matches_the_one_downloaded(string kind, string meeting)
    {
        // Text outside the regions makes the upload compare with the programme now: the draft it makes again must read
        // as the one downloaded, region by region, or this would be a change or a conflict.
        byte[] draft = await DownloadAsync(kind, meeting);
        byte[] edited = DocxEdits.Word(draft, d => d.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .First(p => p.InnerText.StartsWith("FACT-DRAFT start ", StringComparison.Ordinal))
            .InsertBeforeSelf(new Paragraph(new Run(new Text("Typed outside the regions.")))));
        string before = await ExportAsync();
        var result = await UploadAsync(kind, meeting, edited);
        Assert.Empty(result.GetProperty("changes").EnumerateArray());
        var ignored = Assert.Single(result.GetProperty("ignored").EnumerateArray());
        Assert.Equal("Typed outside the regions.", ignored.GetProperty("text").GetString());
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task Existing_updates_are_changed_in_place_emptied_only_with_allowDeletes_and_a_new_update_left_empty_or_deleted_is_none()
    {
        const string Meeting = "2022-11-08";
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] changed = DocxEdits.Word(draft, d =>
            Write(d, "update.family-help.2022-10-14-1", $"""<w:p><w:pPr><w:pStyle w:val="{Numbered}"/></w:pPr><w:r><w:t>Family Help, rewritten.</w:t></w:r></w:p>"""));
        var result = await UploadAsync(PaperKinds.SelectCommittee, Meeting, changed);
        var change = Assert.Single(result.GetProperty("changes").EnumerateArray());
        Assert.Equal("changed", change.GetProperty("action").GetString());
        var familyHelp = JsonDocument.Parse(await ExportAsync()).RootElement.GetProperty("projects").EnumerateArray()
            .First(p => p.GetProperty("id").GetString() == "family-help").GetProperty("updates").EnumerateArray()
            .First(u => u.GetProperty("id").GetString() == "2022-10-14-1");
        Assert.Equal("Family Help, rewritten.", Assert.Single(familyHelp.GetProperty("blocks").EnumerateArray()).GetString());

        // Emptied, the update would be removed: that needs allowDeletes.
        byte[] again = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] emptied = DocxEdits.Word(again, d => Write(d, "update.family-help.2022-10-14-1", "<w:p/>"));
        string before = await ExportAsync();
        var refused = await PutAsync(PaperKinds.SelectCommittee, Meeting, emptied);
        Assert.Contains("allowDeletes=true", await refused.ExpectAsync(422) is var problem ? problem.GetRawText() : string.Empty, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync());
        var removed = await UploadAsync(PaperKinds.SelectCommittee, Meeting, emptied, "?allowDeletes=true");
        Assert.Equal("removed", Assert.Single(removed.GetProperty("changes").EnumerateArray()).GetProperty("action").GetString());
        Assert.DoesNotContain("Family Help, rewritten.", await ExportAsync(), StringComparison.Ordinal);

        // A new update (from the previous one's words) deleted or left empty adds nothing and removes nothing.
        byte[] next = await DownloadAsync(PaperKinds.SelectCommittee, "2023-03-07", "?startFrom=previous");
        byte[] none = DocxEdits.Word(next, d => Write(d, "newUpdate.school-readiness", "<w:p/>"));
        string still = await ExportAsync();
        foreach (string query in new[] { string.Empty, "?allowDeletes=true" })
        {
            Assert.Empty((await UploadAsync(PaperKinds.SelectCommittee, "2023-03-07", none, query)).GetProperty("changes").EnumerateArray());
        }

        Assert.Equal(still, await ExportAsync());
    }

    [Fact]
    public async Task A_hand_edited_provenance_cannot_rewrite_a_region_the_lead_left_alone()
    {
        const string Meeting = "2023-03-07";
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] tampered = DocxEdits.Word(draft, d =>
        {
            // The options section's "placeholder" made its own words, and the executive summary marked as numbered.
            var property = d.CustomFilePropertiesPart!.Properties!.Descendants<DocumentFormat.OpenXml.VariantTypes.VTLPWSTR>().Single();
            var json = System.Text.Json.Nodes.JsonNode.Parse(property.Text)!;
            string options = string.Join(" ", Region(d, "programme.options").Descendants<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0));
            foreach (var region in json["regions"]!.AsArray())
            {
                if (region!["id"]!.GetValue<string>() == "programme.options")
                {
                    region["placeholder"] = options;
                }
                else if (region["id"]!.GetValue<string>() == "programme.executiveSummary")
                {
                    region["numbered"] = true;
                }
            }

            property.Text = json.ToJsonString();
        });
        string before = await ExportAsync();
        Assert.Empty((await UploadAsync(PaperKinds.SelectCommittee, Meeting, tampered)).GetProperty("changes").EnumerateArray());
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task A_paragraph_another_section_refers_to_cannot_be_deleted_from_under_it()
    {
        await GiveThePurposeAnIdAsync();
        var text = System.Text.Json.Nodes.JsonNode.Parse(await (await host.Officer.GetAsync("api/programme")).Content.ReadAsStringAsync())!;
        text["governance"] = new System.Text.Json.Nodes.JsonArray("As paragraph {ref:purpose-intro} says, governance is unchanged.");
        await (await host.Lead.PutAsync("api/programme", FactHost.Json(text.ToJsonString()))).ExpectAsync(200);

        const string Meeting = "2023-03-07";
        byte[] draft = await DownloadAsync(PaperKinds.SelectCommittee, Meeting);
        byte[] rewritten = DocxEdits.Word(draft, d =>
            Write(d, "programme.purpose", $"""<w:p><w:pPr><w:pStyle w:val="{Numbered}"/></w:pPr><w:r><w:t>A new purpose, in one paragraph.</w:t></w:r></w:p>"""));
        string before = await ExportAsync();
        string problem = (await (await PutAsync(PaperKinds.SelectCommittee, Meeting, rewritten)).ExpectAsync(422)).GetRawText();
        Assert.Contains("purpose-intro", problem, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task A_picture_written_in_the_Forums_update_is_stored_and_its_paper_shows_it()
    {
        // The Forum's sections were not among the blocks whose images a paper loads: a picture there made generating a 500.
        const string Meeting = "2022-12-08";
        byte[] draft = await DownloadAsync(PaperKinds.SchoolsForum, Meeting);
        byte[] picture = FactFunctions.TestSupport.HostileImages.Noise(24);
        byte[] edited = DocxEdits.Word(draft, d =>
        {
            var image = d.MainDocumentPart!.AddImagePart(ImagePartType.Png);
            image.FeedData(new MemoryStream(picture));
            Write(d, "schoolsForum.update", "<w:p><w:r><w:t>The Forum heard the update.</w:t></w:r></w:p>" +
                Picture(d.MainDocumentPart!.GetIdOfPart(image), "The pilot's referral route"));
        });
        var result = await UploadAsync(PaperKinds.SchoolsForum, Meeting, edited);
        Assert.Equal("Update: changed, 1 paragraph, 1 image", Assert.Single(result.GetProperty("changes").EnumerateArray()).GetProperty("summary").GetString());

        var report = await (await host.Lead.PostAsync("api/reports", FactHost.Json($$"""{"kind":"schools-forum","meetingDate":"{{Meeting}}"}"""))).ExpectAsync(201);
        byte[] paper = await (await host.Officer.GetAsync($"api/reports/{report.GetProperty("id").GetString()}/content")).Content.ReadAsByteArrayAsync();
        using var generated = WordprocessingDocument.Open(new MemoryStream(paper), false);
        Assert.Contains(generated.MainDocumentPart!.ImageParts, part =>
        {
            using var stream = part.GetStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray().SequenceEqual(picture);
        });
    }

    /// <summary>Gives the purpose's first paragraph an id, so a new update can cross-refer to it as Word does (a REF field to its bookmark).</summary>
    private async Task GiveThePurposeAnIdAsync()
    {
        var text = System.Text.Json.Nodes.JsonNode.Parse(await (await host.Officer.GetAsync("api/programme")).Content.ReadAsStringAsync())!;
        var purpose = text["purpose"]!.AsArray();
        purpose[0] = new System.Text.Json.Nodes.JsonObject { ["type"] = "paragraph", ["id"] = "purpose-intro", ["text"] = purpose[0]!.GetValue<string>() };
        await (await host.Lead.PutAsync("api/programme", FactHost.Json(text.ToJsonString()))).ExpectAsync(200);
    }

    private async Task<byte[]> DownloadAsync(string kind, string meeting, string query = "")
    {
        var response = await host.Officer.GetAsync($"api/drafts/{kind}/{meeting}{query}");
        Assert.True((int)response.StatusCode == 200, await response.Content.ReadAsStringAsync());
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<JsonElement> UploadAsync(string kind, string meeting, byte[] draft, string query = "", int expect = 200)
    {
        var response = await PutAsync(kind, meeting, draft, query);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expect, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PutAsync(string kind, string meeting, byte[] draft, string query = "", string contentType = Docx)
    {
        var content = new ByteArrayContent(draft);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return host.Lead.PutAsync($"api/drafts/{kind}/{meeting}{query}", content);
    }

    private async Task<string> ExportAsync() => await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

    private static string? Tag(SdtElement control) => control.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    /// <summary>
    /// New updates for Family Help and Inclusive Approaches, written the way Word writes them: runs split with rsids and
    /// proofing marks, bold, a hyperlink with its relationship, a bulleted list by numPr, a pasted picture with alt text, a
    /// REF field to the purpose's first paragraph, a _GoBack bookmark and a rendered page break.
    /// </summary>
    private static byte[] WrittenInWord(byte[] draft, byte[] picture) => DocxEdits.Word(draft, document =>
    {
        var main = document.MainDocumentPart!;
        string link = main.AddHyperlinkRelationship(new Uri("https://example.org/all-together"), true).Id;
        var image = main.AddImagePart(ImagePartType.Png);
        image.FeedData(new MemoryStream(picture));

        // Styles as a person picks them, by name: LibreOffice saves them under ids of its own ("FACTBullet").
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToList();
        string numbered = styles.First(st => st.StyleName?.Val?.Value == "FACT Numbered Paragraph").StyleId!.Value!;
        string bulletNumber = styles.First(st => st.StyleName?.Val?.Value == "FACT Bullet")
            .StyleParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Write(document, "newUpdate.family-help",
            $"""
            <w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:pPr><w:pStyle w:val="{numbered}"/></w:pPr>
            <w:r w:rsidRPr="00112233"><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">The Family Help </w:t></w:r><w:proofErr w:type="spellStart"/>
            <w:r><w:t>pilot</w:t></w:r><w:proofErr w:type="spellEnd"/><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>went</w:t></w:r>
            <w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve"> live</w:t></w:r><w:r><w:t xml:space="preserve"> in March; see </w:t></w:r>
            <w:hyperlink r:id="{link}" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>the All Together site</w:t></w:r></w:hyperlink>
            <w:r><w:lastRenderedPageBreak/><w:t>.</w:t></w:r><w:bookmarkStart w:id="90" w:name="_GoBack"/><w:bookmarkEnd w:id="90"/></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{bulletNumber}"/></w:numPr></w:pPr><w:r><w:t>Referrals are reviewed weekly</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{bulletNumber}"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">Families tell </w:t></w:r>
            <w:r><w:t>their story once</w:t></w:r></w:p>
            {Picture(main.GetIdOfPart(image), "How a referral flows from the school to the locality team")}
            <w:p><w:pPr><w:pStyle w:val="{numbered}"/></w:pPr><w:r><w:t xml:space="preserve">As paragraph </w:t></w:r>
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> REF {Word.PaperPackage.Bookmark("purpose-intro")} \r \h </w:instrText></w:r>
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>
            <w:r><w:t xml:space="preserve"> says, families come first.</w:t></w:r></w:p>
            """);
        Write(document, "newUpdate.inclusive-approaches",
            $"""<w:p><w:pPr><w:pStyle w:val="{numbered}"/></w:pPr><w:r><w:t>Inclusion plans are agreed with every school.</w:t></w:r></w:p>""");
    });

    private static SdtBlock Region(WordprocessingDocument document, string id) =>
        document.MainDocumentPart!.Document!.Descendants<SdtBlock>().First(c => Tag(c) == "fact:" + id);

    /// <summary>Replaces a control's content with paragraphs written as WordprocessingML, as Word would save them.</summary>
    private static void Replace(SdtBlock control, string xml)
    {
        var content = control.SdtContentBlock!;
        content.RemoveAllChildren();
        foreach (var element in Elements(xml))
        {
            content.AppendChild(element);
        }

        control.SdtProperties!.RemoveAllChildren<ShowingPlaceholder>();
    }

    /// <summary>
    /// A region's words replaced: inside its control when it still has one (Word), otherwise between its hidden markers
    /// (a document LibreOffice has saved, whose controls lost their tags).
    /// </summary>
    private static void Write(WordprocessingDocument document, string id, string xml)
    {
        var body = document.MainDocumentPart!.Document!.Body!;
        if (body.Descendants<SdtBlock>().FirstOrDefault(c => Tag(c) == "fact:" + id) is { } control)
        {
            Replace(control, xml);
            return;
        }

        var start = body.Elements<Paragraph>().First(p => p.InnerText == $"FACT-DRAFT start {id}");
        while (start.NextSibling() is { } next && next.InnerText != $"FACT-DRAFT end {id}")
        {
            next.Remove();
        }

        foreach (var element in Elements(xml).Reverse())
        {
            start.InsertAfterSelf(element);
        }
    }

    private static IEnumerable<OpenXmlElement> Elements(string xml)
    {
        string wrapped = $"<w:body xmlns:w=\"{Ns.W}\" xmlns:r=\"{Ns.R}\" xmlns:wp=\"{Ns.Wp}\" xmlns:a=\"{Ns.A}\" xmlns:pic=\"{Ns.Pic}\">{xml}</w:body>";
        return [.. new Body(wrapped).ChildElements.Select(e => e.CloneNode(true))];
    }

    private static string Picture(string relationship, string? alt) =>
        $"""
        <w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="381000" cy="381000"/>
        <wp:docPr id="501" name="Picture 1"{(alt is null ? string.Empty : $" descr=\"{alt}\"")}/>
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="Picture 1"/>
        <pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{relationship}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>
        <pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="381000" cy="381000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>
        </a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>
        """;

    private static class Ns
    {
        public const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        public const string R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        public const string Wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
        public const string A = "http://schemas.openxmlformats.org/drawingml/2006/main";
        public const string Pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
    }
}
