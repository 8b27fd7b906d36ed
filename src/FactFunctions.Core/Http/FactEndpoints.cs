using FactFunctions.Images;
using FactFunctions.Programme;
using FactFunctions.Programme.Workbook;
using FactFunctions.Reminders;
using FactFunctions.Reports;
using FactFunctions.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactFunctions.Http;

/// <summary>
/// Maps every route onto its Core handler for an ASP.NET Core host (LocalHost), with the request and response
/// metadata the OpenAPI document is made from. The Azure Functions app maps the same <see cref="Routes"/> with one
/// <c>[Function]</c> each; a test checks the two lists agree.
/// </summary>
public static class FactEndpoints
{
    private const string Json = "application/json";

    public static RouteGroupBuilder MapFactEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Routes.BasePath);

        api.MapGet(Routes.Health, (HttpRequest r, HealthHandler h) => h.Handle(r))
            .Describe("getHealth", "Whether the app and its storage answer").WithTags("Operations")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable).AllowAnonymous();

        const string programme = "Programme data";
        api.MapGet(Routes.Projects, (HttpRequest r, ProgrammeHandlers h) => h.ListProjects(r)).Describe("listProjects", "List the projects with a summary of their milestones").Read<List<ProjectView>>(programme);
        api.MapGet(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.GetProject(r, projectId)).Describe("getProject", "Get a project with its milestones, updates and indicators").Read<ProjectView>(programme);
        api.MapPut(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.PutProject(r, projectId)).Describe("putProject", "Create or replace a project").Write<ProjectFields, ProjectView>(programme);
        api.MapDelete(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.DeleteProject(r, projectId)).Describe("deleteProject", "Delete a project with its milestones and updates").Delete(programme);
        api.MapPut(Routes.Milestone, (HttpRequest r, string projectId, string milestoneId, ProgrammeHandlers h) => h.PutMilestone(r, projectId, milestoneId)).Describe("putMilestone", "Create or replace a milestone of a project").Write<MilestoneFields, MilestoneView>(programme);
        api.MapDelete(Routes.Milestone, (HttpRequest r, string projectId, string milestoneId, ProgrammeHandlers h) => h.DeleteMilestone(r, projectId, milestoneId)).Describe("deleteMilestone", "Delete a milestone").Delete(programme);
        api.MapGet(Routes.Milestones, (HttpRequest r, ProgrammeHandlers h) => h.ListMilestones(r)).Describe("listMilestones", "List milestones across projects, with their parsed windows")
            .Query(new QueryParameter("dueFrom", "string", "Only milestones whose window ends on or after this date.", "date"),
                new QueryParameter("dueTo", "string", "Only milestones whose window starts on or before this date.", "date"),
                new QueryParameter("status", "string", "Only milestones with this status.", Enum: MilestoneStatus.All),
                new QueryParameter("overdue", "boolean", "Only milestones that are (true) or are not (false) overdue today."))
            .Read<List<MilestoneView>>(programme);
        api.MapPost(Routes.ProjectUpdates, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.AddUpdate(r, projectId)).Describe("addProjectUpdate", "Add a dated narrative update to a project").Write<UpdateFields, UpdateView>(programme);
        api.MapGet(Routes.Indicator, (HttpRequest r, string indicatorId, ProgrammeHandlers h) => h.GetIndicator(r, indicatorId)).Describe("getIndicator", "Get an indicator with all its values, by period").Read<IndicatorView>(programme);
        api.MapPut(Routes.Indicator, (HttpRequest r, string indicatorId, ProgrammeHandlers h) => h.PutIndicator(r, indicatorId)).Describe("putIndicator", "Create or replace an indicator").Write<IndicatorFields, IndicatorView>(programme);
        api.MapPut(Routes.IndicatorValue, (HttpRequest r, string indicatorId, string period, ProgrammeHandlers h) => h.PutIndicatorValue(r, indicatorId, period)).Describe("putIndicatorValue", "Set an indicator's value for a period").Write<IndicatorValueFields, IndicatorValueView>(programme);
        api.MapGet(Routes.Programme, (HttpRequest r, ProgrammeHandlers h) => h.GetProgramme(r)).Describe("getProgramme", "Get the programme's standing text").Read<ProgrammeText>(programme);
        api.MapPut(Routes.Programme, (HttpRequest r, ProgrammeHandlers h) => h.PutProgramme(r)).Describe("putProgramme", "Replace the programme's standing text").Write<ProgrammeText, ProgrammeText>(programme);
        api.MapPost(Routes.Import, (HttpRequest r, ProgrammeHandlers h) => h.Import(r)).Describe("importProgramme", "Import a whole programme document, validated completely first").Write<ProgrammeDocument, ImportResult>(programme);
        api.MapGet(Routes.Export, (HttpRequest r, ProgrammeHandlers h) => h.Export(r)).Describe("exportProgramme", "Export the whole programme as an import document").Read<ProgrammeDocument>(programme);
        api.MapContent(Routes.ProgrammeWorkbook, (HttpRequest r, WorkbookHandlers h) => h.Get(r), "getProgrammeWorkbook", "Download the programme as an Excel workbook", programme, WorkbookLayout.ContentType);
        api.MapPut(Routes.ProgrammeWorkbook, (HttpRequest r, WorkbookHandlers h) => h.Put(r)).Describe("putProgrammeWorkbook", "Upload an edited workbook, validated whole, applied like an import")
            .Query(new QueryParameter("dryRun", "boolean", "Validate and count the changes without applying them."),
                new QueryParameter("removeMissing", "boolean", "Delete milestones that are not in the workbook."))
            .WithTags(programme).WithMetadata(new RequestBodyDescription(typeof(byte[]), WorkbookLayout.ContentType)).Produces<WorkbookResult>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems();

        api.MapPut(Routes.Image, (HttpRequest r, string imageId, ImageHandlers h) => h.Put(r, imageId)).Describe("putImage", "Store a diagram (PNG or JPEG) for image blocks; an image never changes once stored")
            .WithTags(programme).WithMetadata(new RequestBodyDescription(typeof(byte[]), ImageFile.Png)).Produces<ImageInfo>().Produces<ImageInfo>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems();
        api.MapContent(Routes.Image, (HttpRequest r, string imageId, ImageHandlers h) => h.Get(r, imageId), "getImage", "Download a stored diagram", programme, ImageFile.Png);

        const string snapshots = "Snapshots";
        api.MapPost(Routes.Snapshots, (HttpRequest r, SnapshotHandlers h) => h.Take(r)).Describe("takeSnapshot", "Take a snapshot of the programme now").Write<SnapshotRequest, SnapshotHeader>(snapshots, bodyRequired: false);
        api.MapGet(Routes.Snapshots, (HttpRequest r, SnapshotHandlers h) => h.List(r)).Describe("listSnapshots", "List snapshots, newest first, a page at a time")
            .Query(new QueryParameter("top", "integer", $"How many snapshots per page (1 to {SnapshotHandlers.MaxPageSize})."),
                new QueryParameter("continuation", "string", "The continuation token of the previous page."))
            .Read<SnapshotPage>(snapshots);
        api.MapGet(Routes.Snapshot, (HttpRequest r, string snapshotId, SnapshotHandlers h) => h.Get(r, snapshotId)).Describe("getSnapshot", "Get the frozen programme of a snapshot").Read<SnapshotView>(snapshots);
        api.MapGet(Routes.SnapshotChanges, (HttpRequest r, string snapshotId, SnapshotHandlers h) => h.Changes(r, snapshotId)).Describe("getSnapshotChanges", "Compare a snapshot with an earlier one")
            .Query(new QueryParameter("since", "string", "The earlier snapshot's id.", Required: true))
            .Read<SnapshotChanges>(snapshots);

        const string reports = "Reports";
        api.MapPost(Routes.Reports, (HttpRequest r, ReportHandlers h) => h.Generate(r)).Describe("generateReport", "Generate a paper for a meeting as a draft").Write<GenerateReportRequest, ReportMetadata>(reports);
        api.MapGet(Routes.Reports, (HttpRequest r, ReportHandlers h) => h.List(r)).Describe("listReports", "List generated papers, newest meeting first")
            .Query(new QueryParameter("kind", "string", "Only papers of this kind.", Enum: PaperKinds.All),
                new QueryParameter("meetingDate", "string", "Only papers for the meeting on this date.", "date"))
            .Read<List<ReportMetadata>>(reports);
        api.MapGet(Routes.Report, (HttpRequest r, string reportId, ReportHandlers h) => h.Get(r, reportId)).Describe("getReport", "Get a paper's metadata and status").Read<ReportMetadata>(reports);
        api.MapContent(Routes.ReportContent, (HttpRequest r, string reportId, ReportHandlers h) => h.Content(r, reportId), "getReportContent", "Download a paper as a Word document", reports, DocxPackage.ContentType, signed: true);
        api.MapContent(Routes.ReportHtml, (HttpRequest r, string reportId, ReportHandlers h) => h.Html(r, reportId), "getReportHtml", "Read a paper as accessible HTML", reports, "text/html", signed: true);
        api.MapPost(Routes.ReportApprove, (HttpRequest r, string reportId, ReportHandlers h) => h.Approve(r, reportId)).Describe("approveReport", "Approve a draft paper").Read<ReportMetadata>(reports).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost(Routes.ReportPublish, (HttpRequest r, string reportId, ReportHandlers h) => h.Publish(r, reportId))
            .Describe("publishReport", "Publish an approved paper as the meeting's paper and e-mail the board's members once").Write<PublishRequest, PublicationResult>(reports, bodyRequired: false);
        api.MapContent(Routes.Papers, (HttpRequest r, ReportHandlers h) => h.Papers(r), "getPapersPage", "The papers page: every meeting's published paper and its other versions", reports, "text/html", signed: true)
            .Query(new QueryParameter("page", "integer", $"Which page of meetings ({PapersPage.MeetingsPerPage} per page), from 1."));
        api.MapContent(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.GetTemplate(r, kind), "getTemplate", "Download the template in use for a kind of paper", reports, DocxPackage.ContentType);
        api.MapPut(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.PutTemplate(r, kind)).Describe("putTemplate", "Upload a template for a kind of paper")
            .WithTags(reports).WithMetadata(new RequestBodyDescription(typeof(byte[]), DocxPackage.ContentType)).Produces<TemplateInfo>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems();
        api.MapDelete(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.DeleteTemplate(r, kind)).Describe("deleteTemplate", "Go back to the built-in template").Delete(reports);

        const string reminders = "Boards and reminders";
        api.MapPut(Routes.Board, (HttpRequest r, string boardId, ReminderHandlers h) => h.PutBoard(r, boardId)).Describe("putBoard", "Create or replace a board and its members").Write<BoardFields, Board>(reminders);
        api.MapGet(Routes.Boards, (HttpRequest r, ReminderHandlers h) => h.ListBoards(r)).Describe("listBoards", "List the boards").Read<List<Board>>(reminders);
        api.MapGet(Routes.Board, (HttpRequest r, string boardId, ReminderHandlers h) => h.GetBoard(r, boardId)).Describe("getBoard", "Get a board").Read<Board>(reminders);
        api.MapPut(Routes.BoardMeeting, (HttpRequest r, string boardId, string date, ReminderHandlers h) => h.PutMeeting(r, boardId, date)).Describe("putMeeting", "Create or replace a board meeting").Write<MeetingFields, MeetingView>(reminders);
        api.MapDelete(Routes.BoardMeeting, (HttpRequest r, string boardId, string date, ReminderHandlers h) => h.DeleteMeeting(r, boardId, date)).Describe("deleteMeeting", "Delete a board meeting").Delete(reminders);
        api.MapGet(Routes.BoardMeetings, (HttpRequest r, string boardId, ReminderHandlers h) => h.ListMeetings(r, boardId)).Describe("listMeetings", "List a board's meetings with paper deadlines and reminders").Read<List<MeetingView>>(reminders);
        api.MapContent(Routes.Calendar, (HttpRequest r, ReminderHandlers h) => h.Calendar(r), "getCalendar", "Recent and upcoming meetings and paper deadlines as an iCalendar feed", reminders, "text/calendar", signed: true);
        api.MapPost(Routes.RemindersRun, (HttpRequest r, ReminderHandlers h) => h.Run(r)).Describe("runReminders", "Send (or list, as a dry run) the reminders due on a day").Write<RunRemindersRequest, ReminderRun>(reminders);
        api.MapGet(Routes.Reminders, (HttpRequest r, ReminderHandlers h) => h.SentLog(r)).Describe("listReminders", "The sent-log of reminder and publication e-mails")
            .Query(new QueryParameter("from", "string", "Only e-mails due on or after this date.", "date"),
                new QueryParameter("to", "string", "Only e-mails due on or before this date.", "date"))
            .Read<List<ReminderLogEntry>>(reminders);
        api.MapGet(Routes.ReminderMessage, (HttpRequest r, string key, ReminderHandlers h) => h.Message(r, key)).Describe("getReminderMessage", "The e-mail as sent, from the local outbox")
            .WithTags(reminders).Produces<string>(StatusCodes.Status200OK, "message/rfc822").CommonProblems();

        api.MapFallback(Problems.NoSuchRoute).ExcludeFromDescription();
        return api;
    }

    /// <summary>The operationId and one-line summary of an operation.</summary>
    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string operationId, string summary) =>
        route.WithName(operationId).WithSummary(summary);

    private static RouteHandlerBuilder Query(this RouteHandlerBuilder route, params QueryParameter[] parameters) =>
        route.WithMetadata([.. parameters]);

    /// <summary>
    /// A route that serves content: GET, and HEAD with the same headers and no body (its own operation, so each keeps a
    /// unique operationId). A signed link may open it when <paramref name="signed"/>.
    /// </summary>
    private static RouteHandlerBuilder MapContent(this RouteGroupBuilder api, string route, Delegate handler, string operationId, string summary, string tag, string contentType, bool signed = false)
    {
        RouteHandlerBuilder Common(RouteHandlerBuilder builder)
        {
            builder.WithTags(tag).Produces<byte[]>(StatusCodes.Status200OK, contentType).CommonProblems();
            if (contentType == DocxPackage.ContentType)
            {
                builder.Produces(StatusCodes.Status206PartialContent);
            }

            return signed ? builder.WithMetadata(new SignedLinkAccess()) : builder;
        }

        Common(api.MapMethods(route, [HttpMethods.Head], handler).Describe(operationId + "Head", summary + " (headers only)"));
        return Common(api.MapGet(route, handler).Describe(operationId, summary));
    }

    private static RouteHandlerBuilder Read<T>(this RouteHandlerBuilder route, string tag) =>
        route.WithTags(tag).Produces<T>(StatusCodes.Status200OK, Json).CommonProblems();

    private static RouteHandlerBuilder Write<TBody, TResult>(this RouteHandlerBuilder route, string tag, bool bodyRequired = true) =>
        route.WithTags(tag)
            .WithMetadata(new RequestBodyDescription(typeof(TBody), Json, bodyRequired))
            .Produces<TResult>(StatusCodes.Status200OK, Json)
            .Produces<TResult>(StatusCodes.Status201Created, Json)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .CommonProblems();

    private static RouteHandlerBuilder Delete(this RouteHandlerBuilder route, string tag) =>
        route.WithTags(tag).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status412PreconditionFailed).CommonProblems();

    /// <summary>The problems any route may answer: malformed request, no or wrong key, unknown id, storage down.</summary>
    private static RouteHandlerBuilder CommonProblems(this RouteHandlerBuilder route) =>
        route.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}

/// <summary>
/// Describes a route's request body for the OpenAPI document. Not <c>Accepts</c>: that would make routing match on
/// Content-Type, and a wrong one must reach the handler to get its 415 problem, not fall through to a 404.
/// </summary>
public sealed record RequestBodyDescription(Type Type, string ContentType, bool Required = true);
