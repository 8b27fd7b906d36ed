using FactFunctions.Http;
using FactFunctions.Reports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

public sealed class PaperFunctions(PaperHandlers handlers, Reports.Drafts.DraftHandlers drafts)
{
    [Function(nameof(GetDraft))]
    public Task<IResult> GetDraft([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Draft)] HttpRequest request, string kind,
        string meetingDate) => drafts.Get(request, kind, meetingDate);

    [Function(nameof(PutDraft))]
    public Task<IResult> PutDraft([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Draft)] HttpRequest request, string kind,
        string meetingDate) => drafts.Put(request, kind, meetingDate);

    [Function(nameof(GenerateReport))]
    public Task<IResult> GenerateReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Reports)] HttpRequest request) => handlers.Generate(request);

    [Function(nameof(ListReports))]
    public Task<IResult> ListReports([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Reports)] HttpRequest request) => handlers.List(request);

    [Function(nameof(GetReport))]
    public Task<IResult> GetReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Report)] HttpRequest request, string reportId) =>
        handlers.Get(request, reportId);

    [Function(nameof(GetReportContent))]
    public Task<IResult> GetReportContent([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head",
        Route = Routes.ReportContent)] HttpRequest request, string reportId) => handlers.Content(request, reportId);

    [Function(nameof(GetReportHtml))]
    public Task<IResult> GetReportHtml([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.ReportHtml)] HttpRequest request,
        string reportId) => handlers.Html(request, reportId);

    [Function(nameof(GetReportImage))]
    public Task<IResult> GetReportImage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.ReportImage)] HttpRequest request,
        string reportId, string image) => handlers.Image(request, reportId, image);

    [Function(nameof(ApproveReport))]
    public Task<IResult> ApproveReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ReportApprove)] HttpRequest request,
        string reportId) => handlers.Approve(request, reportId);

    [Function(nameof(PublishReport))]
    public Task<IResult> PublishReport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ReportPublish)] HttpRequest request,
        string reportId) => handlers.Publish(request, reportId);

    [Function(nameof(GetPapersPage))]
    public Task<IResult> GetPapersPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Papers)] HttpRequest request) => handlers.GetPapersPage(request);

    [Function(nameof(GetTemplate))]
    public Task<IResult> GetTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Template)] HttpRequest request,
        string kind) => handlers.GetTemplate(request, kind);

    [Function(nameof(PutTemplate))]
    public Task<IResult> PutTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Template)] HttpRequest request, string kind) =>
        handlers.PutTemplate(request, kind);

    [Function(nameof(DeleteTemplate))]
    public Task<IResult> DeleteTemplate([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Template)] HttpRequest request,
        string kind) => handlers.DeleteTemplate(request, kind);
}
