using FactFunctions.Http;
using FactFunctions.Programme.Outcomes;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

public sealed class OutcomeFunctions(OutcomeHandlers handlers)
{
    [Function(nameof(GetMeetingOutcome))]
    public Task<IResult> GetMeetingOutcome([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.MeetingOutcome)] HttpRequest request,
        string boardId, string date) => handlers.Get(request, boardId, date);

    [Function(nameof(PutMeetingOutcome))]
    public Task<IResult> PutMeetingOutcome([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.MeetingOutcome)] HttpRequest request,
        string boardId, string date) => handlers.Put(request, boardId, date);
}
