using FactFunctions.Boards;
using FactFunctions.Email;
using FactFunctions.Http;
using FactFunctions.Images;
using FactFunctions.Programme;
using FactFunctions.Programme.Outcomes;
using FactFunctions.Programme.Workbook;
using FactFunctions.Reminders;
using FactFunctions.Reports;
using FactFunctions.Reports.Clearance;
using FactFunctions.Reports.Drafts;
using FactFunctions.Reports.Publication;
using FactFunctions.Reports.Word;
using FactFunctions.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static FactFunctions.Http.FactRole;

namespace FactFunctions.Api;

/// <summary>
/// The route table: every HTTP operation, its role and handler, once. LocalHost maps it
/// (<see cref="FactEndpoints.MapFactEndpoints"/>), the OpenAPI document is made from it, and the Azure Functions app
/// declares a one-expression <c>[Function]</c> per entry, checked against this list in its generated
/// <c>functions.metadata</c>. A new route is a line here, a handler method, and a function in <c>src/FactFunctions</c>.
/// </summary>
public static class FactRoutes
{
    private const string Json = "application/json";

    public static IReadOnlyList<FactRoute> All { get; } =
    [
        .. Tagged("Operations",
            new FactRoute
            {
                OperationId = "getHealth", Method = HttpMethods.Get, Path = Routes.Health, Role = null, Summary = "Whether the app and its storage answer",
                Handler = (HttpRequest r, HealthHandler h) => h.Handle(r),
                Responses = b => b.Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable),
            }),

