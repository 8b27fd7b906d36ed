using FactFunctions.Programme;
using FactFunctions.Programme.Workbook;
using FactFunctions.Validation;

namespace FactFunctions.Core.Tests.Programme;

/// <summary>The workbook's mapping without HTTP: written and read back it is the same programme; errors name their cells.</summary>
public class ProgrammeWorkbookTests
{
    private static readonly DateOnly Today = new(2022, 10, 14);

    private static (ProgrammeDocument Stored, byte[] Workbook) Sample()
    {
        var document = SampleProgramme.Load();
        var state = ProgrammeState.FromDocument(document, Today);
        var rows = ProgrammeWorkbook.Rows(state, document.Boards ?? [], new DateTimeOffset(2022, 10, 14, 9, 0, 0, TimeSpan.Zero), "http://127.0.0.1:7071/api/programme.xlsx");
        return (state.ToDocument(), WorkbookWriter.Write(rows, "FACT programme"));
    }

    private static (WorkbookUpload Upload, ValidationErrors Errors) Read(byte[] workbook)
    {
        var content = WorkbookReader.Read(workbook);
        var errors = content.Errors;
        return (ProgrammeWorkbook.FromWorkbook(content, errors), errors);
    }

    private static WorkbookUpload Upload(ProgrammeDocument document) => new(document, [], [], new Dictionary<string, WorkbookOrigin>());

    [Fact]
    public void The_sample_written_and_read_back_is_the_same_programme()
    {
        var (stored, workbook) = Sample();

        var (upload, errors) = Read(workbook);

        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        Assert.True(ProgrammeImporter.Validate(upload.Document).IsEmpty);
        var (result, removals) = WorkbookChanges.Compare(stored, upload, dryRun: true, removeMissing: true);
        Assert.False(result.Changed);
        Assert.Empty(removals);
        Assert.Equal(16, result.Milestones.Unchanged);
        Assert.Equal(4, result.Indicators.Unchanged);
        Assert.True(result.IndicatorValues.Unchanged > 0);
        Assert.Equal(stored.Programme!.IssueLog!.Count, result.Issues.Unchanged);
        Assert.Equal(stored.Programme.Benefits!.Count, result.Benefits.Unchanged);
        Assert.True(WorkbookChanges.SameText(stored.Programme, upload));
    }

    [Fact]
    public void Issues_and_benefits_edited_added_and_deleted_are_counted_and_change_the_text()
    {
        var (stored, _) = Sample();
        var issues = stored.Programme!.IssueLog!;
        var benefits = stored.Programme.Benefits!;
        var upload = new WorkbookUpload(stored,
            [issues[0] with { Status = IssueStatus.Closed }, new ProgrammeIssue { ProjectId = issues[0].ProjectId, Description = "A new issue", Status = "open" }],
            [.. benefits.Skip(1)],
            new Dictionary<string, WorkbookOrigin>());

        var (result, _) = WorkbookChanges.Compare(stored, upload, dryRun: true, removeMissing: false);

        Assert.Equal((1, 1, 0, issues.Count - 1), (result.Issues.Added, result.Issues.Changed, result.Issues.Unchanged, result.Issues.Removed));
        Assert.Equal((0, 0, benefits.Count - 1, 1), (result.Benefits.Added, result.Benefits.Changed, result.Benefits.Unchanged, result.Benefits.Removed));
        Assert.True(result.Changed);
        Assert.False(WorkbookChanges.SameText(stored.Programme, upload));
        Assert.False(WorkbookChanges.SameText(stored.Programme, upload with { IssueLog = [.. issues.Reverse()], Benefits = benefits }));
    }

    [Fact]
    public void Merging_the_actions_sheet_keeps_resolutions_sets_the_day_done_and_copes_with_a_row_without_an_id()
    {
        var day = new DateOnly(2023, 1, 5);
        var stored = new FactFunctions.Programme.Outcomes.MeetingOutcomeDocument
        {
            Board = "b",
            Date = new DateOnly(2022, 12, 8),
            Resolution = ["Noted."],
            Actions = [new FactFunctions.Programme.Outcomes.MeetingAction { Id = "a", Status = "done", DoneOn = new DateOnly(2022, 12, 20) }],
        };
        var sheet = new FactFunctions.Programme.Outcomes.MeetingOutcomeDocument
        {
            Board = "b",
            Date = new DateOnly(2022, 12, 8),
            Actions = [new() { Id = "a", Status = "done" }, new() { Id = null, Status = "done" }],
        };
        var gone = new FactFunctions.Programme.Outcomes.MeetingOutcomeDocument
        {
            Board = "b",
            Date = new DateOnly(2022, 10, 1),
            Actions = [new() { Id = "x", Status = "open" }],
        };

        var merged = ProgrammeWorkbook.MergeActions([stored, gone], [sheet], day);

        Assert.Equal(2, merged.Count);
        Assert.Equal(["Noted."], merged[0].Resolution!.Select(b => b.Text!).ToArray());
        Assert.Equal([new DateOnly(2022, 12, 20), day], merged[0].Actions!.Select(a => a.DoneOn!.Value).ToArray());
        Assert.Empty(merged[1].Actions!);
    }

