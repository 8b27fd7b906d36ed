namespace FactFunctions.Http;

/// <summary>
/// Every HTTP route, relative to the <c>/api</c> base path both hosts use (the Azure Functions default), so
/// LocalHost and the Functions app cannot drift apart.
/// </summary>
public static class Routes
{
    public const string BasePath = "/api";

    /// <summary>The OpenAPI document: generated from the endpoints in LocalHost, embedded in Core for the Functions app.</summary>
    public const string OpenApi = "openapi.json";

    /// <summary>Every other path under the base: one problem+json 404 in both hosts.</summary>
    public const string Fallback = "{*path}";

    public const string Health = "health";
    public const string Projects = "projects";
    public const string Project = "projects/{projectId}";
    public const string Milestone = "projects/{projectId}/milestones/{milestoneId}";
    public const string MilestoneRebaseline = "projects/{projectId}/milestones/{milestoneId}/rebaseline";
    public const string Milestones = "milestones";
    public const string ProjectUpdates = "projects/{projectId}/updates";
    public const string Indicator = "indicators/{indicatorId}";
    public const string IndicatorValue = "indicators/{indicatorId}/values/{period}";
    public const string Programme = "programme";
    public const string Import = "import";
    public const string Export = "export";
    public const string ProgrammeWorkbook = "programme.xlsx";
    public const string Image = "images/{imageId}";

    public const string Snapshots = "snapshots";
    public const string Snapshot = "snapshots/{snapshotId}";
    public const string SnapshotChanges = "snapshots/{snapshotId}/changes";

    public const string Reports = "reports";
    public const string Report = "reports/{reportId}";
    public const string ReportContent = "reports/{reportId}/content";
    public const string ReportHtml = "reports/{reportId}/html";
    public const string ReportImage = "reports/{reportId}/images/{image}";
    public const string ReportApprove = "reports/{reportId}/approve";
    public const string ReportPublish = "reports/{reportId}/publish";
    public const string ReportClearance = "reports/{reportId}/clearance";
    public const string ReportReview = "reports/{reportId}/review/{clearer}";
    public const string Papers = "papers";
    public const string Template = "templates/{kind}";
    public const string Draft = "drafts/{kind}/{meetingDate}";

    public const string Boards = "boards";
    public const string Board = "boards/{boardId}";
    public const string BoardMeetings = "boards/{boardId}/meetings";
    public const string BoardMeeting = "boards/{boardId}/meetings/{date}";
    public const string MeetingOutcome = "boards/{boardId}/meetings/{date}/outcome";
    public const string Calendar = "calendar.ics";
    public const string RemindersRun = "reminders/run";
    public const string Reminders = "reminders";
    public const string ReminderMessage = "reminders/{key}/message";

    /// <summary>
    /// The routes a signed link may open (GET and HEAD): the papers page, a paper's .docx, HTML and the images its HTML
    /// shows, a clearer's review page, the calendar feed. A signature on any other path is not valid, whoever made it.
    /// </summary>
    public static readonly IReadOnlyList<string> SignedLinkRoutes = [Papers, ReportContent, ReportHtml, ReportImage, ReportReview, Calendar];
}
