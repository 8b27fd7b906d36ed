using FactFunctions.Http;
using FactFunctions.Reports.Clearance;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

public sealed class ClearanceFunctions(ClearanceHandlers handlers)
{
    [Function(nameof(SendReportForClearance))]
    public Task<IResult> SendReportForClearance([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ReportClearance)] HttpRequest request,
        string reportId) => handlers.Send(request, reportId);

    [Function(nameof(GetReportReview))]
    public Task<IResult> GetReportReview([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.ReportReview)] HttpRequest request,
        string reportId, string clearer) => handlers.Review(request, reportId, clearer);

    [Function(nameof(AnswerReportReview))]
    public Task<IResult> AnswerReportReview([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ReportReview)] HttpRequest request,
        string reportId, string clearer) => handlers.Answer(request, reportId, clearer);
}
