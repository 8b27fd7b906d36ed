using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports.Word;
using FactFunctions.Snapshots;
using T = FactFunctions.Reports.Papers.TemplateTags;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Papers;

/// <summary>
/// The highlight report for the FACT Operational and Executive Boards: a cover (board, meeting, period covered), a
/// status summary (the exceptions beyond tolerance first, then each project's RAG in words and colour, the lead's
/// delivery confidence, the direction of travel since the board's last report and a line from its latest update), then
/// per project what was completed since the last report, what is due before the board's next meeting, what is overdue
/// and what slipped against its baseline; indicator charts; the risk register; the decisions requested; the changes
/// since the last report.
/// </summary>
public sealed class HighlightPaper : WordPaper
{
    /// <summary>How long "due before the next meeting" runs when the board has no later meeting scheduled.</summary>
    public const int MonthsWhenNoNextMeeting = 3;

    private static readonly int[] StatusWidths = [1900, 1900, 1700, 1600, 2538];
    private static readonly int[] RiskWidths = [500, 3200, 1000, 1600, 3338];
    private static readonly int[] IssueWidths = [1700, 2938, 1500, 1500, 2000];
    private static readonly int[] BenefitWidths = [1900, 3738, 4000];

    public override string Kind => PaperKinds.Highlight;

    public override string Committee => "FACT board";

    public override string Name => "FACT highlight report";

    public override string Audience => Programme.Audience.Both;

    public override bool ForOneBoard => true;

    public override IReadOnlySet<string> RequiredTags { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        T.CommitteeName, T.MeetingDate, T.AuthorName, T.AuthorRole, T.AuthorEmail, T.ReportDate,
        T.HighlightPeriod, T.HighlightRagRule, T.HighlightStatusTable,
        T.HighlightProjects, T.ProjectName, T.HighlightProjectStatus, T.HighlightCompleted, T.HighlightDueHeading, T.HighlightDue, T.HighlightOverdue, T.HighlightSlipped,
        T.HighlightCharts, T.RiskRegister, T.RiskNumber, T.RiskDescription, T.RiskRating, T.RiskOwner, T.RiskMitigation,
        T.DecisionsRequested, T.HighlightChanges,
    };

    /// <summary>The RAG rule as the paper states it, so a reader knows what each colour means.</summary>
    public static string RagRule =>
        "Each project's status is worked out from its open milestones (those neither complete nor cancelled) on the date of this report: " +
        "Red if any is off track, overdue, or has slipped against its baseline by more than the schedule tolerance the board accepts " +
        "(an exception); otherwise Amber if any is at risk; otherwise Green. A project with no open milestones says so. " +
        "Where the programme lead reports a different status, both are shown with the lead's reason. Beside the status stand the lead's " +
        "delivery confidence (Green, Amber/Green, Amber, Amber/Red or Red, with the reason) and the direction of travel: whether the " +
        "status is better or worse than at the board's previous highlight report.";

