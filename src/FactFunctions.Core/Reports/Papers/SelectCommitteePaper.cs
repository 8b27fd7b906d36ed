using DocumentFormat.OpenXml;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports.Word;
using T = FactFunctions.Reports.Papers.TemplateTags;

namespace FactFunctions.Reports.Papers;

/// <summary>
/// The Children's Select Committee paper, modelled on the October 2022 seed: a cover (executive summary, proposal,
/// reason), then numbered paragraphs through background, the priority projects' updates, governance, the Key
/// milestones table and the council's standing sections.
/// </summary>
public sealed class SelectCommitteePaper : WordPaper
{
    private static readonly int[] MilestoneWidths = [6400, 3238];
    private static readonly int[] RiskWidths = [700, 8938];
    private static readonly int[] MitigatedRiskWidths = [700, 4469, 4469];

    public override string Kind => PaperKinds.SelectCommittee;

    public override string Committee => "Children’s Select Committee";

    public override string Audience => Programme.Audience.SelectCommittee;

    public override bool ChartsOnRequest => true;

    public override IReadOnlySet<string> RequiredTags { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        T.CommitteeName, T.MeetingDate, T.Title, T.PreviousReport, T.AuthorName, T.AuthorRole, T.AuthorEmail, T.DirectorName, T.DirectorRole, T.ReportDate,
        T.ExecutiveSummary, T.ReasonForProposal, T.Purpose, T.Background, T.MainConsiderations, T.FreeSections, T.Governance,
        T.Safeguarding, T.PublicHealth, T.Procurement, T.Equalities, T.Environmental, T.Financial, T.Legal, T.Options, T.Conclusion,
        T.BackgroundPapers, T.Appendices, T.MilestonesIntro,
        T.Projects, T.ProjectName, T.ProjectParagraphs, T.ProjectIndicators, T.ProjectFreeSections,
        T.MilestoneGroups, T.GroupName, T.GroupMilestones, T.MilestoneActivity, T.MilestoneDue,
        T.RisksIfNotTaken, T.RisksIfTaken, T.RiskNumber, T.RiskDescription, T.RiskMitigation,
        T.ChangesAnnex, T.ChangesSince, T.ChangesItems,
    };

    /// <summary>
    /// The council's standing sections after the Key milestones, in the council's order and with its names; each is
    /// left out when it has nothing to say (the seed prints no procurement or public health section of its own).
    /// </summary>
    private static readonly (string Tag, string Heading, Func<ProgrammeText, IReadOnlyList<Block>?> Blocks)[] StandingBeforeRisks =
    [
        (T.Safeguarding, "Safeguarding Considerations", t => t.Safeguarding),
        (T.PublicHealth, "Public health implications", t => t.PublicHealth),
        (T.Procurement, "Procurement implications", t => t.Procurement),
        (T.Environmental, "Environmental impact of the proposal", t => t.Environmental),
        (T.Equalities, "Equality and diversity impact of the proposal", t => t.Equalities),
    ];

    private static readonly (string Tag, string Heading, Func<ProgrammeText, IReadOnlyList<Block>?> Blocks)[] StandingAfterRisks =
    [
        (T.Financial, "Financial implications", t => t.Financial),
        (T.Legal, "Legal implications", t => t.Legal),
        (T.Options, "Options considered", t => t.Options),
    ];

