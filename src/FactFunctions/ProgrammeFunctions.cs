using FactFunctions.Http;
using FactFunctions.Programme;
using FactFunctions.Programme.Workbook;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

/// <summary>One line per route into Core. The host admits every request (anonymous); Core decides who may call what.</summary>
public sealed class ProgrammeFunctions(ProgrammeHandlers handlers, WorkbookHandlers workbook, RebaselineHandler rebaseline)
{
    [Function(nameof(ListProjects))]
    public Task<IResult> ListProjects([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Projects)] HttpRequest request) => handlers.ListProjects(request);

    [Function(nameof(GetProject))]
    public Task<IResult> GetProject([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Project)] HttpRequest request,
        string projectId) => handlers.GetProject(request, projectId);

    [Function(nameof(PutProject))]
    public Task<IResult> PutProject([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Project)] HttpRequest request,
        string projectId) => handlers.PutProject(request, projectId);

    [Function(nameof(DeleteProject))]
    public Task<IResult> DeleteProject([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Project)] HttpRequest request,
        string projectId) => handlers.DeleteProject(request, projectId);

    [Function(nameof(PutMilestone))]
    public Task<IResult> PutMilestone([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Milestone)] HttpRequest request,
        string projectId, string milestoneId) => handlers.PutMilestone(request, projectId, milestoneId);

    [Function(nameof(DeleteMilestone))]
    public Task<IResult> DeleteMilestone([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Milestone)] HttpRequest request,
        string projectId, string milestoneId) => handlers.DeleteMilestone(request, projectId, milestoneId);

    [Function(nameof(RebaselineMilestone))]
    public Task<IResult> RebaselineMilestone([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.MilestoneRebaseline)] HttpRequest request,
        string projectId, string milestoneId) => rebaseline.Rebaseline(request, projectId, milestoneId);

    [Function(nameof(ListMilestones))]
    public Task<IResult> ListMilestones([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Milestones)] HttpRequest request) => handlers.ListMilestones(request);

    [Function(nameof(AddProjectUpdate))]
    public Task<IResult> AddProjectUpdate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ProjectUpdates)] HttpRequest request,
        string projectId) => handlers.AddUpdate(request, projectId);

    [Function(nameof(GetIndicator))]
    public Task<IResult> GetIndicator([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Indicator)] HttpRequest request,
        string indicatorId) => handlers.GetIndicator(request, indicatorId);

    [Function(nameof(PutIndicator))]
    public Task<IResult> PutIndicator([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Indicator)] HttpRequest request,
        string indicatorId) => handlers.PutIndicator(request, indicatorId);

    [Function(nameof(PutIndicatorValue))]
    public Task<IResult> PutIndicatorValue([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.IndicatorValue)] HttpRequest request,
        string indicatorId, string period) => handlers.PutIndicatorValue(request, indicatorId, period);

    [Function(nameof(GetProgramme))]
    public Task<IResult> GetProgramme([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Programme)] HttpRequest request) => handlers.GetProgramme(request);

    [Function(nameof(PutProgramme))]
    public Task<IResult> PutProgramme([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Programme)] HttpRequest request) => handlers.PutProgramme(request);

    [Function(nameof(ImportProgramme))]
    public Task<IResult> ImportProgramme([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Import)] HttpRequest request) => handlers.Import(request);

    [Function(nameof(ExportProgramme))]
    public Task<IResult> ExportProgramme([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Export)] HttpRequest request) => handlers.Export(request);

    [Function(nameof(GetProgrammeWorkbook))]
    public Task<IResult> GetProgrammeWorkbook([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head",
        Route = Routes.ProgrammeWorkbook)] HttpRequest request) => workbook.Get(request);

    [Function(nameof(PutProgrammeWorkbook))]
    public Task<IResult> PutProgrammeWorkbook([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.ProgrammeWorkbook)] HttpRequest request) => workbook.Put(request);
}
