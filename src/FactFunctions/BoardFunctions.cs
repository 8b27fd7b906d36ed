using FactFunctions.Boards;
using FactFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

public sealed class BoardFunctions(BoardHandlers handlers)
{
    [Function(nameof(PutBoard))]
    public Task<IResult> PutBoard([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Board)] HttpRequest request, string boardId) =>
        handlers.PutBoard(request, boardId);

    [Function(nameof(ListBoards))]
    public Task<IResult> ListBoards([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Boards)] HttpRequest request) => handlers.ListBoards(request);

    [Function(nameof(GetBoard))]
    public Task<IResult> GetBoard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Board)] HttpRequest request, string boardId) =>
        handlers.GetBoard(request, boardId);

    [Function(nameof(PutMeeting))]
    public Task<IResult> PutMeeting([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.BoardMeeting)] HttpRequest request,
        string boardId, string date) => handlers.PutMeeting(request, boardId, date);

    [Function(nameof(DeleteMeeting))]
    public Task<IResult> DeleteMeeting([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.BoardMeeting)] HttpRequest request,
        string boardId, string date) => handlers.DeleteMeeting(request, boardId, date);

    [Function(nameof(ListMeetings))]
    public Task<IResult> ListMeetings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.BoardMeetings)] HttpRequest request,
        string boardId) => handlers.ListMeetings(request, boardId);
}