        .. Tagged("Programme data",
            Read<List<ProjectView>>(Routes.Projects, Officer, "listProjects", "List the projects with a summary of their milestones",
                (HttpRequest r, ProgrammeHandlers h) => h.ListProjects(r)),
            Read<ProjectView>(Routes.Project, Officer, "getProject", "Get a project with its milestones, updates and indicators",
                (HttpRequest r, string projectId, ProgrammeHandlers h) => h.GetProject(r, projectId)),
            Write<ProjectFields, ProjectView>(HttpMethods.Put, Routes.Project, ProgrammeLead, "putProject", "Create or replace a project",
                (HttpRequest r, string projectId, ProgrammeHandlers h) => h.PutProject(r, projectId)),
            Delete(Routes.Project, ProgrammeLead, "deleteProject", "Delete a project with its milestones and updates",
                (HttpRequest r, string projectId, ProgrammeHandlers h) => h.DeleteProject(r, projectId)),
            Write<MilestoneFields, MilestoneView>(HttpMethods.Put, Routes.Milestone, ProgrammeLead, "putMilestone", "Create or replace a milestone of a project",
                (HttpRequest r, string projectId, string milestoneId, ProgrammeHandlers h) => h.PutMilestone(r, projectId, milestoneId)),
            Delete(Routes.Milestone, ProgrammeLead, "deleteMilestone", "Delete a milestone",
                (HttpRequest r, string projectId, string milestoneId, ProgrammeHandlers h) => h.DeleteMilestone(r, projectId, milestoneId)),
            Write<RebaselineRequest, MilestoneView>(HttpMethods.Post, Routes.MilestoneRebaseline, ProgrammeLead, "rebaselineMilestone",
                "Move a milestone's baseline by a board's decision (the only way it moves), recorded with what it replaced",
                (HttpRequest r, string projectId, string milestoneId, RebaselineHandler h) => h.Rebaseline(r, projectId, milestoneId)),
            Read<List<MilestoneView>>(Routes.Milestones, Officer, "listMilestones", "List milestones across projects, with their parsed windows",
                (HttpRequest r, ProgrammeHandlers h) => h.ListMilestones(r),
                new QueryParameter("dueFrom", "string", "Only milestones whose window ends on or after this date.", "date"),
                new QueryParameter("dueTo", "string", "Only milestones whose window starts on or before this date.", "date"),
                new QueryParameter("status", "string", "Only milestones with this status.", Enum: MilestoneStatus.All),
                new QueryParameter("overdue", "boolean", "Only milestones that are (true) or are not (false) overdue today.")),
            Write<UpdateFields, UpdateView>(HttpMethods.Post, Routes.ProjectUpdates, ProgrammeLead, "addProjectUpdate", "Add a dated narrative update to a project",
                (HttpRequest r, string projectId, ProgrammeHandlers h) => h.AddUpdate(r, projectId)),
            Read<IndicatorView>(Routes.Indicator, Officer, "getIndicator", "Get an indicator with all its values, by period",
                (HttpRequest r, string indicatorId, ProgrammeHandlers h) => h.GetIndicator(r, indicatorId)),
            Write<IndicatorFields, IndicatorView>(HttpMethods.Put, Routes.Indicator, ProgrammeLead, "putIndicator", "Create or replace an indicator",
                (HttpRequest r, string indicatorId, ProgrammeHandlers h) => h.PutIndicator(r, indicatorId)),
            Write<IndicatorValueFields, IndicatorValueView>(HttpMethods.Put, Routes.IndicatorValue, ProgrammeLead, "putIndicatorValue", "Set an indicator's value for a period",
                (HttpRequest r, string indicatorId, string period, ProgrammeHandlers h) => h.PutIndicatorValue(r, indicatorId, period)),
            Read<ProgrammeText>(Routes.Programme, Officer, "getProgramme", "Get the programme's standing text",
                (HttpRequest r, ProgrammeHandlers h) => h.GetProgramme(r)),
            Write<ProgrammeText, ProgrammeText>(HttpMethods.Put, Routes.Programme, ProgrammeLead, "putProgramme", "Replace the programme's standing text",
                (HttpRequest r, ProgrammeHandlers h) => h.PutProgramme(r)),
            Write<ProgrammeDocument, ImportResult>(HttpMethods.Post, Routes.Import, ProgrammeLead, "importProgramme",
                "Import a whole programme document, validated completely first",
                (HttpRequest r, ProgrammeHandlers h) => h.Import(r)),
            Read<ProgrammeDocument>(Routes.Export, Officer, "exportProgramme", "Export the whole programme as an import document",
                (HttpRequest r, ProgrammeHandlers h) => h.Export(r)),
            Content(Routes.ProgrammeWorkbook, Officer, "getProgrammeWorkbook", "Download the programme as an Excel workbook", WorkbookLayout.ContentType,
                (HttpRequest r, WorkbookHandlers h) => h.Get(r)),
            new FactRoute
            {
                OperationId = "putProgrammeWorkbook", Method = HttpMethods.Put, Path = Routes.ProgrammeWorkbook, Role = ProgrammeLead,
                Summary = "Upload an edited workbook, validated whole, applied like an import",
                Handler = (HttpRequest r, WorkbookHandlers h) => h.Put(r),
                Query =
                [
                    new QueryParameter("dryRun", "boolean", "Validate and count the changes without applying them."),
                    new QueryParameter("removeMissing", "boolean", "Delete milestones that are not in the workbook."),
                ],
                Responses = b => b.WithMetadata(new RequestBodyDescription(typeof(byte[]), WorkbookLayout.ContentType)).Produces<WorkbookResult>()
                    .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
                    .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems(),
            },
            new FactRoute
            {
                OperationId = "putImage", Method = HttpMethods.Put, Path = Routes.Image, Role = ProgrammeLead,
                Summary = "Store a diagram (PNG or JPEG) for image blocks; an image never changes once stored",
                Handler = (HttpRequest r, string imageId, ImageHandlers h) => h.Put(r, imageId),
                Responses = b => b.WithMetadata(new RequestBodyDescription(typeof(byte[]), ImageFile.Png))
                    .Produces<ImageInfo>().Produces<ImageInfo>(StatusCodes.Status201Created)
                    .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
                    .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems(),
            },
            Content(Routes.Image, Officer, "getImage", "Download a stored diagram", ImageFile.Png,
                (HttpRequest r, string imageId, ImageHandlers h) => h.Get(r, imageId))),

        .. Tagged("Snapshots",
            Write<SnapshotRequest, SnapshotHeader>(HttpMethods.Post, Routes.Snapshots, ProgrammeLead, "takeSnapshot", "Take a snapshot of the programme now",
                (HttpRequest r, SnapshotHandlers h) => h.Take(r), bodyRequired: false),
            Read<SnapshotPage>(Routes.Snapshots, Officer, "listSnapshots", "List snapshots, newest first, a page at a time",
                (HttpRequest r, SnapshotHandlers h) => h.List(r),
                new QueryParameter("top", "integer", $"How many snapshots per page (1 to {SnapshotHandlers.MaxPageSize})."),
                new QueryParameter("continuation", "string", "The continuation token of the previous page.")),
            Read<SnapshotView>(Routes.Snapshot, Officer, "getSnapshot", "Get the frozen programme of a snapshot",
                (HttpRequest r, string snapshotId, SnapshotHandlers h) => h.Get(r, snapshotId)),
            Read<SnapshotChanges>(Routes.SnapshotChanges, Officer, "getSnapshotChanges", "Compare a snapshot with an earlier one",
                (HttpRequest r, string snapshotId, SnapshotHandlers h) => h.Changes(r, snapshotId),
                new QueryParameter("since", "string", "The earlier snapshot's id.", Required: true))),

