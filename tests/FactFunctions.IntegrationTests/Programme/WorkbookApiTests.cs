using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using FactFunctions.IntegrationTests.Infrastructure;

namespace FactFunctions.IntegrationTests.Programme;

/// <summary>The programme lead's workbook: download, edit as a person would, upload; every problem named by its cell; nothing written on any error.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WorkbookApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<byte[]> DownloadAsync()
    {
        var response = await host.Officer.GetAsync("api/programme.xlsx");
        Assert.True((int)response.StatusCode == 200, await response.Content.ReadAsStringAsync());
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^FACT-programme-\d{4}-\d{2}-\d{2}\.xlsx$",
            response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private Task<HttpResponseMessage> UploadAsync(byte[] workbook, string query = "", string contentType = Xlsx, HttpClient? client = null)
    {
        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return (client ?? host.Lead).PutAsync($"api/programme.xlsx{query}", content);
    }

    private async Task<string> ExportAsync() => await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

    private static int Count(JsonElement result, string kind, string what) => result.GetProperty(kind).GetProperty(what).GetInt32();

    private static void AssertNoChanges(JsonElement result)
    {
        foreach (string kind in new[] { "projects", "milestones", "indicators", "indicatorValues", "issues", "benefits", "actions" })
        {
            Assert.Equal(0, Count(result, kind, "added") + Count(result, kind, "changed") + Count(result, kind, "removed"));
        }
    }

    [Fact]
    public async Task The_workbook_is_valid_with_frozen_headers_widths_text_columns_and_drop_downs()
    {
        byte[] workbook = await DownloadAsync();

        using var document = SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).Take(5).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var names = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["README", "Projects", "Milestones", "Indicators", "Indicator values", "Boards", "Meetings", "Issues", "Benefits", "Actions"], names);

        using (var reference = new WorkbookEdits(workbook))
        {
            // The issues log and the benefits are edited here too (issue 27), with drop-downs for their projects and status.
            Assert.Equal("Issue", reference.Text("Issues", "B1"));
            var issueLists = reference.Sheet("Issues").Descendants<DataValidation>().Select(v => v.Formula1!.Text).ToList();
            Assert.Contains("\"open,closed\"", issueLists);
            Assert.Contains("Projects!$A$2:$A$20000", issueLists);
            Assert.Equal("family-help", reference.Text("Issues", $"A{reference.RowOf("Issues", "F", "open")}"));
            Assert.Equal("Clearers (read-only)", reference.Text("Boards", "G1"));
            Assert.Equal("Jen Slater (director: the whole paper); Finance Business Partner (finance: Financial implications); " +
                "Legal Services Officer (legal: Legal implications)", reference.Text("Boards", $"G{reference.RowOf("Boards", "A", "select-committee")}"));
            Assert.Equal("suspensions-primary, suspensions-secondary", reference.Text("Benefits", $"C{reference.RowOf("Benefits", "A", "family-help") + 1}"));
        }

        using var edits = new WorkbookEdits(workbook);
        var milestones = edits.Sheet("Milestones");
        Assert.Equal(FactFunctions.Programme.Workbook.WorkbookLayout.Milestones.Columns.Count, milestones.GetFirstChild<Columns>()!.Elements<Column>().Count());
        Assert.Equal(PaneStateValues.Frozen, milestones.Descendants<Pane>().Single().State!.Value);
        var lists = milestones.Descendants<DataValidation>().Select(v => v.Formula1!.Text).ToList();
        Assert.Contains("\"planned,on-track,at-risk,off-track,complete,cancelled\"", lists);
        Assert.Contains("Projects!$A$2:$A$20000", lists);
        Assert.Contains(edits.Sheet("Projects").Descendants<DataValidation>(), v => v.Formula1!.Text.Contains("business-as-usual", StringComparison.Ordinal));
        Assert.Equal("Window (read-only)", edits.Text("Milestones", "H1"));
        int row = edits.RowOf("Milestones", "B", "evaluation-partner-confirmed");
        Assert.Equal("October 2022", edits.Text("Milestones", $"D{row}"));
        Assert.Equal(17, milestones.Descendants<Row>().Count());
    }

    [Fact]
    public async Task An_unchanged_workbook_uploads_with_no_changes_and_leaves_the_export_identical()
    {
        string before = await ExportAsync();

        var result = await (await UploadAsync(await DownloadAsync())).ExpectAsync(200);

        AssertNoChanges(result);
        Assert.Equal(16, Count(result, "milestones", "unchanged"));
        Assert.Equal(7, Count(result, "projects", "unchanged"));
        string afterExport = await ExportAsync();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(before), JsonNode.Parse(afterExport)), before + "\n-----\n" + afterExport);
    }

    [Fact]
    public async Task Three_edited_cells_are_exactly_the_changes_applied_and_a_dry_run_writes_nothing()
    {
        using var edits = new WorkbookEdits(await DownloadAsync());
        int milestone = edits.RowOf("Milestones", "B", "evaluation-partner-confirmed");
        int project = edits.RowOf("Projects", "A", "family-help");
        byte[] edited = edits
            .SetText("Milestones", $"D{milestone}", "December 2022")
            .SetText("Milestones", $"E{milestone}", "at-risk")
            .SetText("Projects", $"B{project}", "Family Help Service")
            .Save();
        string before = await ExportAsync();

        var dry = await (await UploadAsync(edited, "?dryRun=true")).ExpectAsync(200);
        Assert.True(dry.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, Count(dry, "milestones", "changed"));
        Assert.Equal(before, await ExportAsync());

        var result = await (await UploadAsync(edited)).ExpectAsync(200);

        Assert.Equal(1, Count(result, "milestones", "changed"));
        Assert.Equal(15, Count(result, "milestones", "unchanged"));
        Assert.Equal(1, Count(result, "projects", "changed"));
        Assert.Equal(0, Count(result, "indicators", "changed") + Count(result, "indicatorValues", "changed"));
        var after = JsonNode.Parse(await ExportAsync())!;
        var familyHelp = after["projects"]!.AsArray().Single(p => (string?)p!["id"] == "family-help")!;
        Assert.Equal("Family Help Service", (string?)familyHelp["name"]);
        var changed = familyHelp["milestones"]!.AsArray().Single(m => (string?)m!["id"] == "evaluation-partner-confirmed")!;
        Assert.Equal("December 2022", (string?)changed["due"]);
        Assert.Equal("at-risk", (string?)changed["status"]);

        // Everything else is as it was: put the three values back and the export is the one from before.
        var restored = JsonNode.Parse(before)!;
        var beforeFamilyHelp = restored["projects"]!.AsArray().Single(p => (string?)p!["id"] == "family-help")!;
        beforeFamilyHelp["name"] = "Family Help Service";
        var beforeMilestone = beforeFamilyHelp["milestones"]!.AsArray().Single(m => (string?)m!["id"] == "evaluation-partner-confirmed")!;
        beforeMilestone["due"] = "December 2022";
        beforeMilestone["status"] = "at-risk";
        beforeMilestone["baselineDue"] = "October 2022"; // re-dated: the first plan is kept
        Assert.True(JsonNode.DeepEquals(restored, after));

        // The next paper shows the change in its Key milestones table.
        var report = await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(201);
        byte[] paper = await (await host.Officer.GetAsync($"api/reports/{report.GetProperty("id").GetString()}/content")).Content.ReadAsByteArrayAsync();
        Assert.Contains("Evaluation partner confirmed\tDecember 2022", Reports.ReportApiTests.Text(paper).Replace("\n", "\t", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_dating_in_the_workbook_keeps_the_baseline_and_an_empty_baseline_keeps_the_stored_one()
    {
        using var edits = new WorkbookEdits(await DownloadAsync());
        Assert.Equal("Baseline due", edits.Text("Milestones", "J1"));
        int recruitment = edits.RowOf("Milestones", "B", "recruitment-additional-resources");
        int pilot = edits.RowOf("Milestones", "B", "formal-pilot-begins");
        Assert.Equal("October 2022", edits.Text("Milestones", $"J{recruitment}"));
        byte[] edited = edits
            .SetText("Milestones", $"D{recruitment}", "March 2023")
            .SetText("Milestones", $"D{pilot}", "April 2023")
            .SetText("Milestones", $"J{pilot}", string.Empty)
            .Save();

        var result = await (await UploadAsync(edited)).ExpectAsync(200);

        Assert.Equal(2, Count(result, "milestones", "changed"));
        using var export = JsonDocument.Parse(await ExportAsync());
        var milestones = export.RootElement.GetProperty("projects").EnumerateArray().SelectMany(p => p.GetProperty("milestones").EnumerateArray())
            .ToDictionary(m => m.GetProperty("id").GetString()!, m => (Due: m.GetProperty("due").GetString(),

                // Export names a baseline only where it differs from the due.
                Baseline: m.TryGetProperty("baselineDue", out var baseline) ? baseline.GetString() : m.GetProperty("due").GetString()));
        Assert.Equal(("March 2023", "October 2022"), milestones["recruitment-additional-resources"]);
        Assert.Equal(("April 2023", "October 2022"), milestones["formal-pilot-begins"]);
    }

    [Fact]
    public async Task Every_problem_comes_back_at_once_naming_its_cell_and_nothing_is_written()
    {
        using var edits = new WorkbookEdits(await DownloadAsync());
        int milestone = edits.RowOf("Milestones", "B", "evaluation-partner-confirmed");
        int other = edits.RowOf("Milestones", "B", "formal-pilot-begins");
        int project = edits.RowOf("Projects", "A", "family-help");
        byte[] bad = edits
            .SetText("Milestones", $"D{milestone}", "Octember 2022")
            .SetText("Milestones", $"E{other}", "finished")
            .SetFormula("Milestones", $"C{other}", "CONCATENATE(\"a\",\"b\")", "ab")
            .SetText("Milestones", "J1", "Owner")
            .SetText("Projects", $"G{project}", "three")
            .SetNumber("Milestones", $"D{other}", 44926.5)
            .SetText("Indicator values", "A2", "no-such-indicator")
            .AddSheet("Notes")
            .Save();
        string before = await ExportAsync();

        var problem = await (await UploadAsync(bad)).ExpectAsync(422);

        var errors = problem.GetProperty("errors");
        string Message(string key) => errors.TryGetProperty(key, out var list) ? list[0].GetString()! : throw new Xunit.Sdk.XunitException($"{key} not reported: {errors}");
        Assert.Contains("Octember 2022", Message($"Milestones!D{milestone}"), StringComparison.Ordinal);
        Assert.Contains("Accepted forms", Message($"Milestones!D{milestone}"), StringComparison.Ordinal);
        Assert.Contains("formula", Message($"Milestones!C{other}"), StringComparison.Ordinal);
        Assert.Contains("not a date people write", Message($"Milestones!D{other}"), StringComparison.Ordinal);
        Assert.Contains("Owner", Message("Milestones!J1"), StringComparison.Ordinal);
        Assert.Contains("whole number", Message($"Projects!G{project}"), StringComparison.Ordinal);
        Assert.Contains("no-such-indicator", Message("'Indicator values'!A2"), StringComparison.Ordinal);
        Assert.Contains("Notes", Message("workbook"), StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task Issues_and_benefits_are_edited_in_the_workbook_and_a_bad_entry_is_named_by_its_cell()
    {
        using var edits = new WorkbookEdits(await DownloadAsync());
        int open = edits.RowOf("Issues", "F", "open");
        string description = edits.Text("Issues", $"B{open}")!;
        int firstBenefit = edits.RowOf("Benefits", "A", "family-help");
        byte[] edited = edits
            .SetText("Issues", $"F{open}", "closed")
            .SetText("Issues", $"E{open}", "Agreed a new start date with the provider.")
            .DeleteRow("Benefits", firstBenefit)
            .Save();
        string before = await ExportAsync();

        var dry = await (await UploadAsync(edited, "?dryRun=true")).ExpectAsync(200);
        Assert.Equal((1, 1), (Count(dry, "issues", "changed"), Count(dry, "benefits", "removed")));
        Assert.Equal(0, Count(dry, "milestones", "changed") + Count(dry, "projects", "changed"));
        Assert.Equal(before, await ExportAsync());

        await (await UploadAsync(edited)).ExpectAsync(200);
        var programme = JsonNode.Parse(await ExportAsync())!["programme"]!;
        var issue = programme["issueLog"]!.AsArray().Single(i => (string?)i!["description"] == description)!;
        Assert.Equal(("closed", "Agreed a new start date with the provider."), ((string?)issue["status"], (string?)issue["action"]));
        Assert.Equal(JsonNode.Parse(before)!["programme"]!["benefits"]!.AsArray().Count - 1, programme["benefits"]!.AsArray().Count);
        Assert.Equal(programme["title"]!.ToJsonString(), JsonNode.Parse(before)!["programme"]!["title"]!.ToJsonString());

        // Unchanged again: no change reported and nothing rewritten.
        var again = await (await UploadAsync(await DownloadAsync())).ExpectAsync(200);
        AssertNoChanges(again);

        using var bad = new WorkbookEdits(await DownloadAsync());
        byte[] refused = bad
            .SetText("Issues", "A2", "no-such-project")
            .SetText("Issues", "C2", "yesterday")
            .SetText("Benefits", "C2", "suspensions-primary, no-such-indicator")
            .Save();
        string beforeBad = await ExportAsync();
        var errors = (await (await UploadAsync(refused)).ExpectAsync(422)).GetProperty("errors");
        Assert.Contains("no-such-project", errors.GetProperty("Issues!A2")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("not a date", errors.GetProperty("Issues!C2")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("no-such-indicator", errors.GetProperty("Benefits!C2")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(beforeBad, await ExportAsync());
    }

    [Fact]
    public async Task Actions_of_board_meetings_are_edited_in_the_workbook_keeping_each_meetings_resolution()
    {
        await (await host.Lead.PutAsync("api/boards/schools-forum/meetings/2022-12-08/outcome", FactHost.Json("""
            {"resolution":["The Schools Forum noted the update."],
             "actions":[{"id":"retrospective-data","text":"Analyse the data retrospectively.","owner":"Programme Lead","due":"March 2023","status":"open"},
                        {"id":"circulate","text":"Circulate the feedback results.","owner":"Programme Lead","due":"Spring 2023","status":"open"}]}
            """))).ExpectAsync(201);
        using var edits = new WorkbookEdits(await DownloadAsync());
        Assert.Equal("Board", edits.Text("Actions", "A1"));
        Assert.Contains(edits.Sheet("Actions").Descendants<DataValidation>(), v => v.Formula1!.Text == "\"open,done,dropped\"");
        int row = edits.RowOf("Actions", "C", "retrospective-data");
        byte[] edited = edits.SetText("Actions", $"H{row}", "done").DeleteRow("Actions", edits.RowOf("Actions", "C", "circulate")).Save();

        var dry = await (await UploadAsync(edited, "?dryRun=true")).ExpectAsync(200);
        Assert.Equal((1, 1), (Count(dry, "actions", "changed"), Count(dry, "actions", "removed")));
        await (await UploadAsync(edited)).ExpectAsync(200);

        var outcome = await (await host.Lead.GetAsync("api/boards/schools-forum/meetings/2022-12-08/outcome")).ExpectAsync(200);
        var action = Assert.Single(outcome.GetProperty("actions").EnumerateArray());
        Assert.Equal(("done", true), (action.GetProperty("status").GetString(), action.TryGetProperty("doneOn", out _)));
        Assert.Equal("The Schools Forum noted the update.", outcome.GetProperty("resolution")[0].GetString());
        AssertNoChanges(await (await UploadAsync(await DownloadAsync())).ExpectAsync(200));

        using var bad = new WorkbookEdits(await DownloadAsync());
        int badRow = bad.RowOf("Actions", "C", "retrospective-data");
        string before = await ExportAsync();
        var errors = (await (await UploadAsync(bad.SetText("Actions", $"G{badRow}", "Octember").SetText("Actions", $"A{badRow}", "no-such-board").Save()))
            .ExpectAsync(422)).GetProperty("errors");
        Assert.True(errors.TryGetProperty($"Actions!G{badRow}", out _), errors.ToString());
        Assert.True(errors.TryGetProperty($"Actions!A{badRow}", out _), errors.ToString());
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task A_status_outside_the_list_is_named_by_its_cell_through_the_import_rules()
    {
        using var edits = new WorkbookEdits(await DownloadAsync());
        int other = edits.RowOf("Milestones", "B", "formal-pilot-begins");
        var problem = await (await UploadAsync(edits.SetText("Milestones", $"E{other}", "finished").Save())).ExpectAsync(422);

        Assert.True(problem.GetProperty("errors").TryGetProperty($"Milestones!E{other}", out _), problem.GetRawText());
    }

    [Fact]
    public async Task A_date_typed_as_a_spreadsheet_date_is_accepted_as_that_day()
    {
        using var edits = new WorkbookEdits(await DownloadAsync());
        int milestone = edits.RowOf("Milestones", "B", "evaluation-partner-confirmed");

        await (await UploadAsync(edits.SetNumber("Milestones", $"D{milestone}", 44926).Save())).ExpectAsync(200);

        var milestoneJson = await (await host.Officer.GetAsync("api/projects/family-help")).ExpectAsync(200);
        var stored = milestoneJson.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "evaluation-partner-confirmed");
        Assert.Equal("31 December 2022", stored.GetProperty("due").GetString());
    }

    [Fact]
    public async Task A_deleted_milestone_row_is_kept_and_listed_unless_the_upload_says_remove_missing()
    {
        using var edits = new WorkbookEdits(await DownloadAsync());
        byte[] without = edits.DeleteRow("Milestones", edits.RowOf("Milestones", "B", "evaluation-partner-confirmed")).Save();

        var kept = await (await UploadAsync(without)).ExpectAsync(200);
        Assert.Equal(["family-help/evaluation-partner-confirmed"], kept.GetProperty("milestones").GetProperty("notInWorkbook").EnumerateArray()
            .Select(e => e.GetString()!).ToArray());
        Assert.Contains("evaluation-partner-confirmed", await ExportAsync(), StringComparison.Ordinal);

        var removed = await (await UploadAsync(without, "?removeMissing=true")).ExpectAsync(200);
        Assert.Equal(1, Count(removed, "milestones", "removed"));
        Assert.DoesNotContain("evaluation-partner-confirmed", await ExportAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> BadFiles => new()
    {
        { "not-a-zip", 422, "not a .xlsx" },
        { "docx", 422, "not an .xlsx workbook" },
        { "macro-enabled", 422, "macro" },
        { "zip-bomb", 413, "zip bomb" },
        { "eleven-megabytes", 413, "at most" },
        { "text-plain", 415, "xlsx" },
        { "bad-flag", 400, "dryRun" },
        { "officer", 403, "role" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_clearly_and_nothing_is_written(string kind, int status, string expected)
    {
        byte[] good = await DownloadAsync();
        string before = await ExportAsync();
        var response = kind switch
        {
            "not-a-zip" => await UploadAsync("id,name\nx,y"u8.ToArray()),
            "docx" => await UploadAsync(FactFunctions.Reports.BuiltInTemplates.For(FactFunctions.Boards.PaperKinds.SelectCommittee)),
            "macro-enabled" => await UploadAsync(DocxEdits.Zip(good, zip =>
            {
                DocxEdits.AddEntry(zip, "xl/vbaProject.bin", "not really VBA");
                DocxEdits.AddRawRelationship(zip, "xl/_rels/workbook.xml.rels",
                    "Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"");
            })),
            "zip-bomb" => await UploadAsync(DocxEdits.Zip(good, DocxEdits.AddBomb)),
            "eleven-megabytes" => await UploadAsync(new byte[11 * 1024 * 1024]),
            "text-plain" => await UploadAsync(good, contentType: "text/plain"),
            "bad-flag" => await UploadAsync(good, "?dryRun=perhaps"),
            "officer" => await UploadAsync(good, client: host.Officer),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var problem = await response.ExpectAsync(status);
        Assert.Contains(expected, problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await ExportAsync());
    }

    [LibreOfficeFact]
    public async Task LibreOffice_opens_the_workbook_and_a_workbook_it_saves_uploads_as_the_same_programme()
    {
        byte[] saved = await LibreOffice.ConvertAsync(await DownloadAsync(), "programme", "xlsx", "xlsx:Calc MS Excel 2007 XML", "xlsx");

        // Calc keeps the drop-downs and the text formats, and its shared strings read back as the same values.
        using (var resaved = new WorkbookEdits(saved))
        {
            Assert.NotEmpty(resaved.Sheet("Milestones").Descendants<DataValidation>());
        }

        var result = await (await UploadAsync(saved)).ExpectAsync(200);
        AssertNoChanges(result);
        Assert.Equal(16, Count(result, "milestones", "unchanged"));
    }
}
