using DocumentFormat.OpenXml;
using T = FactFunctions.Reports.TemplateTags;

namespace FactFunctions.Reports;

/// <summary>
/// The built-in templates, made in code to look like the seed papers. A programme lead can download one, restyle it
/// in Word (the content controls survive) and upload it as an override.
/// </summary>
public static class BuiltInTemplates
{
    private static readonly Lazy<byte[]> SelectCommitteeBytes = new(() => Build(PaperKinds.SelectCommittee));
    private static readonly Lazy<byte[]> SchoolsForumBytes = new(() => Build(PaperKinds.SchoolsForum));

    /// <summary>Builds the template afresh (the cached bytes come from here).</summary>
    internal static byte[] Build(string kind) => kind == PaperKinds.SelectCommittee ? BuildSelectCommittee() : BuildSchoolsForum();

    public static byte[] For(string kind) => kind switch
    {
        PaperKinds.SelectCommittee => SelectCommitteeBytes.Value,
        PaperKinds.SchoolsForum => SchoolsForumBytes.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown paper kind."),
    };

    /// <summary>A version name that changes whenever the built-in template's bytes do.</summary>
    public static string Version(string kind) =>
        "builtin-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(For(kind)))[..12];

    private static readonly int[] MilestoneWidths = [6400, 3238];
    private static readonly int[] RiskWidths = [700, 8938];
    private static readonly int[] MitigatedRiskWidths = [700, 4469, 4469];
    private static readonly int[] PriorityWidths = [2000, 2938, 1200, 2000, 1500];

    private static byte[] BuildSelectCommittee()
    {
        var b = new DocumentBuilder();
        const string N = DocumentBuilder.NumberedStyle;
        const string L = DocumentBuilder.LetteredStyle;
        const string Bullet = DocumentBuilder.BulletStyle;

        // Cover part.
        b.Add(Masthead(b));
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

    /// <summary>The top of both papers: the council, the committee and the meeting date.</summary>
    private static OpenXmlElement[] Masthead(DocumentBuilder b) =>
    [
        b.Styled("Title", "Wiltshire Council"),
        b.Line(DocumentBuilder.CoverLabelStyle, b.TextControl(T.CommitteeName)),
        b.Line("Normal", b.TextControl(T.MeetingDate)),
    ];

    private static byte[] BuildSchoolsForum()
    {
        var b = new DocumentBuilder();
        const string S = DocumentBuilder.SectionStyle;
        const string Bullet = DocumentBuilder.BulletStyle;

        b.Add(Masthead(b));
        b.Add(
            b.Styled("Title", "FACT: Ambitious Transformation Through Partnership"),
            b.Styled(S, "Purpose of the report"),
            b.ParagraphsControl(T.ForumPurpose, "Normal", Bullet),
            b.Styled(S, "Background"),
            b.ParagraphsControl(T.ForumBackground, "Normal", Bullet),
            b.ParagraphsControl(T.Principles, Bullet),
            b.Styled("Normal", string.Empty),
            b.Plain("Kindness and care manifests in all the little things we do as part of our daily work with children and families. After listening to vulnerable children and families and understanding how it feels to be supported by our partnership of services, we see that kindness and care means:"),
            b.ParagraphsControl(T.KindnessAndCare, Bullet),
            b.Styled(S, "Achievements to date"),
            b.Plain("Some examples of achievements to date for FACT projects:"),
            b.ParagraphsControl(T.Achievements, Bullet),
            b.Line(S, "Update since last report to Schools Forum ", b.TextControl(T.PreviousReport)),
            b.ParagraphsControl(T.ForumUpdate, "Normal", Bullet),
            b.BlockControl(T.Projects,
                b.Line("Heading2", b.TextControl(T.ProjectName)),
                b.ParagraphsControl(T.ProjectParagraphs, "Normal", Bullet)),
            b.Styled(S, "Priority projects"),
            b.ParagraphsControl(T.ForumPriorityProjects, "Normal", Bullet),
            b.Table(PriorityWidths, DocumentBuilder.HeaderRow(PriorityWidths, "Project", "Aim", "Status", "Next milestone", "Date"),
                b.RowControl(T.PriorityProjects, DocumentBuilder.Row(
                    DocumentBuilder.Cell(PriorityWidths[0], DocumentBuilder.CellLine(b.TextControl(T.PriorityName, bold: true))),
                    DocumentBuilder.Cell(PriorityWidths[1], DocumentBuilder.CellLine(b.TextControl(T.PriorityAim))),
                    DocumentBuilder.Cell(PriorityWidths[2], DocumentBuilder.CellLine(b.TextControl(T.PriorityStatus))),
                    DocumentBuilder.Cell(PriorityWidths[3], DocumentBuilder.CellLine(b.TextControl(T.PriorityNextMilestone))),
                    DocumentBuilder.Cell(PriorityWidths[4], DocumentBuilder.CellLine(b.TextControl(T.PriorityNextDue)))))),
            b.Styled(S, "Next steps and recommendation"),
            b.ParagraphsControl(T.ForumNextSteps, "Normal", Bullet),
            b.Plain("Schools Forum is asked to note the update."),
            b.Line("Normal", "Report author: ", b.TextControl(T.AuthorName), ", ", b.TextControl(T.AuthorRole), " (", b.TextControl(T.AuthorEmail), ")"),
            b.Line("Normal", "Date of report: ", b.TextControl(T.ReportDate)));

        return b.Save();
    }
}