    public override byte[] BuildTemplate()
    {
        var b = new DocumentBuilder($"Template for the FACT paper to the {Committee}");
        const string N = DocumentBuilder.NumberedStyle;

        // Cover part.
        b.Add(BuiltInTemplates.Masthead(b));
        b.Add(
            b.Line(DocumentBuilder.CoverLabelStyle, "Subject: ", b.TextControl(T.Title)),
            b.Heading(1, "Executive summary"),
            b.BlockControl(T.ExecutiveSummary, b.Plain($"«{T.ExecutiveSummary}»")),
            b.Heading(1, "Proposal"),
            b.Plain("That the committee:"),
            b.Line("Normal", "1. Notes the updates since the last report to ", b.TextControl(T.CommitteeName), " in ", b.TextControl(T.PreviousReport)),
            b.Heading(1, "Reason for proposal"),
            b.BlockControl(T.ReasonForProposal, b.Plain($"«{T.ReasonForProposal}»")),
            b.Line("Normal", "Author: ", b.TextControl(T.AuthorName), ", ", b.TextControl(T.AuthorRole)),
            b.Line("Normal", "Contact details: ", b.TextControl(T.AuthorEmail)),
            b.PageBreak());

        // Body: paragraphs numbered continuously by one Word list across all sections.
        b.Add(
            b.Line("Title", b.TextControl(T.Title)),
            b.Heading(1, "Purpose of report"),
            b.BlockControl(T.Purpose, b.Plain($"«{T.Purpose}»")),
            b.Heading(1, "Background"),
            b.BlockControl(T.Background, b.Plain($"«{T.Background}»")),
            b.Heading(1, "Main considerations for the committee"),
            b.BlockControl(T.MainConsiderations, b.Plain($"«{T.MainConsiderations}»")),
            b.BlockControl(T.Projects,
                b.Line("Heading2", b.TextControl(T.ProjectName)),
                b.BlockControl(T.ProjectParagraphs, b.Plain($"«{T.ProjectParagraphs}»")),
                b.BlockControl(T.ProjectIndicators, b.Plain($"«{T.ProjectIndicators}»")),
                b.BlockControl(T.ProjectIndicatorCharts, b.Plain($"«{T.ProjectIndicatorCharts}»")),
                b.BlockControl(T.ProjectFreeSections, b.Plain($"«{T.ProjectFreeSections}»"))),
            b.BlockControl(T.FreeSections, b.Plain($"«{T.FreeSections}»")),
            b.Heading(1, "Governance"),
            b.BlockControl(T.Governance, b.Plain($"«{T.Governance}»")),
            b.Heading(1, "Key milestones"),
            b.ParagraphsControl(T.MilestonesIntro, N),
            DocumentBuilder.Table(MilestoneWidths, DocumentBuilder.HeaderRow(MilestoneWidths, "Activity", "Milestone Date"),
                b.RowControl(T.MilestoneGroups,
                    DocumentBuilder.Row(DocumentBuilder.SpanningCell(9638, 2, "D9E2F3", DocumentBuilder.CellLine(b.TextControl(T.GroupName, bold: true)))),
                    b.RowControl(T.GroupMilestones,
                        DocumentBuilder.Row(
                            DocumentBuilder.Cell(MilestoneWidths[0], DocumentBuilder.CellLine(b.TextControl(T.MilestoneActivity))),
                            DocumentBuilder.Cell(MilestoneWidths[1], DocumentBuilder.CellLine(b.TextControl(T.MilestoneDue))))))));
        b.Add([.. StandingBeforeRisks.Select(section => b.BlockControl(section.Tag, b.Plain($"«{section.Tag}»")))]);
        b.Add(
            b.Heading(1, "Risk assessment"),
            b.Styled(N, "Risks that may arise if the proposed decision and related work is not taken:"),
            DocumentBuilder.Table(RiskWidths, DocumentBuilder.HeaderRow(RiskWidths, "#", "Risk"),
                b.RowControl(T.RisksIfNotTaken, DocumentBuilder.Row(
                    DocumentBuilder.Cell(RiskWidths[0], DocumentBuilder.CellLine(b.TextControl(T.RiskNumber))),
                    DocumentBuilder.Cell(RiskWidths[1], DocumentBuilder.CellLine(b.TextControl(T.RiskDescription)))))),
            b.Styled(N, "Risks that may arise if the proposed decision is taken and actions that will be taken to manage those risks"),
            DocumentBuilder.Table(MitigatedRiskWidths, DocumentBuilder.HeaderRow(MitigatedRiskWidths, "#", "Risk", "Actions to Mitigate"),
                b.RowControl(T.RisksIfTaken, DocumentBuilder.Row(
                    DocumentBuilder.Cell(MitigatedRiskWidths[0], DocumentBuilder.CellLine(b.TextControl(T.RiskNumber))),
                    DocumentBuilder.Cell(MitigatedRiskWidths[1], DocumentBuilder.CellLine(b.TextControl(T.RiskDescription))),
                    DocumentBuilder.Cell(MitigatedRiskWidths[2], DocumentBuilder.CellLine(b.TextControl(T.RiskMitigation)))))));
        b.Add([.. StandingAfterRisks.Select(section => b.BlockControl(section.Tag, b.Plain($"«{section.Tag}»")))]);
        b.Add(
            b.Heading(1, "Conclusion"),
            b.BlockControl(T.Conclusion, b.Plain($"«{T.Conclusion}»")),
            b.Line("Normal", b.TextControl(T.DirectorName, bold: true)),
            b.Line("Normal", b.TextControl(T.DirectorRole)),
            b.Line("Normal", "Report author(s): ", b.TextControl(T.AuthorName), ", ", b.TextControl(T.AuthorRole)),
            b.Line("Normal", "Name and contact details: ", b.TextControl(T.AuthorEmail)),
            b.Line("Normal", "Date of report: ", b.TextControl(T.ReportDate)),
            b.Heading(1, "Background papers"),
            b.Line("Normal", "The following unpublished documents have been relied on in the preparation of this report: ", b.TextControl(T.BackgroundPapers)),
            b.Heading(1, "Appendices"),
            b.BlockControl(T.Appendices, b.Plain($"«{T.Appendices}»")),
            b.BlockControl(T.ChangesAnnex,
                b.PageBreak(),
                b.Heading(1, "Annex: Changes since the last report"),
                b.Line("Normal", "Changes to milestones and indicators since the report of ", b.TextControl(T.ChangesSince), ":"),
                b.ParagraphsControl(T.ChangesItems, DocumentBuilder.BulletStyle)));

        return b.Save();
    }