    public override byte[] BuildTemplate()
    {
        var b = new DocumentBuilder("Template for the FACT highlight report");
        const string Bullet = DocumentBuilder.BulletStyle;

        // The masthead names the board and the meeting's date.
        b.Add(BuiltInTemplates.Masthead(b));
        b.Add(
            b.Styled("Title", "FACT highlight report"),
            b.Line(DocumentBuilder.CoverLabelStyle, "Period covered: ", b.TextControl(T.HighlightPeriod)),
            b.Line("Normal", "Date of report: ", b.TextControl(T.ReportDate)),
            b.Line("Normal", "Author: ", b.TextControl(T.AuthorName), ", ", b.TextControl(T.AuthorRole), " (", b.TextControl(T.AuthorEmail), ")"),
            b.Heading(1, "Status summary"),
            b.ParagraphsControl(T.HighlightRagRule, "Normal"),
            b.BlockControl(T.HighlightStatusTable, b.Plain($"«{T.HighlightStatusTable}»")),
            b.Heading(1, "Projects"),
            b.BlockControl(T.HighlightProjects,
                b.Line("Heading2", b.TextControl(T.ProjectName)),
                b.Line("Normal", "Status: ", b.TextControl(T.HighlightProjectStatus)),
                b.Heading(3, "Completed since the last report"),
                b.ParagraphsControl(T.HighlightCompleted, Bullet),
                b.Line("Heading3", b.TextControl(T.HighlightDueHeading)),
                b.ParagraphsControl(T.HighlightDue, Bullet),
                b.Heading(3, "Overdue"),
                b.ParagraphsControl(T.HighlightOverdue, Bullet),
                b.Heading(3, "Slipped against baseline"),
                b.ParagraphsControl(T.HighlightSlipped, Bullet)),
            b.Heading(1, "Indicators"),
            b.BlockControl(T.HighlightCharts, b.Plain($"«{T.HighlightCharts}»")),
            b.Heading(1, "Risks"),
            DocumentBuilder.Table(RiskWidths, DocumentBuilder.HeaderRow(RiskWidths, "#", "Risk", "Rating", "Owner", "Mitigation"),
                b.RowControl(T.RiskRegister, DocumentBuilder.Row(
                    DocumentBuilder.Cell(RiskWidths[0], DocumentBuilder.CellLine(b.TextControl(T.RiskNumber))),
                    DocumentBuilder.Cell(RiskWidths[1], DocumentBuilder.CellLine(b.TextControl(T.RiskDescription))),
                    DocumentBuilder.Cell(RiskWidths[2], DocumentBuilder.CellLine(b.TextControl(T.RiskRating))),
                    DocumentBuilder.Cell(RiskWidths[3], DocumentBuilder.CellLine(b.TextControl(T.RiskOwner))),
                    DocumentBuilder.Cell(RiskWidths[4], DocumentBuilder.CellLine(b.TextControl(T.RiskMitigation)))))),
            b.Heading(1, "Decisions requested"),
            b.BlockControl(T.DecisionsRequested, b.Plain($"«{T.DecisionsRequested}»")),
            b.Heading(1, "Changes since the last report"),
            b.ParagraphsControl(T.HighlightChanges, Bullet));

        return b.Save();
    }

