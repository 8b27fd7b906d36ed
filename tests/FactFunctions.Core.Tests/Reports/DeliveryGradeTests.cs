using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Validation;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>Issue 27: direction of travel, delivery confidence, schedule tolerance and exceptions.</summary>
public sealed class DeliveryGradeTests
{
    private static readonly DateOnly AsOf = new(2023, 2, 28);

    private static MilestoneView Milestone(string due, string? baseline) => HighlightPaperTests.Milestone(due, baseline);

    private static ProjectRag Rag(string? status, string? @override = null) =>
        new(status, status is null ? 0 : 1, 0, 0, 0, @override, @override is null ? null : "reason");

    [Fact]
    public void Direction_of_travel_on_a_first_report_an_unchanged_a_better_a_worse_and_a_new_project()
    {
        Assert.Equal(DirectionOfTravel.First, DirectionOfTravel.Between(false, null, Rag(FactFunctions.Programme.Rag.Red)).Kind);
        Assert.Equal(DirectionOfTravel.New, DirectionOfTravel.Between(true, null, Rag(FactFunctions.Programme.Rag.Red)).Kind);

        var unchanged = DirectionOfTravel.Between(true, Rag(FactFunctions.Programme.Rag.Amber), Rag(FactFunctions.Programme.Rag.Amber));
        Assert.Equal(DirectionOfTravel.Unchanged, unchanged.Kind);
        Assert.Equal("► Unchanged (Amber at the last report too)", unchanged.Words());

        var better = DirectionOfTravel.Between(true, Rag(FactFunctions.Programme.Rag.Red), Rag(FactFunctions.Programme.Rag.Amber));
        Assert.Equal("▲ Improved (was Red)", better.Words());
        var worse = DirectionOfTravel.Between(true, Rag(FactFunctions.Programme.Rag.Green), Rag(FactFunctions.Programme.Rag.Red));
        Assert.Equal("▼ Worse (was Green)", worse.Words());

        // The reported status counts: an override that lifts the derived status lifts the direction too.
        Assert.Equal(DirectionOfTravel.Improved,
            DirectionOfTravel.Between(true, Rag(FactFunctions.Programme.Rag.Amber), Rag(FactFunctions.Programme.Rag.Red, FactFunctions.Programme.Rag.Green)).Kind);
        Assert.Equal(DirectionOfTravel.NotComparable, DirectionOfTravel.Between(true, Rag(null), Rag(FactFunctions.Programme.Rag.Green)).Kind);
    }