    public override FieldSet Compose(PaperRequest request)
    {
        var state = request.Snapshot.State;
        var text = state.Text ?? new ProgrammeText();
        var fields = PaperComposer.Common(request, text.PreviousReports?.SelectCommittee);
        var writer = new BlockWriter(fields.Package, request.Images);
        var cover = new BlockPlace(Numbered: false, SubheadingLevel: 2);
        var body = new BlockPlace(Numbered: true, SubheadingLevel: 2);
        var update = new BlockPlace(Numbered: true, SubheadingLevel: 3);

        fields
            .Set(T.ExecutiveSummary, writer.RegionField(DraftRegion.Text(T.ExecutiveSummary, "Executive summary", cover), text.ExecutiveSummary))
            .Set(T.ReasonForProposal, writer.RegionField(DraftRegion.Text(T.ReasonForProposal, "Reason for proposal", cover), text.ReasonForProposal))
            .Set(T.Purpose, writer.RegionField(DraftRegion.Text(T.Purpose, "Purpose of report", body), text.Purpose))
            .Set(T.Background, writer.RegionField(DraftRegion.Text(T.Background, "Background", body), text.Background))
            .Set(T.MainConsiderations, new ElementsField(
            [
                .. writer.Region(DraftRegion.Text(T.MainConsiderations, "Main considerations for the committee", body), text.MainConsiderations),
                .. ActionsSection.Elements(writer, PaperComposer.Actions(request), headingLevel: 2),
            ]));

        // Free sections after a project's update go with that project; the rest after every update.
        var projectIds = state.Projects.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var free = (text.FreeSections ?? []).Select((section, index) => (Section: section, Index: index))
            .ToLookup(f => f.Section.After is { } after && projectIds.Contains(after) ? after : string.Empty, StringComparer.Ordinal);
        IReadOnlyList<OpenXmlElement> Free(string key) =>
            [.. free[key].SelectMany(f => writer.Region(DraftRegion.Free(text.FreeSections!, f.Index, body), f.Section.Blocks))];
        var indicators = state.Indicators.ToLookup(i => i.ProjectId ?? string.Empty, StringComparer.Ordinal);
        var updates = PaperComposer.UpdatesFor(request, Audience);
        fields.Set(T.Projects, new RepeatField(state.Projects
            .Where(p => updates[p.Id].Any() || indicators[p.Id].Any(i => i.Values?.Count > 0) || (writer.IsDraft && ProjectStatus.InDelivery(p.Status)))
            .Select(p => new FieldSet(fields)
                .Text(T.ProjectName, p.Name)
                .Set(T.ProjectParagraphs, new ElementsField(PaperComposer.UpdateRegions(writer, request, p, [.. updates[p.Id]], update)))
                .Set(T.ProjectIndicators, new ElementsField(IndicatorTable.For(indicators[p.Id].ToList())))
                .Set(T.ProjectIndicatorCharts, new ElementsField(request.IndicatorCharts
                    ? [.. indicators[p.Id].SelectMany(i => IndicatorChart.Elements(i, fields.Package))]
                    : []))
                .Set(T.ProjectFreeSections, new ElementsField(Free(p.Id))))
            .ToList()));
        fields.Set(T.FreeSections, new ElementsField(Free(string.Empty)));
        fields.Set(T.Governance, writer.RegionField(DraftRegion.Text(T.Governance, "Governance", body), text.Governance));

        foreach (var (tag, heading, blocks) in StandingBeforeRisks.Concat(StandingAfterRisks))
        {
            var content = blocks(text) ?? [];
            fields.Set(tag, new ElementsField(content.Count == 0 && !writer.IsDraft
                ? []
                : [writer.Heading(1, heading), .. writer.Region(DraftRegion.Text(tag, heading, body), content)]));
        }

        fields
            .Set(T.Conclusion, writer.RegionField(DraftRegion.Text(T.Conclusion, "Conclusion", body), text.Conclusion))
            .Text(T.BackgroundPapers, text.BackgroundPapers is { Count: > 0 } papers ? string.Join("; ", papers) : "None")
            .Set(T.Appendices, writer.RegionField(DraftRegion.Text(T.Appendices, "Appendices", cover), text.Appendices));
        if (text.Author?.Email is { Length: > 0 } email && Uri.TryCreate("mailto:" + email, UriKind.Absolute, out var mailto))
        {
            fields.Set(T.AuthorEmail, new LinkField(email, fields.Package.Hyperlink(mailto)));
        }

        var rows = PaperComposer.KeyMilestones(request);
        fields.Set(T.MilestonesIntro, ParagraphsField.Lines([MilestonesIntro(request, rows)]));
        fields.Set(T.MilestoneGroups, new RepeatField(rows
            .Select(group => new FieldSet(fields)
                .Text(T.GroupName, group.Project.Name)
                .Set(T.GroupMilestones, new RepeatField(group.Rows
                    .Select(row => new FieldSet(fields)
                        .Text(T.MilestoneActivity, row.Milestone.Activity)
                        .Text(T.MilestoneDue, row.Overdue ? $"{row.Milestone.Due} (overdue)" : row.Milestone.Due))
                    .ToList())))
            .ToList()));

        fields.Set(T.RisksIfNotTaken, PaperComposer.Risks(fields, text.Risks?.IfNotTaken));
        fields.Set(T.RisksIfTaken, PaperComposer.Risks(fields, text.Risks?.IfTaken));

        var annex = new List<FieldSet>();
        if (request.Previous is { } previous && request.Changes is { } changes)
        {
            var lines = changes.Summary().ToList();
            annex.Add(new FieldSet(fields)
                .Text(T.ChangesSince, PaperComposer.LongDate(previous.MeetingDate))
                .Set(T.ChangesItems, ParagraphsField.Lines(lines, whenEmpty: "No milestones or indicators have changed.")));
        }

        fields.Set(T.ChangesAnnex, new RepeatField(annex));
        return fields;
    }

    /// <summary>
    /// The sentence above the Key milestones table, with the span the rows really cover (from the meeting to the end of
    /// the last row), and what it says about overdue rows: a fact the data knows, never typed.
    /// </summary>
    private static string MilestonesIntro(PaperRequest request, IReadOnlyList<(ProjectView Project, IReadOnlyList<KeyMilestoneRow> Rows)> groups)
    {
        var rows = groups.SelectMany(g => g.Rows).ToList();
        if (rows.Count == 0)
        {
            return "The programme has no key milestones due in the period this report covers.";
        }

        var last = rows.Max(r => r.Milestone.Window.Latest);
        int months = Math.Max(1, ((last.Year - request.MeetingDate.Year) * 12) + last.Month - request.MeetingDate.Month);
        int overdue = rows.Count(r => r.Overdue);
        string lateNote = overdue == 0 ? string.Empty
            : overdue == 1 ? " One milestone whose date has passed is not yet complete; it is marked as overdue."
            : $" {overdue} milestones whose dates have passed are not yet complete; they are marked as overdue.";
        return $"The programme has a number of key milestones over the next {months} months across the various projects and these are set out below:{lateNote}";
    }
}
