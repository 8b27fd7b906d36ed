using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Programme;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>The highlight report: slippage against baselines, the RAG rule, the period covered, and the sample's paper.</summary>
public sealed class HighlightPaperTests
{
    public static readonly DateOnly Meeting = new(2023, 1, 10);
    public static readonly DateOnly Written = new(2022, 12, 28);
    private static readonly PaperBoard Operational = new("fact-operational-board", "FACT Operational Board", new DateOnly(2022, 11, 1), null);

    internal static PaperRequest Request(ProgrammeDocument? document = null) => SamplePapers.Request(PaperKinds.Highlight, document) with
    {
        MeetingDate = Meeting,
        ReportDate = Written,
        Board = Operational,
    };

    internal static byte[] Render(PaperRequest request) => PaperRenderer.Render(BuiltInTemplates.For(PaperKinds.Highlight), PaperComposer.Compose(request));

    internal static MilestoneView Milestone(string due, string? baseline, string? status = MilestoneStatus.Planned, string id = "m") => new()
    {
        ProjectId = "p",
        Id = id,
        Activity = $"Activity {id}",
        Due = due,
        BaselineDue = baseline,
        Window = FuzzyDate.Parse(due),
        Status = status,
    };

    [Theory]
    [InlineData("October 2022", "December 2022", 2)]
    [InlineData("Autumn 2022", "January 2023", 2)]
    [InlineData("October – December 2022", "15 February 2023", 2)]
    [InlineData("1 October 2022", "30 October 2022", 0)]
    [InlineData("2020", "1 November 2022", 23)]
    [InlineData("Q1 2023", "June 2023", 3)]
    [InlineData("January/February 2023", "end of March 2023", 1)]
    [InlineData("2022/23", "Summer 2023", 5)]
    [InlineData("Spring term 2023", "Summer term 2023", 3)]
    [InlineData("late 2022", "Q1 2023", 3)]
    [InlineData("2023-01-15", "October 2022 – February 2023", 1)]
    public void Slippage_is_whole_months_between_the_last_days_each_form_allows(string baseline, string due, int months)
    {
        var slipped = Slippage.Of(Milestone(due, baseline));

        Assert.NotNull(slipped);
        Assert.Equal(months, slipped.Months);
        Assert.Contains($"baseline {baseline}, now {due}", slipped.Words(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("December 2022", "October 2022")]
    [InlineData("October 2022", "October 2022")]
    [InlineData("October – December 2022", "December 2022")]
    [InlineData("2022", "15 December 2022")]
    public void A_milestone_brought_forward_or_not_moved_has_not_slipped(string baseline, string due) =>
        Assert.Null(Slippage.Of(Milestone(due, baseline)));

    [Fact]
    public void Slippage_says_its_size_and_both_dates_in_words()
    {
        Assert.Equal("slipped 2 months: baseline October 2022, now December 2022", Slippage.Of(Milestone("December 2022", "October 2022"))!.Words());
        Assert.Equal("slipped 1 month: baseline November 2022, now December 2022", Slippage.Of(Milestone("December 2022", "November 2022"))!.Words());
        Assert.Equal("slipped less than a month: baseline 1 October 2022, now 30 October 2022", Slippage.Of(Milestone("30 October 2022", "1 October 2022"))!.Words());
        Assert.Null(Slippage.Of(Milestone("December 2022", null)));
    }

    [Fact]
    public void The_RAG_rule_reads_the_open_milestones_as_of_the_report()
    {
        var project = new ProjectView { Id = "p", Name = "P" };
        var asOf = new DateOnly(2022, 12, 28);
        ProjectRag Rag(params MilestoneView[] milestones) => ProjectRag.For(project, milestones, asOf);

        Assert.Equal(FactFunctions.Programme.Rag.Red, Rag(Milestone("March 2023", null, MilestoneStatus.OffTrack), Milestone("April 2023", null,
            MilestoneStatus.AtRisk, "b")).Derived);
        Assert.Equal(FactFunctions.Programme.Rag.Red, Rag(Milestone("November 2022", null, MilestoneStatus.OnTrack)).Derived);
        Assert.Equal(FactFunctions.Programme.Rag.Amber, Rag(Milestone("March 2023", null, MilestoneStatus.AtRisk), Milestone("December 2022", null,
            MilestoneStatus.OnTrack, "b")).Derived);
        Assert.Equal(FactFunctions.Programme.Rag.Green, Rag(Milestone("March 2023", null, MilestoneStatus.OnTrack), Milestone("November 2022", null,
            MilestoneStatus.Complete, "b")).Derived);

        // Closed milestones count for nothing, even off track or overdue ones.
        var closed = Rag(Milestone("November 2022", null, MilestoneStatus.Complete), Milestone("October 2022", null, MilestoneStatus.Cancelled, "b"));
        Assert.Null(closed.Derived);
        Assert.Equal("No open milestones", FactFunctions.Programme.Rag.Words(closed.Reported));
        Assert.Equal("no open milestones", closed.Why());

        var red = Rag(Milestone("November 2022", null, MilestoneStatus.OffTrack), Milestone("October 2022", null, MilestoneStatus.OnTrack, "b"),
            Milestone("May 2023", null, MilestoneStatus.AtRisk, "c"));
        Assert.Equal("1 milestone off track and 2 milestones overdue", red.Why());
        Assert.Equal("all 2 open milestones on track or planned", Rag(Milestone("March 2023", null), Milestone("May 2023", null, id: "b")).Why());
        Assert.Equal("its open milestone is on track or planned", Rag(Milestone("March 2023", null, MilestoneStatus.OnTrack)).Why());
        Assert.Equal("1 milestone off track", Rag(Milestone("March 2023", null, MilestoneStatus.OffTrack)).Why());
        Assert.Equal("Red (1 milestone off track and 2 milestones overdue)", red.Summary());
        Assert.Equal("No open milestones", closed.Summary());
        Assert.Throws<ArgumentOutOfRangeException>(() => FactFunctions.Programme.Rag.Words("blue"));
        Assert.Throws<ArgumentOutOfRangeException>(() => FactFunctions.Programme.Rag.Shade("blue"));
    }

    [Fact]
    public void An_override_is_reported_with_its_reason_beside_the_derived_status()
    {
        var project = new ProjectView { Id = "p", Name = "P", RagOverride = FactFunctions.Programme.Rag.Green, RagReason = "The delay does not affect the pilot." };
        var rag = ProjectRag.For(project, [Milestone("March 2023", null, MilestoneStatus.AtRisk)], new DateOnly(2022, 12, 28));

        Assert.Equal(FactFunctions.Programme.Rag.Amber, rag.Derived);
        Assert.Equal(FactFunctions.Programme.Rag.Green, rag.Reported);
        Assert.Equal("Green, as reported by the programme lead: The delay does not affect the pilot. Derived from the milestones: Amber (1 milestone at risk).", rag.Summary());

        // A reason is printed as a sentence; an override without one (written before reasons were required) says so.
        Assert.Equal("Green, as reported by the programme lead: Agreed at the board. Derived from the milestones: Amber (1 milestone at risk).",
            (rag with { Reason = " Agreed at the board " }).Summary());
        Assert.StartsWith("Red, as reported by the programme lead: no reason given. Derived from the milestones: Amber",
            (rag with { Override = FactFunctions.Programme.Rag.Red, Reason = null }).Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_period_covered_runs_from_the_last_report_else_the_previous_meeting_to_the_report_date()
    {
        var request = Request();
        Assert.Equal("1 November 2022 (the board’s previous meeting) to 28 December 2022 (the date of this report)",
            HighlightPaper.Period(request, HighlightPaper.PeriodStart(request), Written));

        var afterReport = request with { Previous = new PreviousPaper(new DateOnly(2022, 11, 15), "earlier") };
        Assert.Equal(new DateOnly(2022, 11, 15), HighlightPaper.PeriodStart(afterReport));
        Assert.StartsWith("15 November 2022 (the board’s previous highlight report) to ", HighlightPaper.Period(afterReport, HighlightPaper
            .PeriodStart(afterReport), Written), StringComparison.Ordinal);

        var first = request with { Board = Operational with { PreviousMeeting = null } };
        Assert.Null(HighlightPaper.PeriodStart(first));
        Assert.StartsWith("up to 28 December 2022", HighlightPaper.Period(first, null, Written), StringComparison.Ordinal);

        Assert.Equal(new DateOnly(2023, 4, 10), HighlightPaper.NextMeetingOrDefault(request));
        Assert.Equal(new DateOnly(2023, 3, 7), HighlightPaper.NextMeetingOrDefault(request with { Board = Operational with { NextMeeting = new DateOnly(2023, 3, 7) } }));
    }

    [Fact]
    public void The_sample_highlight_report_shows_status_slippage_risks_decisions_and_charts()
    {
        byte[] paper = Render(Request());
        PaperTests.AssertValid(paper);
        using var document = PaperTests.Open(paper);
        var body = document.MainDocumentPart!.Document!.Body!;
        string text = string.Join("\n", body.Descendants<Paragraph>().Select(p => p.InnerText));

        Assert.StartsWith("Wiltshire Council\nFACT Operational Board\n10 January 2023\nFACT highlight report\n", text, StringComparison.Ordinal);
        Assert.Contains("Period covered: 1 November 2022 (the board’s previous meeting) to 28 December 2022", text, StringComparison.Ordinal);

        // The status table: one row per project that is not closed, in programme order, the RAG word in every row.
        var sample = SampleProgramme.Load();
        var status = body.Descendants<Table>().Single(t => t.Elements<TableRow>().First().InnerText == "ProjectStatusDelivery confidenceDirectionCommentary");
        var rows = status.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(sample.Projects!.Where(p => p.Status != ProjectStatus.Closed).OrderBy(p => p.Order).Select(p => p.Name), rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.Matches("^(Red|Amber|Green|No open milestones)", r[1]));
        var byName = rows.ToDictionary(r => r[0], r => r[1]);
        Assert.StartsWith("Red", byName["Family Help"], StringComparison.Ordinal);
        Assert.Contains("off track", byName["Family Help"], StringComparison.Ordinal);
        Assert.StartsWith("Red", byName["Early Support Assessment"], StringComparison.Ordinal);
        Assert.StartsWith("GreenReported by the lead; derived: Amber", byName["Transitional Safeguarding"], StringComparison.Ordinal);
        Assert.StartsWith("No open milestones", byName["School Readiness – Speech, Language and Communication in the Early Years"], StringComparison.Ordinal);

        // Colour is a second carrier, never the only one: the status cell is shaded in its RAG colour and says the word.
        var familyHelp = status.Elements<TableRow>().Single(r => r.InnerText.StartsWith("Family Help", StringComparison.Ordinal));
        Assert.Equal(FactFunctions.Programme.Rag.Shade(FactFunctions.Programme.Rag.Red), familyHelp.Elements<TableCell>().ElementAt(1).TableCellProperties!.Shading!.Fill!.Value);

        // A re-dated milestone is under "Slipped against baseline" with both dates.
        Assert.Contains("Recruitment of additional resources: slipped 2 months: baseline October 2022, now December 2022", text, StringComparison.Ordinal);
        Assert.Contains("Decision to formally transition the project to business as usual: slipped 23 months: baseline 2020, now 1 November 2022", text, StringComparison.Ordinal);
        Assert.Contains("Decision to formally transition the project to business as usual (due 1 November 2022, on track)", text, StringComparison.Ordinal);
        Assert.Contains("Due by 10 April 2023", text, StringComparison.Ordinal);
        Assert.Contains("Formal pilot activity begins (January 2023, planned)", text, StringComparison.Ordinal);

        // Risks and decisions from the programme text.
        Assert.Contains("Partner agencies cannot release staff for the Family Help pilot", text, StringComparison.Ordinal);
        Assert.Contains("Approve the transition of the Early Support Assessment project to business as usual", text, StringComparison.Ordinal);
        Assert.Contains("This is the board’s first highlight report from this system", text, StringComparison.Ordinal);

        AssertCharts(document, ["Permanent exclusion: Primary Schools", "Permanent exclusion: Secondary Schools", "Fixed term exclusion (suspension): Primary Schools"]);
        var ranks = ChartValues(document, "Permanent exclusion: Primary Schools");
        Assert.Equal([("2018-19", "19"), ("2019-20", "14"), ("2020-21", "10")], ranks);
    }

    [Fact]
    public void The_changes_since_the_last_report_come_from_the_snapshot_diff()
    {
        var request = Request();
        var before = SampleProgramme.Load();
        var earlier = request.Snapshot with
        {
            State = ProgrammeState.FromDocument(before with
            {
                Projects = before.Projects!.Select(p => p with
                {
                    Milestones = (p.Milestones ?? []).Select(m => m.Id == "audit-report-operational-board" ? m with { Status = MilestoneStatus.OnTrack } : m).ToList(),
                }).ToList(),
            }, Written),
        };
        var changes = FactFunctions.Snapshots.SnapshotDiff.Compare(earlier, request.Snapshot);
        string text = string.Join("\n", PaperTests.Open(Render(request with { Previous = new PreviousPaper(new DateOnly(2022, 11, 1), "earlier"), Changes = changes }))
            .MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));

        Assert.Contains("“Audit Report presented to the FACT Operational Board” is now complete (was on track).", text, StringComparison.Ordinal);
        Assert.Contains("Audit Report presented to the FACT Operational Board (1 November 2022)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FACT/SVPP Workforce Development Lead selected (October 2022)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Select_Committee_paper_charts_indicators_only_when_asked()
    {
        using (var plain = PaperTests.Open(SamplePapers.Render(PaperKinds.SelectCommittee)))
        {
            Assert.Empty(plain.MainDocumentPart!.ChartParts);
        }

        byte[] charted = PaperRenderer.Render(BuiltInTemplates.For(PaperKinds.SelectCommittee), PaperComposer.Compose(SamplePapers
            .Request(PaperKinds.SelectCommittee) with
        { IndicatorCharts = true }));
        PaperTests.AssertValid(charted);
        using var document = PaperTests.Open(charted);
        AssertCharts(document, ["Permanent exclusion: Primary Schools", "Permanent exclusion: Secondary Schools", "Fixed term exclusion (suspension): Primary Schools"]);
    }

    [Fact]
    public void A_template_carrying_a_part_named_like_a_papers_chart_is_refused()
    {
        using var stream = new MemoryStream();
        stream.Write(BuiltInTemplates.For(PaperKinds.Highlight));
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/charts/fact-chart-1.xml").Open();
            entry.Write("<x/>"u8);
        }

        var result = TemplateValidator.Validate(PaperKinds.Highlight, stream.ToArray());

        Assert.Contains(result.Errors.ToDictionary()["template"], e => e.Contains("word/charts/fact-chart-1.xml", StringComparison.Ordinal));
    }

    [Fact]
    public void The_new_fields_are_validated_naming_each_problem()
    {
        var errors = new FactFunctions.Validation.ValidationErrors();
        var text = SampleProgramme.Load().Programme! with
        {
            RiskRegister = [new RegisterRisk { Description = "A risk", Rating = "severe", Mitigation = "" }, null!],
            DecisionsRequested = [new FactFunctions.Programme.Block { Type = BlockTypes.Lettered, Items = [] }],
        };
        ProgrammeValidation.Text(errors, "programme", text);
        ProgrammeValidation.Project(errors, "projects[0]", new ProjectFields { Name = "P", Status = ProjectStatus.Active, RagOverride = "purple", RagReason = "Because." });
        ProgrammeValidation.Project(errors, "projects[1]", new ProjectFields { Name = "P", Status = ProjectStatus.Active, RagOverride = FactFunctions.Programme.Rag.Green });
        ProgrammeValidation.Milestone(errors, "milestones[0]", new MilestoneFields
        {
            Activity = "A",
            Due = "March 2023",
            BaselineDue = "Octember 2022",
            Status = MilestoneStatus.Planned
        });
        ProgrammeValidation.Milestone(errors, "milestones[1]", new MilestoneFields { Activity = "A", Due = "March 2023", BaselineDue = "1999", Status = MilestoneStatus.Planned });

        Assert.Equal(
            [
                "milestones[0].baselineDue", "milestones[1].baselineDue", "programme.decisionsRequested[0].items",
                "programme.riskRegister[0].mitigation", "programme.riskRegister[0].rating", "programme.riskRegister[1]",
                "projects[0].ragOverride", "projects[1].ragReason",
            ],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Each chart is a chart part (not a picture) with its title, its points and alt text saying the figures.</summary>
    private static void AssertCharts(WordprocessingDocument document, IReadOnlyList<string> titles)
    {
        var main = document.MainDocumentPart!;
        var drawings = main.Document!.Body!.Descendants<Drawing>()
            .Where(d => d.Descendants<C.ChartReference>().Any())
            .Select(d => (Alt: d.Descendants<DW.DocProperties>().Single().Description!.Value!, Title: d.Descendants<DW.DocProperties>().Single().Title!.Value!,
                Part: (ChartPart)main.GetPartById(d.Descendants<C.ChartReference>().Single().Id!.Value!)))
            .ToList();
        Assert.Equal(titles, drawings.Select(d => d.Title));
        foreach (var (alt, title, part) in drawings)
        {
            Assert.StartsWith($"Line chart of {title}", alt, StringComparison.Ordinal);
            var chart = part.ChartSpace!;
            Assert.Equal(title, chart.Descendants<C.Title>().First().InnerText);
            var points = chart.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().Select(p => p.InnerText).ToList();
            Assert.True(points.Count >= 2);
            Assert.All(points, p => Assert.Contains(p, alt, StringComparison.Ordinal));
        }
    }

    private static List<(string Period, string Figure)> ChartValues(WordprocessingDocument document, string title)
    {
        var main = document.MainDocumentPart!;
        var chart = main.ChartParts.Single(p => p.ChartSpace!.Descendants<C.Title>().First().InnerText == title).ChartSpace!;
        var periods = chart.Descendants<C.CategoryAxisData>().Single().Descendants<C.StringPoint>().Select(p => p.InnerText);
        var figures = chart.Descendants<C.Values>().Single().Descendants<C.NumericPoint>().Select(p => p.InnerText);
        return periods.Zip(figures).ToList();
    }
}
