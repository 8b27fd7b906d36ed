using DocumentFormat.OpenXml;
using FactFunctions.Programme;
using T = FactFunctions.Reports.TemplateTags;

namespace FactFunctions.Reports;

/// <summary>
/// The Children's Select Committee paper, modelled on the October 2022 seed: a cover (executive summary, proposal,
/// reason), then numbered paragraphs through background, the priority projects' updates, governance, the Key
/// milestones table and the council's standing sections.
/// </summary>
public sealed class SelectCommitteePaper : PaperDefinition
{
private static readonly int[] MilestoneWidths = [6400, 3238];
    private static readonly int[] RiskWidths = [700, 8938];
    private static readonly int[] MitigatedRiskWidths = [700, 4469, 4469];

    public override string Kind => PaperKinds.SelectCommittee;

    public override string Committee => "Children’s Select Committee";

    public override string Audience => Programme.Audience.SelectCommittee;

    public override IReadOnlySet<string> RequiredTags { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        T.CommitteeName, T.MeetingDate, T.Title, T.PreviousReport, T.AuthorName, T.AuthorRole, T.AuthorEmail, T.DirectorName, T.DirectorRole, T.ReportDate,
        T.ExecutiveSummary, T.ReasonForProposal, T.Purpose, T.Background, T.Principles, T.Governance, T.Safeguarding, T.PublicHealth, T.Procurement,
        T.Equalities, T.Environmental, T.Financial, T.Legal, T.Options, T.Conclusion, T.BackgroundPapers, T.Appendices, T.MilestonesIntro,
        T.Projects, T.ProjectName, T.ProjectParagraphs, T.ProjectIndicators,
        T.MilestoneGroups, T.GroupName, T.GroupMilestones, T.MilestoneActivity, T.MilestoneDue,
        T.RisksIfNotTaken, T.RisksIfTaken, T.RiskNumber, T.RiskDescription, T.RiskMitigation,
        T.ChangesAnnex, T.ChangesSince, T.ChangesItems,
    };

    public override byte[] BuildTemplate()
    {
        var b = new DocumentBuilder($"Template for the FACT paper to the {Committee}");
        const string N = DocumentBuilder.NumberedStyle;
        const string L = DocumentBuilder.LetteredStyle;
        const string Bullet = DocumentBuilder.BulletStyle;

        // Cover part.
        b.Add(BuiltInTemplates.Masthead(b));
        b.Add(
            b.Line(DocumentBuilder.CoverLabelStyle, "Subject: ", b.TextControl(T.Title)),
            b.Heading(1, "Executive summary"),
            b.ParagraphsControl(T.ExecutiveSummary, "Normal"),
            b.Heading(1, "Proposal"),
            b.Plain("That the committee:"),
            b.Line("Normal", "1. Notes the updates since the last report to ", b.TextControl(T.CommitteeName), " in ", b.TextControl(T.PreviousReport)),
            b.Heading(1, "Reason for proposal"),
            b.ParagraphsControl(T.ReasonForProposal, "Normal"),
            b.Line("Normal", "Author: ", b.TextControl(T.AuthorName), ", ", b.TextControl(T.AuthorRole)),
            b.Line("Normal", "Contact details: ", b.TextControl(T.AuthorEmail)),
            b.PageBreak());

        // Body: paragraphs numbered continuously by one Word list across all sections.
        b.Add(
            b.Line("Title", b.TextControl(T.Title)),
            b.Heading(1, "Purpose of report"),
            b.ParagraphsControl(T.Purpose, N, L),
            b.Heading(1, "Background"),
            b.ParagraphsControl(T.Background, N, L),
            b.Styled(N, "The programme’s driving principles are:"),
            b.ParagraphsControl(T.Principles, Bullet),
            b.Heading(1, "Main considerations for the committee"),
            b.Styled(N, "Updates for each of the priority projects are set out below."),
            b.BlockControl(T.Projects,
                b.Line("Heading2", b.TextControl(T.ProjectName)),
                b.ParagraphsControl(T.ProjectParagraphs, N, L),
                b.BlockControl(T.ProjectIndicators, b.Plain($"«{T.ProjectIndicators}»"))),
            b.Heading(1, "Governance"),
            b.ParagraphsControl(T.Governance, N, L),
            b.Heading(1, "Key milestones"),
            b.ParagraphsControl(T.MilestonesIntro, N),
            b.Table(MilestoneWidths, DocumentBuilder.HeaderRow(MilestoneWidths, "Activity", "Milestone Date"),
                b.RowControl(T.MilestoneGroups,
                    DocumentBuilder.Row(DocumentBuilder.SpanningCell(9638, 2, "D9E2F3", DocumentBuilder.CellLine(b.TextControl(T.GroupName, bold: true)))),
                    b.RowControl(T.GroupMilestones,
                        DocumentBuilder.Row(
                            DocumentBuilder.Cell(MilestoneWidths[0], DocumentBuilder.CellLine(b.TextControl(T.MilestoneActivity))),
                            DocumentBuilder.Cell(MilestoneWidths[1], DocumentBuilder.CellLine(b.TextControl(T.MilestoneDue))))))),
            b.Heading(1, "Safeguarding considerations"),
            b.ParagraphsControl(T.Safeguarding, N, L),
            b.Heading(1, "Public health implications"),
            b.ParagraphsControl(T.PublicHealth, N, L),
            b.Heading(1, "Procurement implications"),
            b.ParagraphsControl(T.Procurement, N, L),
            b.Heading(1, "Equalities impact of the proposal"),
            b.ParagraphsControl(T.Equalities, N, Bullet),
            b.Heading(1, "Environmental and climate change considerations"),
            b.ParagraphsControl(T.Environmental, N, L),
            b.Heading(1, "Risk assessment"),
            b.Styled(N, "Risks that may arise if the proposed decision and related work is not taken:"),
            b.Table(RiskWidths, DocumentBuilder.HeaderRow(RiskWidths, "#", "Risk"),
                b.RowControl(T.RisksIfNotTaken, DocumentBuilder.Row(
                    DocumentBuilder.Cell(RiskWidths[0], DocumentBuilder.CellLine(b.TextControl(T.RiskNumber))),
                    DocumentBuilder.Cell(RiskWidths[1], DocumentBuilder.CellLine(b.TextControl(T.RiskDescription)))))),
            b.Styled(N, "Risks that may arise if the proposed decision is taken and actions that will be taken to manage those risks:"),
            b.Table(MitigatedRiskWidths, DocumentBuilder.HeaderRow(MitigatedRiskWidths, "#", "Risk", "Actions to mitigate"),
                b.RowControl(T.RisksIfTaken, DocumentBuilder.Row(
                    DocumentBuilder.Cell(MitigatedRiskWidths[0], DocumentBuilder.CellLine(b.TextControl(T.RiskNumber))),
                    DocumentBuilder.Cell(MitigatedRiskWidths[1], DocumentBuilder.CellLine(b.TextControl(T.RiskDescription))),
                    DocumentBuilder.Cell(MitigatedRiskWidths[2], DocumentBuilder.CellLine(b.TextControl(T.RiskMitigation)))))),
            b.Heading(1, "Financial implications"),
            b.ParagraphsControl(T.Financial, N, L),
            b.Heading(1, "Legal implications"),
            b.ParagraphsControl(T.Legal, N, L),
            b.Heading(1, "Options considered"),
            b.ParagraphsControl(T.Options, N, L),
            b.Heading(1, "Conclusion"),
            b.ParagraphsControl(T.Conclusion, N, L),
            b.Line("Normal", b.TextControl(T.DirectorName, bold: true)),
            b.Line("Normal", b.TextControl(T.DirectorRole)),
            b.Line("Normal", "Report author(s): ", b.TextControl(T.AuthorName), ", ", b.TextControl(T.AuthorRole)),
            b.Line("Normal", "Name and contact details: ", b.TextControl(T.AuthorEmail)),
            b.Line("Normal", "Date of report: ", b.TextControl(T.ReportDate)),
            b.Heading(1, "Background papers"),
            b.Plain("The following unpublished documents have been relied on in the preparation of this report:"),
            b.ParagraphsControl(T.BackgroundPapers, "Normal"),
            b.Heading(1, "Appendices"),
            b.ParagraphsControl(T.Appendices, "Normal"),
            b.BlockControl(T.ChangesAnnex,
                b.PageBreak(),
                b.Heading(1, "Annex: Changes since the last report"),
                b.Line("Normal", "Changes to milestones and indicators since the report of ", b.TextControl(T.ChangesSince), ":"),
                b.ParagraphsControl(T.ChangesItems, Bullet)));

        return b.Save();
    }