    [Theory]
    [InlineData("October 2022", "December 2022", 2, false)] // exactly at the tolerance
    [InlineData("October 2022", "January 2023", 2, true)] // a month over
    [InlineData("Autumn 2022", "November 2022", 0, false)] // a season ends in November: November has not slipped
    [InlineData("Autumn 2022", "January 2023", 1, true)] // a season against a month: November to January is 2 months
    [InlineData("October 2022", "October 2023", null, false)] // no tolerance: no exception, however far
    public void The_tolerance_rule_at_its_edges(string baseline, string due, int? tolerance, bool exception)
    {
        var rag = ProjectRag.For(new ProjectView { Id = "p", ToleranceMonths = tolerance }, [Milestone(due, baseline)], AsOf);

        Assert.Equal(exception, rag.Exceptions.Count == 1);
        if (exception)
        {
            Assert.Equal(FactFunctions.Programme.Rag.Red, rag.Derived);
            Assert.Contains("slipped beyond the", rag.Why(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_seasons_slippage_against_no_tolerance_is_one_month_over()
    {
        // Autumn 2022 ends in November; December 2022 is one month later: over a tolerance of 0 by a month.
        var rag = ProjectRag.For(new ProjectView { Id = "p", ToleranceMonths = 0 }, [Milestone("December 2022", "Autumn 2022")], AsOf);
        Assert.Equal(1, Assert.Single(rag.Exceptions).MonthsOver);
    }

    [Fact]
    public void A_projects_own_tolerance_wins_over_the_programmes()
    {
        var slipped = Milestone("March 2023", "December 2022");

        Assert.Single(ProjectRag.For(new ProjectView { Id = "p" }, [slipped], AsOf, defaultToleranceMonths: 2).Exceptions);
        Assert.Empty(ProjectRag.For(new ProjectView { Id = "p", ToleranceMonths = 3 }, [slipped], AsOf, defaultToleranceMonths: 2).Exceptions);
        Assert.Empty(ProjectRag.For(new ProjectView { Id = "p" }, [slipped with { Status = MilestoneStatus.Complete }], AsOf, 0).Exceptions);
    }

    [Fact]
    public void Confidence_takes_the_five_points_and_needs_a_reason()
    {
        static IReadOnlyDictionary<string, string[]> Errors(ProjectFields project)
        {
            var errors = new ValidationErrors();
            foreach (var field in ProjectFields.Described)
            {
                field.Validate(errors, "projects[0]", project);
            }

            return errors.ToDictionary();
        }

        var valid = new ProjectFields { Name = "P", Status = ProjectStatus.Active };
        Assert.Empty(Errors(valid with { Confidence = DeliveryConfidence.AmberGreen, ConfidenceReason = "Recruitment on plan." }));
        Assert.Contains("projects[0].confidenceReason", Errors(new ProjectFields { Name = "P", Confidence = DeliveryConfidence.AmberRed }).Keys);
        Assert.Contains("projects[0].confidence", Errors(new ProjectFields { Name = "P", Confidence = "amber/red", ConfidenceReason = "x" }).Keys);
        Assert.Contains("projects[0].toleranceMonths", Errors(new ProjectFields { Name = "P", ToleranceMonths = -1 }).Keys);
        Assert.Equal(["Green", "Amber/Green", "Amber", "Amber/Red", "Red"], DeliveryConfidence.All.Select(DeliveryConfidence.Words));
    }

    [Fact]
    public void The_highlight_report_lists_exceptions_first_and_shows_confidence_and_direction_beside_the_status()
    {
        var sample = SampleProgramme.Load();
        var before = sample with
        {
            Projects = [.. sample.Projects!.Select(p => p.Name == "Family Help" ? p with { RagOverride = FactFunctions.Programme.Rag.Green, RagReason = "On plan." } : p)],
        };
        var now = sample with
        {
            Programme = sample.Programme! with { ScheduleToleranceMonths = 1 },
            Projects = [.. sample.Projects!.Select(p => p.Name == "Family Help"
                ? p with { Confidence = DeliveryConfidence.AmberRed, ConfidenceReason = "Partner staff cannot be released until March." }
                : p)],
        };
        var request = HighlightPaperTests.Request(now);
        var earlier = request.Snapshot with { State = ProgrammeState.FromDocument(before, new DateOnly(2022, 10, 20)) };
        request = request with
        {
            Previous = new PreviousPaper(new DateOnly(2022, 11, 1), "earlier") { ReportDate = new DateOnly(2022, 10, 20), State = earlier.State },
            Changes = FactFunctions.Snapshots.SnapshotDiff.Compare(earlier, request.Snapshot),
        };

        byte[] paper = HighlightPaperTests.Render(request);
        PaperTests.AssertValid(paper);
        using var document = PaperTests.Open(paper);
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        string text = string.Join("\n", paragraphs);

        // Exceptions come first: under their own heading, before the status table, with the amount over tolerance.
        int exceptions = paragraphs.IndexOf("Exceptions beyond tolerance");
        int table = paragraphs.IndexOf("Project");
        Assert.InRange(exceptions, 0, table);
        Assert.Contains("Family Help: Recruitment of additional resources has slipped 2 months: baseline October 2022, now December 2022, " +
            "against a tolerance of 1 month: 1 month over.", text, StringComparison.Ordinal);

        var status = body.Descendants<Table>().First(t => t.Elements<TableRow>().First().InnerText == "ProjectStatusDelivery confidenceDirectionCommentary");
        var familyHelp = status.Elements<TableRow>().Single(r => r.InnerText.StartsWith("Family Help", StringComparison.Ordinal))
            .Elements<TableCell>().Select(c => c.InnerText).ToList();
        Assert.StartsWith("Red", familyHelp[1], StringComparison.Ordinal);
        Assert.Equal("Amber/RedPartner staff cannot be released until March.", familyHelp[2]);
        Assert.Equal("▼ Worse (was Green)", familyHelp[3]);
        Assert.Contains("Family Help: ▼ Worse (was Green); now Red.", text, StringComparison.Ordinal);
        Assert.Contains("Delivery confidence: Amber/Red: Partner staff cannot be released until March. Direction of travel: ▼ Worse (was Green).", text,
            StringComparison.Ordinal);
        Assert.Contains("1 month beyond the tolerance (an exception)", text, StringComparison.Ordinal);
        Assert.Contains("Family Help: delivery confidence Amber/Red (Partner staff cannot be released until March.), reason changed.", text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_indicators_trend_reads_its_polarity_and_says_its_figures()
    {
        IndicatorView Indicator(string polarity, params (string Period, int? Rank, decimal? Value)[] values) => new()
        {
            Id = "i",
            Polarity = polarity,
            Values = [.. values.Select(v => new IndicatorValueView { Period = v.Period, Rank = v.Rank, Value = v.Value })],
        };

        Assert.Equal("▲ improving (rank 14 in 2019-20 → rank 10 in 2020-21)",
            IndicatorTrend.Of(Indicator("lower-is-better", ("2020-21", 10, null), ("2018-19", 19, null), ("2019-20", 14, null))).Words);
        Assert.Equal(IndicatorTrend.Worsening, IndicatorTrend.Of(Indicator("higher-is-better", ("2019-20", null, 90m), ("2020-21", null, 85m))).Kind);
        Assert.Equal(IndicatorTrend.Steady, IndicatorTrend.Of(Indicator("lower-is-better", ("2019-20", null, 0m), ("2020-21", null, 0m))).Kind);
        Assert.Equal("one period so far (rank 71 in 2020-21)", IndicatorTrend.Of(Indicator("lower-is-better", ("2020-21", 71, null))).Words);
    }

    [Fact]
    public void The_sample_highlight_report_shows_open_issues_per_project_and_each_benefit_with_its_indicators_trend()
    {
        byte[] paper = HighlightPaperTests.Render(HighlightPaperTests.Request());
        PaperTests.AssertValid(paper);
        using var document = PaperTests.Open(paper);
        var tables = document.MainDocumentPart!.Document!.Body!.Descendants<Table>().ToList();

        var issues = tables.Single(t => t.Elements<TableRow>().First().InnerText == "ProjectIssueRaisedOwnerAction");
        var rows = issues.Elements<TableRow>().Skip(1).Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["Transitional Safeguarding", "Family Help"], rows.Select(r => r[0]));
        Assert.Equal("20 October 2022", rows[1][2]);

        var benefits = tables.Single(t => t.Elements<TableRow>().First().InnerText == "ProjectBenefitIndicators and trend");
        var attendance = benefits.Elements<TableRow>().Single(r => r.InnerText.Contains("school attendance", StringComparison.Ordinal));
        Assert.Contains("Fixed term exclusion (suspension): Primary Schools: ▲ improving (rank 146 in 2019-20 → rank 142 in 2020-21)", attendance.InnerText,
            StringComparison.Ordinal);
        Assert.Contains("one period so far (rank 71 in 2020-21)", attendance.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_diff_tells_issues_raised_and_closed_and_benefits_added()
    {
        var sample = SampleProgramme.Load();
        var request = HighlightPaperTests.Request();
        var text = sample.Programme!;
        var later = text with
        {
            IssueLog = [.. text.IssueLog!.Select((issue, i) => i == 0 ? issue with { Status = IssueStatus.Closed } : issue),
                new ProgrammeIssue { ProjectId = "family-help", Description = "Hub premises delayed.", Status = IssueStatus.Open }],
            Benefits = [.. text.Benefits!, new ProjectBenefit { ProjectId = "family-help", Text = "Fewer referrals to statutory services." }],
        };
        var after = request.Snapshot with { State = ProgrammeState.FromDocument(sample with { Programme = later }, AsOf) };

        var lines = FactFunctions.Snapshots.SnapshotDiff.Compare(request.Snapshot, after).Summary().ToList();

        Assert.Contains("New issue on Family Help: Hub premises delayed.", lines);
        Assert.Contains(lines, l => l.StartsWith("Issue closed on Family Help: The evaluation partner has not been confirmed", StringComparison.Ordinal));
        Assert.Contains("New benefit for Family Help: Fewer referrals to statutory services.", lines);
    }
}