        .. Tagged("Reports",
            Write<GeneratePaperRequest, PaperMetadata>(HttpMethods.Post, Routes.Reports, ProgrammeLead, "generateReport", "Generate a paper for a meeting as a draft",
                (HttpRequest r, PaperHandlers h) => h.Generate(r)),
            Read<List<PaperMetadata>>(Routes.Reports, Officer, "listReports", "List generated papers, newest meeting first",
                (HttpRequest r, PaperHandlers h) => h.List(r),
                new QueryParameter("kind", "string", "Only papers of this kind.", Enum: PaperKinds.All),
                new QueryParameter("meetingDate", "string", "Only papers for the meeting on this date.", "date")),
            Read<PaperMetadata>(Routes.Report, Officer, "getReport", "Get a paper's metadata and status",
                (HttpRequest r, string reportId, PaperHandlers h) => h.Get(r, reportId)),
            Content(Routes.ReportContent, Officer, "getReportContent", "Download a paper: a Word document, or a deck for the presentation kind",
                [DocxPackage.ContentType, PaperFormat.PresentationContentType],
                (HttpRequest r, string reportId, PaperHandlers h) => h.Content(r, reportId)),
            Content(Routes.ReportHtml, Officer, "getReportHtml", "Read a paper as accessible HTML", "text/html",
                (HttpRequest r, string reportId, PaperHandlers h) => h.Html(r, reportId)),
            Content(Routes.ReportImage, Officer, "getReportImage", "Download one image of a paper, as its HTML links to it (PNG or JPEG)", ImageFile.Png,
                (HttpRequest r, string reportId, string image, PaperHandlers h) => h.Image(r, reportId, image)),
            Write<ApproveRequest, PaperMetadata>(HttpMethods.Post, Routes.ReportApprove, ProgrammeLead, "approveReport",
                "Approve a paper: every clearer of it must have cleared this version, or give overrideReason",
                (HttpRequest r, string reportId, PaperHandlers h) => h.Approve(r, reportId), bodyRequired: false),
            Write<PublishRequest, PublicationResult>(HttpMethods.Post, Routes.ReportPublish, ProgrammeLead, "publishReport",
                "Publish an approved paper as the meeting's paper and e-mail the board's members once",
                (HttpRequest r, string reportId, PaperHandlers h) => h.Publish(r, reportId), bodyRequired: false),
            new FactRoute
            {
                OperationId = "sendReportForClearance", Method = HttpMethods.Post, Path = Routes.ReportClearance, Role = ProgrammeLead,
                Summary = "Send a draft paper to its boards' clearers: one e-mail each, with a signed link to their review page",
                Handler = (HttpRequest r, string reportId, ClearanceHandlers h) => h.Send(r, reportId),
                Query = [new QueryParameter("resend", "boolean", "E-mail those who have not answered a new link (at most once a day each).")],
                Responses = b => b.Produces<ClearanceResult>(StatusCodes.Status200OK, Json).CommonProblems().ProducesProblem(StatusCodes.Status409Conflict),
            },
            Content(Routes.ReportReview, Officer, "getReportReview",
                "A clearer's review page: the paper with their sections marked and, through their own link, forms to clear or return it", "text/html",
                (HttpRequest r, string reportId, string clearer, ClearanceHandlers h) => h.Review(r, reportId, clearer)),
            new FactRoute
            {
                OperationId = "answerReportReview", Method = HttpMethods.Post, Path = Routes.ReportReview, Role = null,
                Summary = "A clearer's answer from the review page's form: no key; the token of the button pressed is the capability",
                Handler = (HttpRequest r, string reportId, string clearer, ClearanceHandlers h) => h.Answer(r, reportId, clearer),
                Responses = b => b.WithMetadata(new RequestBodyDescription(typeof(ReviewAnswer), "application/x-www-form-urlencoded"))
                    .Produces<ClearanceEntry>(StatusCodes.Status200OK, Json).Produces<string>(StatusCodes.Status200OK, "text/html")
                    .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
                    .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems(),
            },
            Content(Routes.Papers, Officer, "getPapersPage", "The papers page: every meeting's published paper and its other versions", "text/html",
                (HttpRequest r, PaperHandlers h) => h.GetPapersPage(r),
                new QueryParameter("page", "integer", $"Which page of meetings ({PapersPage.MeetingsPerPage} per page), from 1.")),
            Content(Routes.Template, Officer, "getTemplate", "Download the template in use for a kind of paper (a deck for the presentation kind)",
                [DocxPackage.ContentType, PaperFormat.PresentationContentType],
                (HttpRequest r, string kind, PaperHandlers h) => h.GetTemplate(r, kind)),
            new FactRoute
            {
                OperationId = "putTemplate", Method = HttpMethods.Put, Path = Routes.Template, Role = ProgrammeLead, Summary = "Upload a template for a kind of paper",
                Handler = (HttpRequest r, string kind, PaperHandlers h) => h.PutTemplate(r, kind),
                Responses = b => b.WithMetadata(new RequestBodyDescription(typeof(byte[]), DocxPackage.ContentType, OtherContentTypes: [PaperFormat.PresentationContentType]))
                    .Produces<TemplateInfo>()
                    .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
                    .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems(),
            },
            Delete(Routes.Template, ProgrammeLead, "deleteTemplate", "Go back to the built-in template",
                (HttpRequest r, string kind, PaperHandlers h) => h.DeleteTemplate(r, kind)),
            Content(Routes.Draft, Officer, "getDraft",
                "Download the next paper as a Word draft to write in: the narrative in editable controls, computed parts locked",
                DocxPackage.ContentType,
                (HttpRequest r, string kind, string meetingDate, DraftHandlers h) => h.Get(r, kind, meetingDate),
                new QueryParameter("board", "string", "The board whose meeting the paper is for, when more than one asks for this kind that day."),
                new QueryParameter("reportDate", "string", "The date of the report printed on the draft (default: today).", "date"),
                new QueryParameter("startFrom", "string",
                    "empty: a project without an update for the meeting gets an empty one to write; previous: its previous update's words, to edit.",
                    Enum: [DraftHandlers.StartEmpty, DraftHandlers.StartFromPrevious])),
            new FactRoute
            {
                OperationId = "putDraft", Method = HttpMethods.Put, Path = Routes.Draft, Role = ProgrammeLead,
                Summary = "Upload a draft written in Word or LibreOffice: its regions' words read back into the programme, the changes said in words",
                Handler = (HttpRequest r, string kind, string meetingDate, DraftHandlers h) => h.Put(r, kind, meetingDate),
                Query =
                [
                    new QueryParameter("dryRun", "boolean", "Read the draft and say what would change, writing nothing."),
                    new QueryParameter("allowDeletes", "boolean", "Let a region deleted from the draft remove its section or update."),
                ],
                Responses = b => b.WithMetadata(new RequestBodyDescription(typeof(byte[]), DocxPackage.ContentType)).Produces<DraftResult>()
                    .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
                    .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems(),
            }),