    public override FieldSet Compose(PaperRequest request)
    {
        var state = request.Snapshot.State;
        var text = state.Text ?? new ProgrammeText();
        var fields = PaperComposer.Common(request, previousFromText: null);
        var writer = new BlockWriter(fields.Package, request.Images);
        var asOf = PaperComposer.AsOf(request);
        var from = PeriodStart(request);
        var until = NextMeetingOrDefault(request);
        var completedNow = CompletedSince(request, from, asOf);
        var milestones = state.Milestones.ToLookup(m => m.ProjectId, StringComparer.Ordinal);
        var projects = Reported(state);
        var rags = projects.ToDictionary(p => p.Id, p => ProjectRag.For(p, milestones[p.Id], asOf, text.ScheduleToleranceMonths), StringComparer.Ordinal);
        var directions = Directions(request, projects, rags);
        var actions = PaperComposer.Actions(request);
        var latest = state.Updates.GroupBy(u => u.ProjectId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(u => u.AsOf).ThenBy(u => u.Id, StringComparer.Ordinal).Last(), StringComparer.Ordinal);

        fields
            .Text(T.HighlightPeriod, Period(request, from, asOf))
            .Set(T.HighlightRagRule, ParagraphsField.Lines([RagRule]))
            .Set(T.HighlightStatusTable, new ElementsField([
                .. Exceptions(writer, text, projects, rags),
                StatusTable(projects.Select(p => new StatusRow(p, rags[p.Id], directions[p.Id], Commentary(latest.GetValueOrDefault(p.Id)))).ToList()),
                .. IssuesAndBenefits(writer, text, projects, state.Indicators),
                .. ActionsSection.Elements(writer, actions, headingLevel: 2),
                .. DueActions(writer, actions, until),
                new WordParagraph()]));

        string dueHeading = request.Board?.NextMeeting is { } next
            ? $"Due before the next meeting ({PaperComposer.LongDate(next)})"
            : $"Due by {PaperComposer.LongDate(until)} (no later meeting is scheduled; {MonthsWhenNoNextMeeting} months after this one)";
        fields.Set(T.HighlightProjects, new RepeatField(projects.Select(p =>
        {
            var own = ProgrammeStore.OrderMilestones(milestones[p.Id]);
            var open = own.Where(m => !MilestoneStatus.IsClosed(m.Status)).ToList();
            return new FieldSet(fields)
                .Text(T.ProjectName, p.Name)
                .Text(T.HighlightProjectStatus, $"{rags[p.Id].Summary()} Delivery confidence: {ConfidenceWords(p)} Direction of travel: {directions[p.Id].Words()}.")
                .Set(T.HighlightCompleted, Lines(own.Where(m => completedNow.Contains((m.ProjectId, m.Id))).Select(m => $"{m.Activity} ({m.Due})")))
                .Text(T.HighlightDueHeading, dueHeading)
                .Set(T.HighlightDue, Lines(open.Where(m => !MilestoneStatus.IsOverdue(m.Status, m.Window, asOf) && m.Window.Earliest <= until)
                    .Select(m => $"{m.Activity} ({m.Due}, {MilestoneStatus.Words(m.Status)})")))
                .Set(T.HighlightOverdue, Lines(open.Where(m => MilestoneStatus.IsOverdue(m.Status, m.Window, asOf)).Select(m =>
                    $"{m.Activity} (due {m.Due}, {MilestoneStatus.Words(m.Status)})")))
                .Set(T.HighlightSlipped, Lines(open.Where(m => Slippage.Of(m) is not null || m.Rebaselines is { Count: > 0 })
                    .Select(m => SlippedLine(m, rags[p.Id].ToleranceMonths))));
        }).ToList()));

        var charted = state.Indicators.Where(IndicatorChart.Charted).ToList();
        fields.Set(T.HighlightCharts, new ElementsField(charted.Count == 0
            ? [new WordParagraph(new Run(new Text("No indicator has figures for two or more periods yet.")))]
            : [.. charted.SelectMany(i => (IEnumerable<OpenXmlElement>)[writer.Heading(2, IndicatorChart.Title(i)), .. IndicatorChart.Elements(i, fields.Package)])]));

        fields.Set(T.RiskRegister, new RepeatField((text.RiskRegister ?? []).Select((risk, index) => new FieldSet(fields)
            .Text(T.RiskNumber, (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Text(T.RiskDescription, risk.Description)
            .Text(T.RiskRating, risk.Rating is null ? "Not rated" : PaperComposer.Capitalised(risk.Rating))
            .Text(T.RiskOwner, risk.Owner ?? "–")
            .Text(T.RiskMitigation, risk.Mitigation))
            .ToList()));
        var decisionsPlace = new BlockPlace(Numbered: false, SubheadingLevel: 2);
        fields.Set(T.DecisionsRequested, writer.IsDraft
            ? writer.RegionField(DraftRegion.Text(T.DecisionsRequested, "Decisions requested", decisionsPlace), text.DecisionsRequested)
            : writer.Field(text.DecisionsRequested is { Count: > 0 } decisions ? decisions : ["No decisions are requested at this meeting."], decisionsPlace));
        var moved = projects.Where(p => directions[p.Id].Kind is DirectionOfTravel.Improved or DirectionOfTravel.Worse or DirectionOfTravel.New)
            .Select(p => $"{p.Name}: {directions[p.Id].Words()}; now {Rag.Words(rags[p.Id].Reported)}.");
        fields.Set(T.HighlightChanges, request.Changes is { } changes
            ? ParagraphsField.Lines([.. moved, .. changes.Summary()], whenEmpty: "No project's status, milestones or indicators have changed.")
            : ParagraphsField.Lines(["This is the board’s first highlight report from this system, so there is no earlier report to compare with."]));
        return fields;
    }

    /// <summary>Where the period covered starts: the board's previous highlight report, else its previous meeting.</summary>
    public static DateOnly? PeriodStart(PaperRequest request) => request.Previous?.MeetingDate ?? request.Board?.PreviousMeeting;

    /// <summary>"1 November 2022 (the board's previous meeting) to 28 December 2022 (the date of this report)".</summary>
    public static string Period(PaperRequest request, DateOnly? from, DateOnly asOf)
    {
        string to = $"{PaperComposer.LongDate(asOf)} (the date of this report)";
        return from switch
        {
            null => $"up to {to}; the board has no earlier meeting on record",
            _ when request.Previous is not null => $"{PaperComposer.LongDate(from.Value)} (the board’s previous highlight report) to {to}",
            _ => $"{PaperComposer.LongDate(from.Value)} (the board’s previous meeting) to {to}",
        };
    }

    /// <summary>The end of "due before the next meeting": the board's next meeting, or some months after this one.</summary>
    public static DateOnly NextMeetingOrDefault(PaperRequest request) =>
        request.Board?.NextMeeting ?? request.MeetingDate.AddMonths(MonthsWhenNoNextMeeting);

    /// <summary>
    /// Milestones completed since the last report: with an earlier report, those the snapshot diff shows becoming (or
    /// added as) complete; without one, complete milestones whose window meets the period covered.
    /// </summary>
    public static IReadOnlySet<(string ProjectId, string MilestoneId)> CompletedSince(PaperRequest request, DateOnly? from, DateOnly asOf)
    {
        if (request.Changes is { } changes)
        {
            return changes.Milestones
                .Where(c => c.NewStatus == MilestoneStatus.Complete && c.Kind is ChangeKinds.StatusChanged or ChangeKinds.Added)
                .Select(c => (c.ProjectId, c.MilestoneId))
                .ToHashSet();
        }

        var start = from ?? asOf.AddMonths(-MonthsWhenNoNextMeeting);
        return request.Snapshot.State.Milestones
            .Where(m => m.Status == MilestoneStatus.Complete && m.Window.Overlaps(start, asOf))
            .Select(m => (m.ProjectId, m.Id))
            .ToHashSet();
    }

    /// <summary>The projects the report covers: every project that is not closed, in programme order.</summary>
    public static IReadOnlyList<ProjectView> Reported(ProgrammeState state) => state.Projects.Where(p => p.Status != ProjectStatus.Closed).ToList();

    /// <summary>One line from the project's latest update: the first sentence of its first paragraph, as plain text.</summary>
    public static string Commentary(UpdateView? update)
    {
        var first = (update?.Blocks ?? []).FirstOrDefault(b => b.Type is BlockTypes.Paragraph or BlockTypes.Text && !string.IsNullOrWhiteSpace(b.Text));
        if (first is null)
        {
            return "No update yet.";
        }

        string plain = InlineText.Plain(first.Text);
        int end = plain.IndexOf(". ", StringComparison.Ordinal);
        string sentence = end > 0 ? plain[..(end + 1)] : plain;
        return Validation.SafeText.Shorten(sentence, 240);
    }

    /// <summary>
    /// Each project's direction of travel against the board's previous highlight report: its statuses worked out again,
    /// by today's rule, from the programme that report was made from, as of that report's date.
    /// </summary>
    public static IReadOnlyDictionary<string, DirectionOfTravel> Directions(PaperRequest request, IReadOnlyList<ProjectView> projects,
        IReadOnlyDictionary<string, ProjectRag> now)
    {
        var before = request.Previous?.State;
        var then = request.Previous?.ReportDate ?? request.Previous?.MeetingDate;
        var earlier = new Dictionary<string, ProjectRag>(StringComparer.Ordinal);
        if (before is not null && then is { } asOf)
        {
            var milestones = before.Milestones.ToLookup(m => m.ProjectId, StringComparer.Ordinal);
            foreach (var project in Reported(before))
            {
                earlier[project.Id] = ProjectRag.For(project, milestones[project.Id], asOf, before.Text?.ScheduleToleranceMonths);
            }
        }

        return projects.ToDictionary(p => p.Id,
            p => DirectionOfTravel.Between(request.Previous is not null, earlier.GetValueOrDefault(p.Id), now[p.Id], previousKept: before is not null),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// A milestone under "Slipped against baseline": its slippage against the current baseline, how far beyond the
    /// tolerance, and the board's latest decision that moved the baseline, with the first baseline when it moved more
    /// than once.
    /// </summary>
    public static string SlippedLine(MilestoneView milestone, int? toleranceMonths)
    {
        string line = Slippage.Of(milestone) is { } slipped
            ? slipped.MonthsOver(toleranceMonths) is { } over
                ? $"{milestone.Activity}: {slipped.Words()}; {Slippage.MonthWords(over)} beyond the tolerance (an exception)"
                : $"{milestone.Activity}: {slipped.Words()}"
            : $"{milestone.Activity}: on its baseline ({milestone.BaselineDue})";
        if (milestone.Rebaselines is { Count: > 0 } decisions)
        {
            line += $"; {decisions[^1].Words()}" + (decisions.Count > 1 ? $" (first baseline {decisions[0].Was})" : string.Empty);
        }

        return line;
    }

    /// <summary>"Amber/Red: the new provider starts late." or "not given." </summary>
    public static string ConfidenceWords(ProjectView project) => project.Confidence is { } confidence
        ? $"{DeliveryConfidence.Words(confidence)}: {ProjectRag.Sentence(project.ConfidenceReason)}"
        : "not given.";

    private static ParagraphsField Lines(IEnumerable<string> lines) => ParagraphsField.Lines(lines, whenEmpty: "None.");

    /// <summary>The exceptions, first in the report under their own heading: each milestone slipped beyond its project's tolerance, by how much.</summary>
    private static IEnumerable<OpenXmlElement> Exceptions(BlockWriter writer, ProgrammeText text, IReadOnlyList<ProjectView> projects,
        IReadOnlyDictionary<string, ProjectRag> rags)
    {
        yield return writer.Heading(2, "Exceptions beyond tolerance");
        var lines = projects.SelectMany(p => rags[p.Id].Exceptions.Select(e =>
            $"{p.Name}: {e.Slippage.Milestone.Activity} has {e.Slippage.Words()}, against a tolerance of {Slippage.MonthWords(rags[p.Id].ToleranceMonths ?? 0)}: " +
            $"{Slippage.MonthWords(e.MonthsOver)} over.")).ToList();
        if (lines.Count == 0)
        {
            bool anyTolerance = text.ScheduleToleranceMonths is not null || projects.Any(p => p.ToleranceMonths is not null);
            lines.Add(anyTolerance ? "None: no open milestone has slipped beyond its tolerance." : "None: no schedule tolerance is set, so no slippage is an exception.");
        }

        foreach (string line in lines)
        {
            yield return DocumentBuilder.TextLine(line, DocumentBuilder.BulletStyle);
        }
    }

    /// <summary>
    /// The open issues of the issues log, per project in programme order (project, issue, raised, owner, action), and each
    /// project's benefits with the indicators that measure them and their trend (<see cref="IndicatorTrend"/>).
    /// </summary>
    private static IEnumerable<OpenXmlElement> IssuesAndBenefits(BlockWriter writer, ProgrammeText text, IReadOnlyList<ProjectView> projects,
        IReadOnlyList<IndicatorView> indicators)
    {
        var order = projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var names = projects.ToDictionary(p => p.Id, p => p.Name ?? p.Id, StringComparer.Ordinal);
        int Rank(string? projectId) => projectId is not null && order.TryGetValue(projectId, out int at) ? at : int.MaxValue;
        string Name(string? projectId) => projectId is not null && names.TryGetValue(projectId, out string? name) ? name : projectId ?? "–";

        yield return writer.Heading(2, "Open issues");
        var open = (text.IssueLog ?? []).Where(i => i.Status == IssueStatus.Open).OrderBy(i => Rank(i.ProjectId)).ThenBy(i => i.Raised).ToList();
        if (open.Count == 0)
        {
            yield return DocumentBuilder.TextLine("No issue is open.", "Normal");
        }
        else
        {
            var table = DocumentBuilder.Table(IssueWidths, DocumentBuilder.HeaderRow(IssueWidths, "Project", "Issue", "Raised", "Owner", "Action"));
            foreach (var issue in open)
            {
                table.AppendChild(DocumentBuilder.Row(
                    DocumentBuilder.Cell(IssueWidths[0], DocumentBuilder.TextLine(Name(issue.ProjectId), bold: true)),
                    DocumentBuilder.Cell(IssueWidths[1], DocumentBuilder.TextLine(issue.Description)),
                    DocumentBuilder.Cell(IssueWidths[2], DocumentBuilder.TextLine(issue.Raised is { } raised ? PaperComposer.LongDate(raised) : "–")),
                    DocumentBuilder.Cell(IssueWidths[3], DocumentBuilder.TextLine(issue.Owner ?? "–")),
                    DocumentBuilder.Cell(IssueWidths[4], DocumentBuilder.TextLine(issue.Action ?? "–"))));
            }

            yield return table;
        }

        yield return writer.Heading(2, "Benefits and how they are measured");
        var benefits = (text.Benefits ?? []).OrderBy(b => Rank(b.ProjectId)).ToList();
        if (benefits.Count == 0)
        {
            yield return DocumentBuilder.TextLine("No benefits are recorded.", "Normal");
            yield break;
        }

        var byId = indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var benefitTable = DocumentBuilder.Table(BenefitWidths, DocumentBuilder.HeaderRow(BenefitWidths, "Project", "Benefit", "Indicators and trend"));
        foreach (var benefit in benefits)
        {
            var measures = (benefit.Indicators ?? []).Select(id => byId.TryGetValue(id, out var indicator)
                ? DocumentBuilder.TextLine($"{IndicatorChart.Title(indicator)}: {IndicatorTrend.Of(indicator).Words}")
                : DocumentBuilder.TextLine($"{id}: no longer recorded")).ToList();
            if (measures.Count == 0)
            {
                measures.Add(DocumentBuilder.TextLine("No indicator measures it yet."));
            }

            benefitTable.AppendChild(DocumentBuilder.Row(
                DocumentBuilder.Cell(BenefitWidths[0], DocumentBuilder.TextLine(Name(benefit.ProjectId), bold: true)),
                DocumentBuilder.Cell(BenefitWidths[1], DocumentBuilder.TextLine(benefit.Text)),
                DocumentBuilder.Cell(BenefitWidths[2], [.. measures])));
        }

        yield return benefitTable;
    }

    /// <summary>The board's open actions due before its next meeting (or the period's end), as a list under its own heading.</summary>
    private static IEnumerable<OpenXmlElement> DueActions(BlockWriter writer, IReadOnlyList<Programme.Outcomes.CarriedAction> actions, DateOnly until)
    {
        var due = Programme.Outcomes.CarriedActions.DueBy(actions, until);
        if (due.Count == 0)
        {
            yield break;
        }

        yield return writer.Heading(2, $"Actions due by {PaperComposer.LongDate(until)}");
        foreach (var c in due)
        {
            yield return DocumentBuilder.TextLine($"{c.Action.Text} ({c.Action.Owner}, due {c.Action.Due}; {ActionsSection.Status(c).ToLowerInvariant()})",
                DocumentBuilder.BulletStyle);
        }
    }

    private sealed record StatusRow(ProjectView Project, ProjectRag Rag, DirectionOfTravel Direction, string Commentary);

    /// <summary>
    /// The status summary: project, RAG (the word, and the cell shaded in its colour), the lead's delivery confidence, the
    /// direction of travel (a word and a symbol), and the commentary.
    /// </summary>
    private static Table StatusTable(IReadOnlyList<StatusRow> rows)
    {
        var table = DocumentBuilder.Table(StatusWidths, DocumentBuilder.HeaderRow(StatusWidths, "Project", "Status", "Delivery confidence", "Direction", "Commentary"));
        foreach (var (project, rag, direction, commentary) in rows)
        {
            var status = new List<OpenXmlElement> { DocumentBuilder.TextLine(Rag.Words(rag.Reported), bold: true) };
            if (rag.Override is not null)
            {
                status.Add(DocumentBuilder.TextLine($"Reported by the lead; derived: {Rag.Words(rag.Derived)}"));
            }

            if (rag.Derived is not null)
            {
                status.Add(DocumentBuilder.TextLine(PaperComposer.Capitalised(rag.Why())));
            }

            var confidence = project.Confidence is { } level
                ? new[] { DocumentBuilder.TextLine(DeliveryConfidence.Words(level), bold: true), DocumentBuilder.TextLine(project.ConfidenceReason) }
                : [DocumentBuilder.TextLine("Not given")];
            table.AppendChild(DocumentBuilder.Row(
                DocumentBuilder.Cell(StatusWidths[0], DocumentBuilder.TextLine(project.Name ?? project.Id, bold: true)),
                DocumentBuilder.SpanningCell(StatusWidths[1], 1, Rag.Shade(rag.Reported), [.. status]),
                DocumentBuilder.Cell(StatusWidths[2], confidence),
                DocumentBuilder.Cell(StatusWidths[3], DocumentBuilder.TextLine(direction.Words())),
                DocumentBuilder.Cell(StatusWidths[4], DocumentBuilder.TextLine(commentary))));
        }

        return table;
    }
}
