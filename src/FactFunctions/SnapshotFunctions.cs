using FactFunctions.Http;
using FactFunctions.Jobs;
using FactFunctions.Snapshots;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

public sealed class SnapshotFunctions(SnapshotHandlers handlers, DailySnapshotJob dailySnapshot, TimeProvider time)
{
    [Function(nameof(TakeSnapshot))]
    public Task<IResult> TakeSnapshot([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Snapshots)] HttpRequest request) => handlers.Take(request);

    [Function(nameof(ListSnapshots))]
    public Task<IResult> ListSnapshots([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Snapshots)] HttpRequest request) => handlers.List(request);

    [Function(nameof(GetSnapshot))]
    public Task<IResult> GetSnapshot([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Snapshot)] HttpRequest request,
        string snapshotId) => handlers.Get(request, snapshotId);

    [Function(nameof(GetSnapshotChanges))]
    public Task<IResult> GetSnapshotChanges([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.SnapshotChanges)] HttpRequest request,
        string snapshotId) => handlers.Changes(request, snapshotId);

    [Function(nameof(DailySnapshot))]
    [FixedDelayRetry(5, "00:05:00")]
    public Task DailySnapshot([TimerTrigger(Schedules.Hourly)] TimerInfo timer, FunctionContext context) =>
        dailySnapshot.RunAsync(time.GetUtcNow(), context.CancellationToken);
}
