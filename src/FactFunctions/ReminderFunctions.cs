using FactFunctions.Http;
using FactFunctions.Jobs;
using FactFunctions.Reminders;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using FactFunctions.Boards;

namespace FactFunctions.Functions;

public sealed class ReminderFunctions(ReminderHandlers handlers, ReminderJob reminders, TimeProvider time)
{
    [Function(nameof(PutBoard))]
    public Task<IResult> PutBoard([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Board)] HttpRequest request, string boardId) => handlers.PutBoard(request, boardId);

    [Function(nameof(ListBoards))]
    public Task<IResult> ListBoards([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Boards)] HttpRequest request) => handlers.ListBoards(request);

    [Function(nameof(GetBoard))]
    public Task<IResult> GetBoard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Board)] HttpRequest request, string boardId) => handlers.GetBoard(request, boardId);

    [Function(nameof(PutMeeting))]
    public Task<IResult> PutMeeting([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.BoardMeeting)] HttpRequest request, string boardId, string date) => handlers.PutMeeting(request, boardId, date);

    [Function(nameof(DeleteMeeting))]
    public Task<IResult> DeleteMeeting([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.BoardMeeting)] HttpRequest request, string boardId, string date) => handlers.DeleteMeeting(request, boardId, date);

    [Function(nameof(ListMeetings))]
    public Task<IResult> ListMeetings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.BoardMeetings)] HttpRequest request, string boardId) => handlers.ListMeetings(request, boardId);

    [Function(nameof(GetCalendar))]
    public Task<IResult> GetCalendar([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Calendar)] HttpRequest request) => handlers.Calendar(request);

    [Function(nameof(RunReminders))]
    public Task<IResult> RunReminders([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RemindersRun)] HttpRequest request) => handlers.Run(request);

    [Function(nameof(ListReminders))]
    public Task<IResult> ListReminders([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Reminders)] HttpRequest request) => handlers.SentLog(request);

    [Function(nameof(GetReminderMessage))]
    public Task<IResult> GetReminderMessage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ReminderMessage)] HttpRequest request, string key) => handlers.Message(request, key);

    [Function(nameof(Reminders))]
    [FixedDelayRetry(5, "00:05:00")]
    public Task Reminders([TimerTrigger(Schedules.Hourly)] TimerInfo timer, FunctionContext context) =>
        reminders.RunAsync(time.GetUtcNow(), context.CancellationToken);
}
