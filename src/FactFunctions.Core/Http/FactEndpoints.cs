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
            .WithTags("Operations").Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable).AllowAnonymous();

        const string programme = "Programme data";
        api.MapGet(Routes.Projects, (HttpRequest r, ProgrammeHandlers h) => h.ListProjects(r)).Read<List<ProjectView>>(programme);
        api.MapGet(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.GetProject(r, projectId)).Read<ProjectView>(programme);
        api.MapPut(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.PutProject(r, projectId)).Write<ProjectFields, ProjectView>(programme);
        api.MapDelete(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.DeleteProject(r, projectId)).Delete(programme);
        api.MapPut(Routes.Milestone, (HttpRequest r, string projectId, string milestoneId, ProgrammeHandlers h) => h.PutMilestone(r, projectId, milestoneId)).Write<MilestoneFields, MilestoneView>(programme);
        api.MapDelete(Routes.Milestone, (HttpRequest r, string projectId, string milestoneId, ProgrammeHandlers h) => h.DeleteMilestone(r, projectId, milestoneId)).Delete(programme);
        api.MapGet(Routes.Milestones, (HttpRequest r, ProgrammeHandlers h) => h.ListMilestones(r)).Read<List<MilestoneView>>(programme);
        api.MapPost(Routes.ProjectUpdates, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.AddUpdate(r, projectId)).Write<UpdateFields, UpdateView>(programme);
        api.MapGet(Routes.Indicator, (HttpRequest r, string indicatorId, ProgrammeHandlers h) => h.GetIndicator(r, indicatorId)).Read<IndicatorView>(programme);
        api.MapPut(Routes.Indicator, (HttpRequest r, string indicatorId, ProgrammeHandlers h) => h.PutIndicator(r, indicatorId)).Write<IndicatorFields, IndicatorView>(programme);
        api.MapPut(Routes.IndicatorValue, (HttpRequest r, string indicatorId, string period, ProgrammeHandlers h) => h.PutIndicatorValue(r, indicatorId, period)).Write<IndicatorValueFields, IndicatorValueView>(programme);
        api.MapGet(Routes.Programme, (HttpRequest r, ProgrammeHandlers h) => h.GetProgramme(r)).Read<ProgrammeText>(programme);
        api.MapPut(Routes.Programme, (HttpRequest r, ProgrammeHandlers h) => h.PutProgramme(r)).Write<ProgrammeText, ProgrammeText>(programme);
        api.MapPost(Routes.Import, (HttpRequest r, ProgrammeHandlers h) => h.Import(r)).Write<ProgrammeDocument, ImportResult>(programme);
        api.MapGet(Routes.Export, (HttpRequest r, ProgrammeHandlers h) => h.Export(r)).Read<ProgrammeDocument>(programme);
        api.MapGet(Routes.ProgrammeWorkbook, (HttpRequest r, WorkbookHandlers h) => h.Get(r))
            .WithTags(programme).Produces<byte[]>(StatusCodes.Status200OK, WorkbookLayout.ContentType).CommonProblems();
        api.MapPut(Routes.ProgrammeWorkbook, (HttpRequest r, WorkbookHandlers h) => h.Put(r))
            .WithTags(programme).WithMetadata(new RequestBodyDescription(typeof(byte[]), WorkbookLayout.ContentType)).Produces<WorkbookResult>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems();

        const string snapshots = "Snapshots";
        api.MapPost(Routes.Snapshots, (HttpRequest r, SnapshotHandlers h) => h.Take(r)).Write<SnapshotRequest, SnapshotHeader>(snapshots, bodyRequired: false);
        api.MapGet(Routes.Snapshots, (HttpRequest r, SnapshotHandlers h) => h.List(r)).Read<SnapshotPage>(snapshots);
        api.MapGet(Routes.Snapshot, (HttpRequest r, string snapshotId, SnapshotHandlers h) => h.Get(r, snapshotId)).Read<SnapshotView>(snapshots);
        api.MapGet(Routes.SnapshotChanges, (HttpRequest r, string snapshotId, SnapshotHandlers h) => h.Changes(r, snapshotId)).Read<SnapshotChanges>(snapshots);

        const string reports = "Reports";
        api.MapPost(Routes.Reports, (HttpRequest r, ReportHandlers h) => h.Generate(r)).Write<GenerateReportRequest, ReportMetadata>(reports);
        api.MapGet(Routes.Reports, (HttpRequest r, ReportHandlers h) => h.List(r)).Read<List<ReportMetadata>>(reports);
        api.MapGet(Routes.Report, (HttpRequest r, string reportId, ReportHandlers h) => h.Get(r, reportId)).Read<ReportMetadata>(reports);
        api.MapGet(Routes.ReportContent, (HttpRequest r, string reportId, ReportHandlers h) => h.Content(r, reportId)).File(reports);
        api.MapGet(Routes.Papers, (HttpRequest r, ReportHandlers h) => h.Papers(r)).WithTags(reports).Produces<string>(StatusCodes.Status200OK, "text/html").CommonProblems();
        api.MapGet(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.GetTemplate(r, kind)).File(reports);
        api.MapPut(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.PutTemplate(r, kind))
            .WithTags(reports).WithMetadata(new RequestBodyDescription(typeof(byte[]), DocxPackage.ContentType)).Produces<TemplateInfo>().ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).CommonProblems();
        api.MapDelete(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.DeleteTemplate(r, kind)).Delete(reports);

        const string reminders = "Boards and reminders";
        api.MapPut(Routes.Board, (HttpRequest r, string boardId, ReminderHandlers h) => h.PutBoard(r, boardId)).Write<BoardFields, Board>(reminders);
        api.MapGet(Routes.Boards, (HttpRequest r, ReminderHandlers h) => h.ListBoards(r)).Read<List<Board>>(reminders);
        api.MapGet(Routes.Board, (HttpRequest r, string boardId, ReminderHandlers h) => h.GetBoard(r, boardId)).Read<Board>(reminders);
        api.MapPut(Routes.BoardMeeting, (HttpRequest r, string boardId, string date, ReminderHandlers h) => h.PutMeeting(r, boardId, date)).Write<MeetingFields, MeetingView>(reminders);
        api.MapDelete(Routes.BoardMeeting, (HttpRequest r, string boardId, string date, ReminderHandlers h) => h.DeleteMeeting(r, boardId, date)).Delete(reminders);
        api.MapGet(Routes.BoardMeetings, (HttpRequest r, string boardId, ReminderHandlers h) => h.ListMeetings(r, boardId)).Read<List<MeetingView>>(reminders);
        api.MapGet(Routes.Calendar, (HttpRequest r, ReminderHandlers h) => h.Calendar(r)).WithTags(reminders).Produces<string>(StatusCodes.Status200OK, "text/calendar").CommonProblems();
        api.MapPost(Routes.RemindersRun, (HttpRequest r, ReminderHandlers h) => h.Run(r)).Write<RunRemindersRequest, ReminderRun>(reminders);
        api.MapGet(Routes.Reminders, (HttpRequest r, ReminderHandlers h) => h.SentLog(r)).Read<List<ReminderLogEntry>>(reminders);
        api.MapGet(Routes.ReminderMessage, (HttpRequest r, string key, ReminderHandlers h) => h.Message(r, key))
            .WithTags(reminders).Produces<string>(StatusCodes.Status200OK, "message/rfc822").CommonProblems();

        api.MapFallback(Problems.NoSuchRoute).ExcludeFromDescription();
        return api;
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

    private static RouteHandlerBuilder File(this RouteHandlerBuilder route, string tag) =>
        route.WithTags(tag).Produces<byte[]>(StatusCodes.Status200OK, DocxPackage.ContentType).Produces(StatusCodes.Status206PartialContent).CommonProblems();

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