    [Fact]
    public void An_issue_raised_date_and_a_benefit_indicator_are_read_and_their_errors_name_their_cells()
    {
        var (stored, workbook) = Sample();
        var (upload, _) = Read(workbook);

        Assert.Equal(stored.Programme!.IssueLog![0].Raised, upload.IssueLog[0].Raised);
        Assert.Equal(["suspensions-primary", "suspensions-secondary"], stored.Programme.Benefits![1].Indicators);
        Assert.Equal(stored.Programme.Benefits[1].Indicators, upload.Benefits[1].Indicators);
        Assert.Equal("Issues!C2", upload.Locate("programme.issueLog[0].raised"));
        Assert.Equal("Benefits!C2", upload.Locate("programme.benefits[0].indicators[1]"));
        Assert.Equal("Benefits!A3", upload.Locate("programme.benefits[1]"));
    }

    [Fact]
    public void A_validation_error_of_the_document_names_the_cell_its_value_came_from()
    {
        var (_, workbook) = Sample();
        var (upload, _) = Read(workbook);
        var project = upload.Document.Projects!.Select((p, i) => (p, i)).First(x => x.p.Milestones!.Count > 1);

        string cell = upload.Locate($"projects[{project.i}].milestones[1].due");
        string row = upload.Locate($"projects[{project.i}].milestones[1]");
        string projectName = upload.Locate($"projects[{project.i}].name");

        Assert.Matches(@"^Milestones!D\d+$", cell);
        Assert.Equal(cell.Replace("!D", "!A", StringComparison.Ordinal), row);
        Assert.Matches(@"^Projects!B\d+$", projectName);
        Assert.Equal("$", upload.Locate("$"));
    }

    [Fact]
    public void Empty_orders_and_equal_decimals_written_differently_are_no_change()
    {
        var stored = new ProgrammeDocument
        {
            Projects = [new ProjectDocument { Id = "p", Name = "P", Status = "active", Order = 0, Milestones = [new MilestoneDocument { Id = "m",
                Activity = "A", Due = "May 2023", Status = "planned", Order = 0 }] }],
            Indicators = [new IndicatorDocument { Id = "i", Name = "I", Polarity = "lower-is-better",
                Values = [new IndicatorValueDocument { Period = "2021-22", Value = 1.50m }] }],
        };
        var upload = stored with
        {
            Projects = [stored.Projects![0] with { Order = null, Milestones = [stored.Projects[0].Milestones![0] with { Order = null, Board = string.Empty }] }],
            Indicators = [stored.Indicators![0] with { Values = [new IndicatorValueDocument { Period = "2021-22", Value = 1.5m }] }],
        };

        var (result, _) = WorkbookChanges.Compare(stored, Upload(upload), dryRun: false, removeMissing: false);

        Assert.False(result.Changed);
    }

    [Fact]
    public void Milestones_missing_from_the_workbook_are_kept_and_listed_or_removed_when_asked()
    {
        var stored = new ProgrammeDocument
        {
            Projects = [new ProjectDocument { Id = "p", Name = "P", Status = "active", Milestones = [new MilestoneDocument { Id = "a", Activity = "A",
                Due = "May 2023", Status = "planned" }, new MilestoneDocument { Id = "b", Activity = "B", Due = "June 2023", Status = "planned" }] }],
        };
        var upload = stored with { Projects = [stored.Projects![0] with { Milestones = [stored.Projects[0].Milestones![0]] }] };

        var (kept, none) = WorkbookChanges.Compare(stored, Upload(upload), dryRun: false, removeMissing: false);
        var (removed, removals) = WorkbookChanges.Compare(stored, Upload(upload), dryRun: false, removeMissing: true);

        Assert.Equal(["p/b"], kept.Milestones.NotInWorkbook);
        Assert.Empty(none);
        Assert.Equal(1, removed.Milestones.Removed);
        Assert.Equal([("p", "b")], removals);
    }
}
