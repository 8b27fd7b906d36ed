namespace FactFunctions.Reports.Papers;

/// <summary>
/// The content-control tags a template may use, per paper. A tag names a field; repeating tags hold the tags of
/// their items inside them. Upload validation accepts exactly these.
/// </summary>
public static class TemplateTags
{
    // Text fields (a run is replaced).
    public const string CommitteeName = "meeting.committee";
    public const string MeetingDate = "meeting.date";
    public const string Title = "programme.title";
    public const string PreviousReport = "previousReport.monthYear";
    public const string AuthorName = "author.name";
    public const string AuthorRole = "author.role";
    public const string AuthorEmail = "author.email";
    public const string DirectorName = "director.name";
    public const string DirectorRole = "director.role";
    public const string ReportDate = "report.date";

    // Paragraph lists (the first paragraph inside is the model for each paragraph, the second for list items).
    public const string ExecutiveSummary = "programme.executiveSummary";
    public const string ReasonForProposal = "programme.reasonForProposal";
    public const string Purpose = "programme.purpose";
    public const string Background = "programme.background";
    public const string MainConsiderations = "programme.mainConsiderations";
    public const string FreeSections = "programme.freeSections";
    public const string Principles = "programme.principles";
    public const string KindnessAndCare = "programme.kindnessAndCare";
    public const string Governance = "programme.governance";
    public const string Safeguarding = "programme.safeguarding";
    public const string PublicHealth = "programme.publicHealth";
    public const string Procurement = "programme.procurement";
    public const string Equalities = "programme.equalities";
    public const string Environmental = "programme.environmental";
    public const string Financial = "programme.financial";
    public const string Legal = "programme.legal";
    public const string Options = "programme.options";
    public const string Conclusion = "programme.conclusion";
    public const string BackgroundPapers = "programme.backgroundPapers";
    public const string Appendices = "programme.appendices";
    public const string Achievements = "programme.achievements";
    public const string ForumPurpose = "schoolsForum.purpose";
    public const string ForumBackground = "schoolsForum.background";
    public const string ForumUpdate = "schoolsForum.update";
    public const string ForumPriorityProjects = "schoolsForum.priorityProjects";
    public const string ForumNextSteps = "schoolsForum.nextSteps";
    public const string MilestonesIntro = "milestones.intro";

    // Repeating sections and rows.
    public const string Projects = "projects";
    public const string ProjectName = "project.name";
    public const string ProjectParagraphs = "project.paragraphs";
    public const string ProjectIndicators = "project.indicators";
    public const string ProjectFreeSections = "project.freeSections";

    public const string MilestoneGroups = "milestones.groups";
    public const string GroupName = "group.name";
    public const string GroupMilestones = "group.milestones";
    public const string MilestoneActivity = "milestone.activity";
    public const string MilestoneDue = "milestone.due";

    public const string RisksIfNotTaken = "risks.ifNotTaken";
    public const string RisksIfTaken = "risks.ifTaken";
    public const string RiskNumber = "risk.number";
    public const string RiskDescription = "risk.description";
    public const string RiskMitigation = "risk.mitigation";

    public const string PriorityProjects = "priorityProjects.rows";
    public const string PriorityName = "priority.name";
    public const string PriorityAim = "priority.aim";
    public const string PriorityStatus = "priority.status";
    public const string PriorityNextMilestone = "priority.nextMilestone";
    public const string PriorityNextDue = "priority.nextDue";

    public const string ChangesAnnex = "changes.annex";
    public const string ChangesSince = "changes.since";
    public const string ChangesItems = "changes.items";

    // The highlight report.
    public const string HighlightPeriod = "highlight.period";
    public const string HighlightRagRule = "highlight.ragRule";
    public const string HighlightStatusTable = "highlight.statusTable";
    public const string HighlightProjects = "highlight.projects";
    public const string HighlightProjectStatus = "highlightProject.status";
    public const string HighlightCompleted = "highlightProject.completed";
    public const string HighlightDueHeading = "highlightProject.dueHeading";
    public const string HighlightDue = "highlightProject.due";
    public const string HighlightOverdue = "highlightProject.overdue";
    public const string HighlightSlipped = "highlightProject.slipped";
    public const string HighlightCharts = "highlight.charts";
    public const string RiskRegister = "riskRegister.rows";
    public const string RiskRating = "risk.rating";
    public const string RiskOwner = "risk.owner";
    public const string DecisionsRequested = "programme.decisionsRequested";
    public const string HighlightChanges = "highlight.changes";

    /// <summary>Optional in the Select Committee paper: charts of a project's indicators, when the request asks for them.</summary>
    public const string ProjectIndicatorCharts = "project.indicatorCharts";

    /// <summary>The tags a template of <paramref name="kind"/> must contain (its definition's); an unknown kind throws.</summary>
    public static IReadOnlySet<string> Required(string kind) => PaperDefinitions.Get(kind).RequiredTags;

    /// <summary>Tags that only mean something inside a repeating control, and which repeats they may sit in.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ItemParents = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ProjectName] = [Projects, HighlightProjects],
        [ProjectParagraphs] = [Projects],
        [ProjectIndicators] = [Projects],
        [ProjectFreeSections] = [Projects],
        [ProjectIndicatorCharts] = [Projects],
        [HighlightProjectStatus] = [HighlightProjects],
        [HighlightCompleted] = [HighlightProjects],
        [HighlightDueHeading] = [HighlightProjects],
        [HighlightDue] = [HighlightProjects],
        [HighlightOverdue] = [HighlightProjects],
        [HighlightSlipped] = [HighlightProjects],
        [GroupName] = [MilestoneGroups],
        [GroupMilestones] = [MilestoneGroups],
        [MilestoneActivity] = [GroupMilestones],
        [MilestoneDue] = [GroupMilestones],
        [RiskNumber] = [RisksIfNotTaken, RisksIfTaken, RiskRegister],
        [RiskDescription] = [RisksIfNotTaken, RisksIfTaken, RiskRegister],
        [RiskMitigation] = [RisksIfTaken, RiskRegister],
        [RiskRating] = [RiskRegister],
        [RiskOwner] = [RiskRegister],
        [PriorityName] = [PriorityProjects],
        [PriorityAim] = [PriorityProjects],
        [PriorityStatus] = [PriorityProjects],
        [PriorityNextMilestone] = [PriorityProjects],
        [PriorityNextDue] = [PriorityProjects],
        [ChangesSince] = [ChangesAnnex],
        [ChangesItems] = [ChangesAnnex],
    };

    /// <summary>Every tag the renderer knows: a template may use any of them, so a restyled paper may add optional fields.</summary>
    public static readonly IReadOnlySet<string> Known = typeof(TemplateTags)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}
