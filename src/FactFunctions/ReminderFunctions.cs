using FactFunctions.Http;
using FactFunctions.Jobs;
using FactFunctions.Reminders;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

public sealed class ReminderFunctions(ReminderHandlers handlers, ReminderJob reminders, TimeProvider time)
{
    [Function(nameof(GetCalendar))]
    public Task<IResult> GetCalendar([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Calendar)] HttpRequest request) => handlers.Calendar(request);

    [Function(nameof(RunReminders))]
    public Task<IResult> RunReminders([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.RemindersRun)] HttpRequest request) => handlers.Run(request);

    [Function(nameof(ListReminders))]
    public Task<IResult> ListReminders([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Reminders)] HttpRequest request) => handlers.SentLog(request);

    [Function(nameof(GetReminderMessage))]
    public Task<IResult> GetReminderMessage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ReminderMessage)] HttpRequest request,
        string key) => handlers.Message(request, key);

    [Function(nameof(Reminders))]
    [FixedDelayRetry(5, "00:05:00")]
    public Task Reminders([TimerTrigger(Schedules.Hourly)] TimerInfo timer, FunctionContext context) =>
        reminders.RunAsync(time.GetUtcNow(), context.CancellationToken);
}
