using T = FactFunctions.Reports.Papers.TemplateTags;

namespace FactFunctions.Reports.Papers;

/// <summary>
/// The titles of a draft's locked controls: every template control whose value is computed from data, with where that
/// data is changed. A person hovering over a locked table in Word reads why it will not change and where to go instead.
/// </summary>
public static class DraftLocks
{
    public const string Milestones = "Key milestones come from the milestones: change them in the workbook (the Milestones sheet).";
    public const string Actions = "Actions come from the boards' decisions: record them with the meeting's outcome, or in the workbook's Actions sheet.";
    public const string EarlierUpdate = "An update written before this meeting's, printed as it is: write this meeting's words in its own update.";
    public const string Count = "This is counted from the projects' statuses: change a status in the workbook (the Projects sheet).";

    private const string Meeting = "The meeting comes from the boards' calendar: change it in the calendar, or ask for a draft for another meeting.";
    private const string StandingText = "This comes from the programme's standing text (PUT /api/programme), not from this paper's words.";
    private const string Projects = "Project names, aims and statuses come from the workbook's Projects sheet.";
    private const string Indicators = "Indicator figures come from the indicators: change them in the workbook (the Indicators and Indicator values sheets).";
    private const string Risks = "Risks come from the programme's standing text (PUT /api/programme), not from this paper's words.";
    private const string Worked = "This is worked out from the data (milestones, statuses, indicators and the last paper); there is nothing to write here.";

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [T.CommitteeName] = Meeting,
        [T.MeetingDate] = Meeting,
        [T.PreviousReport] = Worked,
        [T.ReportDate] = "The date of the report is the one the draft was asked for with (reportDate), or the day it was made.",
        [T.Title] = StandingText,
        [T.AuthorName] = StandingText,
        [T.AuthorRole] = StandingText,
        [T.AuthorEmail] = StandingText,
        [T.DirectorName] = StandingText,
        [T.DirectorRole] = StandingText,
        [T.BackgroundPapers] = StandingText,
        [T.Principles] = StandingText,
        [T.KindnessAndCare] = StandingText,
        [T.Achievements] = "Achievements are the programme's list and the milestones completed: complete a milestone in the workbook.",
        [T.MilestonesIntro] = Milestones,
        [T.MilestoneGroups] = Milestones,
        [T.ProjectName] = Projects,
        [T.PriorityProjects] = Projects,
        [T.ProjectIndicators] = Indicators,
        [T.ProjectIndicatorCharts] = Indicators,
        [T.HighlightCharts] = Indicators,
        [T.RisksIfNotTaken] = Risks,
        [T.RisksIfTaken] = Risks,
        [T.RiskRegister] = Risks,
        [T.ChangesAnnex] = Worked,
        [T.HighlightChanges] = Worked,
        [T.HighlightPeriod] = Worked,
        [T.HighlightRagRule] = Worked,
        [T.HighlightStatusTable] = Worked,
        [T.HighlightProjects] = Worked,
    };

    /// <summary>The locked control's title for a template tag; null when the tag's value is the narrative (or holds it).</summary>
    public static string? TitleOf(string tag) => Titles.GetValueOrDefault(tag);
}
