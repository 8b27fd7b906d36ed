using FactFunctions.Programme;
using FactFunctions.Reminders;
using FactFunctions.Reports;
using FactFunctions.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactFunctions.Http;

/// <summary>
/// Maps every route onto its Core handler for an ASP.NET Core host (LocalHost). The Azure Functions app maps the
/// same <see cref="Routes"/> with one <c>[Function]</c> each; a test checks the two lists agree.
/// </summary>
public static class FactEndpoints
{
    public static RouteGroupBuilder MapFactEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Routes.BasePath);

        api.MapGet(Routes.Health, (HttpRequest r, HealthHandler h) => h.Handle(r));

        api.MapGet(Routes.Projects, (HttpRequest r, ProgrammeHandlers h) => h.ListProjects(r));
        api.MapGet(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.GetProject(r, projectId));
        api.MapPut(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.PutProject(r, projectId));
        api.MapDelete(Routes.Project, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.DeleteProject(r, projectId));
        api.MapPut(Routes.Milestone, (HttpRequest r, string projectId, string milestoneId, ProgrammeHandlers h) => h.PutMilestone(r, projectId, milestoneId));
        api.MapDelete(Routes.Milestone, (HttpRequest r, string projectId, string milestoneId, ProgrammeHandlers h) => h.DeleteMilestone(r, projectId, milestoneId));
        api.MapGet(Routes.Milestones, (HttpRequest r, ProgrammeHandlers h) => h.ListMilestones(r));
        api.MapPost(Routes.ProjectUpdates, (HttpRequest r, string projectId, ProgrammeHandlers h) => h.AddUpdate(r, projectId));
        api.MapGet(Routes.Indicator, (HttpRequest r, string indicatorId, ProgrammeHandlers h) => h.GetIndicator(r, indicatorId));
        api.MapPut(Routes.Indicator, (HttpRequest r, string indicatorId, ProgrammeHandlers h) => h.PutIndicator(r, indicatorId));
        api.MapPut(Routes.IndicatorValue, (HttpRequest r, string indicatorId, string period, ProgrammeHandlers h) => h.PutIndicatorValue(r, indicatorId, period));
        api.MapGet(Routes.Programme, (HttpRequest r, ProgrammeHandlers h) => h.GetProgramme(r));
        api.MapPut(Routes.Programme, (HttpRequest r, ProgrammeHandlers h) => h.PutProgramme(r));
        api.MapPost(Routes.Import, (HttpRequest r, ProgrammeHandlers h) => h.Import(r));
        api.MapGet(Routes.Export, (HttpRequest r, ProgrammeHandlers h) => h.Export(r));

        api.MapPost(Routes.Snapshots, (HttpRequest r, SnapshotHandlers h) => h.Take(r));
        api.MapGet(Routes.Snapshots, (HttpRequest r, SnapshotHandlers h) => h.List(r));
        api.MapGet(Routes.Snapshot, (HttpRequest r, string snapshotId, SnapshotHandlers h) => h.Get(r, snapshotId));
        api.MapGet(Routes.SnapshotChanges, (HttpRequest r, string snapshotId, SnapshotHandlers h) => h.Changes(r, snapshotId));

        api.MapPost(Routes.Reports, (HttpRequest r, ReportHandlers h) => h.Generate(r));
        api.MapGet(Routes.Reports, (HttpRequest r, ReportHandlers h) => h.List(r));
        api.MapGet(Routes.Report, (HttpRequest r, string reportId, ReportHandlers h) => h.Get(r, reportId));
        api.MapGet(Routes.ReportContent, (HttpRequest r, string reportId, ReportHandlers h) => h.Content(r, reportId));
        api.MapGet(Routes.Papers, (HttpRequest r, ReportHandlers h) => h.Papers(r));
        api.MapGet(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.GetTemplate(r, kind));
        api.MapPut(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.PutTemplate(r, kind));
        api.MapDelete(Routes.Template, (HttpRequest r, string kind, ReportHandlers h) => h.DeleteTemplate(r, kind));

        api.MapPut(Routes.Board, (HttpRequest r, string boardId, ReminderHandlers h) => h.PutBoard(r, boardId));
        api.MapGet(Routes.Boards, (HttpRequest r, ReminderHandlers h) => h.ListBoards(r));
        api.MapGet(Routes.Board, (HttpRequest r, string boardId, ReminderHandlers h) => h.GetBoard(r, boardId));
        api.MapPut(Routes.BoardMeeting, (HttpRequest r, string boardId, string date, ReminderHandlers h) => h.PutMeeting(r, boardId, date));
        api.MapDelete(Routes.BoardMeeting, (HttpRequest r, string boardId, string date, ReminderHandlers h) => h.DeleteMeeting(r, boardId, date));
        api.MapGet(Routes.BoardMeetings, (HttpRequest r, string boardId, ReminderHandlers h) => h.ListMeetings(r, boardId));
        api.MapGet(Routes.Calendar, (HttpRequest r, ReminderHandlers h) => h.Calendar(r));
        api.MapPost(Routes.RemindersRun, (HttpRequest r, ReminderHandlers h) => h.Run(r));
        api.MapGet(Routes.Reminders, (HttpRequest r, ReminderHandlers h) => h.SentLog(r));

        api.MapFallback(() => Problems.Problem(StatusCodes.Status404NotFound, Problems.NotFoundType, "No such route.",
            "See README.md or /api/openapi.json for the routes this API serves."));
        return api;
    }
}