        .. Tagged("Boards and reminders",
            Write<BoardFields, Board>(HttpMethods.Put, Routes.Board, ProgrammeLead, "putBoard", "Create or replace a board and its members",
                (HttpRequest r, string boardId, BoardHandlers h) => h.PutBoard(r, boardId)),
            Read<List<Board>>(Routes.Boards, Officer, "listBoards", "List the boards",
                (HttpRequest r, BoardHandlers h) => h.ListBoards(r)),
            Read<Board>(Routes.Board, Officer, "getBoard", "Get a board",
                (HttpRequest r, string boardId, BoardHandlers h) => h.GetBoard(r, boardId)),
            Write<MeetingFields, MeetingView>(HttpMethods.Put, Routes.BoardMeeting, ProgrammeLead, "putMeeting", "Create or replace a board meeting",
                (HttpRequest r, string boardId, string date, BoardHandlers h) => h.PutMeeting(r, boardId, date)),
            Delete(Routes.BoardMeeting, ProgrammeLead, "deleteMeeting", "Delete a board meeting",
                (HttpRequest r, string boardId, string date, BoardHandlers h) => h.DeleteMeeting(r, boardId, date)),
            Read<MeetingOutcomeView>(Routes.MeetingOutcome, Officer, "getMeetingOutcome", "Get what a meeting decided and asked for: resolution, discussion, actions",
                (HttpRequest r, string boardId, string date, OutcomeHandlers h) => h.Get(r, boardId, date)),
            Write<MeetingOutcome, MeetingOutcomeView>(HttpMethods.Put, Routes.MeetingOutcome, ProgrammeLead, "putMeetingOutcome",
                "Record a meeting's outcome: its resolution, discussion and actions, validated whole",
                (HttpRequest r, string boardId, string date, OutcomeHandlers h) => h.Put(r, boardId, date)),
            Read<List<MeetingView>>(Routes.BoardMeetings, Officer, "listMeetings", "List a board's meetings with paper deadlines and reminders",
                (HttpRequest r, string boardId, BoardHandlers h) => h.ListMeetings(r, boardId)),
            Content(Routes.Calendar, Officer, "getCalendar", "Recent and upcoming meetings and paper deadlines as an iCalendar feed", "text/calendar",
                (HttpRequest r, ReminderHandlers h) => h.Calendar(r)),
            Write<RunRemindersRequest, ReminderRun>(HttpMethods.Post, Routes.RemindersRun, ProgrammeLead, "runReminders", "Send (or list, as a dry run) the reminders due on a day",
                (HttpRequest r, ReminderHandlers h) => h.Run(r)),
            Read<List<ReminderLogEntry>>(Routes.Reminders, Officer, "listReminders", "The sent-log of reminder and publication e-mails",
                (HttpRequest r, ReminderHandlers h) => h.SentLog(r),
                new QueryParameter("from", "string", "Only e-mails due on or after this date.", "date"),
                new QueryParameter("to", "string", "Only e-mails due on or before this date.", "date")),
            new FactRoute
            {
                OperationId = "getReminderMessage", Method = HttpMethods.Get, Path = Routes.ReminderMessage, Role = ProgrammeLead,
                    Summary = "The e-mail as sent, from the local outbox",
                Handler = (HttpRequest r, string key, ReminderHandlers h) => h.Message(r, key),
                Responses = b => b.Produces<string>(StatusCodes.Status200OK, "message/rfc822").CommonProblems(),
            }),
    ];

    private static IEnumerable<FactRoute> Tagged(string tag, params FactRoute[] routes) => routes.Select(route => route with { Tag = tag });

    private static FactRoute Route(string method, string path, FactRole role, string operationId, string summary, Delegate handler,
        Func<RouteHandlerBuilder, RouteHandlerBuilder> responses) => new()
        {
            OperationId = operationId,
            Method = method,
            Path = path,
            Role = role,
            Summary = summary,
            Handler = handler,
            Responses = responses,
        };

    /// <summary>A GET answering JSON.</summary>
    private static FactRoute Read<TResult>(string path, FactRole role, string operationId, string summary, Delegate handler, params QueryParameter[] query) =>
        Route(HttpMethods.Get, path, role, operationId, summary, handler, b => b.Produces<TResult>(StatusCodes.Status200OK, Json).CommonProblems()) with
        {
            Query = query,
        };

    /// <summary>A PUT or POST taking a JSON body and answering the record written.</summary>
    private static FactRoute Write<TBody, TResult>(string method, string path, FactRole role, string operationId, string summary, Delegate handler,
        bool bodyRequired = true) =>
        Route(method, path, role, operationId, summary, handler, b => b.WithMetadata(new RequestBodyDescription(typeof(TBody), Json, bodyRequired))
            .Produces<TResult>(StatusCodes.Status200OK, Json)
            .Produces<TResult>(StatusCodes.Status201Created, Json)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .CommonProblems());

    private static FactRoute Delete(string path, FactRole role, string operationId, string summary, Delegate handler) =>
        Route(HttpMethods.Delete, path, role, operationId, summary, handler,
            b => b.Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status412PreconditionFailed).CommonProblems());

    /// <summary>A file, page or feed: GET, and HEAD with the same headers and no body; Word documents also answer ranges.</summary>
    private static FactRoute Content(string path, FactRole role, string operationId, string summary, string contentType, Delegate handler,
        params QueryParameter[] query) =>
        Content(path, role, operationId, summary, [contentType], handler, query);

    /// <summary>A file of one of several media types (a paper: a Word document or a deck).</summary>
    private static FactRoute Content(string path, FactRole role, string operationId, string summary, string[] contentTypes, Delegate handler,
        params QueryParameter[] query) =>
        Route(HttpMethods.Get, path, role, operationId, summary, handler, b =>
        {
            b.Produces<byte[]>(StatusCodes.Status200OK, contentTypes[0], contentTypes[1..]).CommonProblems();
            return contentTypes.Contains(DocxPackage.ContentType) ? b.Produces(StatusCodes.Status206PartialContent) : b;
        }) with
        {
            Query = query,
            ContentType = contentTypes[0],
        };

    /// <summary>The problems any route may answer: malformed request, no or wrong key, unknown id, storage down.</summary>
    private static RouteHandlerBuilder CommonProblems(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