    public override FieldSet Compose(PaperRequest request)
    {
        var state = request.Snapshot.State;
        var text = state.Text ?? new ProgrammeText();
        var fields = PaperComposer.Common(request, text.PreviousReports?.SelectCommittee)
            .Set(T.ExecutiveSummary, ParagraphsField.Of(text.ExecutiveSummary))
            .Set(T.ReasonForProposal, ParagraphsField.Of(text.ReasonForProposal))
            .Set(T.Purpose, ParagraphsField.Of(text.Purpose))
            .Set(T.Background, ParagraphsField.Of(text.Background))
            .Set(T.Governance, ParagraphsField.Of(text.Governance))
            .Set(T.Safeguarding, ParagraphsField.Of(text.Safeguarding))
            .Set(T.PublicHealth, ParagraphsField.Of(text.PublicHealth))
            .Set(T.Procurement, ParagraphsField.Of(text.Procurement))
            .Set(T.Equalities, ParagraphsField.Of(text.Equalities))
            .Set(T.Environmental, ParagraphsField.Of(text.Environmental))
            .Set(T.Financial, ParagraphsField.Of(text.Financial))
            .Set(T.Legal, ParagraphsField.Of(text.Legal))
            .Set(T.Options, ParagraphsField.Of(text.Options))
            .Set(T.Conclusion, ParagraphsField.Of(text.Conclusion))
            .Set(T.BackgroundPapers, ParagraphsField.Lines(text.BackgroundPapers))
            .Set(T.Appendices, ParagraphsField.Lines(text.Appendices))
            .Set(T.MilestonesIntro, ParagraphsField.Lines(["The programme has a number of key milestones over the next 12-18 months across the various projects and these are set out below:"]));

        var indicators = state.Indicators.ToLookup(i => i.ProjectId ?? string.Empty, StringComparer.Ordinal);
        var updates = PaperComposer.UpdatesFor(request, Audience);
        fields.Set(T.Projects, new RepeatField(state.Projects
            .Where(p => updates[p.Id].Any() || indicators[p.Id].Any(i => i.Values?.Count > 0))
            .Select(p => new FieldSet(fields)
                .Text(T.ProjectName, p.Name)
                .Set(T.ProjectParagraphs, new ParagraphsField(updates[p.Id].SelectMany(u => u.Paragraphs ?? []).ToList(), WhenEmpty: null))
                .Set(T.ProjectIndicators, new ElementsField(IndicatorTable.For(indicators[p.Id].ToList()))))
            .ToList()));

        fields.Set(T.MilestoneGroups, new RepeatField(PaperComposer.KeyMilestones(request)
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
}
