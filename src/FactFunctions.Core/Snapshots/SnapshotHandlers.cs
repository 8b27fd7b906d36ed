using FactFunctions.Http;
using FactFunctions.Programme;
using FactFunctions.Validation;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Snapshots;

public sealed record SnapshotRequest
{
    public string? Label { get; init; }
}

/// <summary>The snapshot endpoints of api.md.</summary>
public sealed class SnapshotHandlers(RequestPipeline pipeline, JsonBody body, SnapshotStore store, TimeProvider time)
{
    public const int MaxPageSize = 100;

    public Task<IResult> Take(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            string? label = null;
            if (request.ContentLength > 0 || request.ContentType is not null)
            {
                var input = await body.ReadValidAsync<SnapshotRequest>(request, (errors, value) => errors.Text("label", value.Label, 200), ct);
                if (input.Problem is not null)
                {
                    return input.Problem;
                }

                label = input.Value!.Label;
            }

            var outcome = await store.TakeAsync(store.NewOnDemandId(), SnapshotKinds.OnDemand, label, ct);
            if (outcome.Status == SnapshotStatus.ImportIncomplete)
            {
                return ImportRefusal.For(outcome.Import!, time.GetUtcNow());
            }

            return TypedResults.Created($"{Routes.BasePath}/snapshots/{outcome.Header!.Id}", outcome.Header);
        });

    public Task<IResult> List(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            int top = 20;
            if (request.Query["top"].FirstOrDefault() is { } topText && (!int.TryParse(topText, out top) || top is < 1 or > MaxPageSize))
            {
                return Problems.BadParameter("top", $"must be a whole number from 1 to {MaxPageSize}.");
            }

            string? continuation = request.Query["continuation"].FirstOrDefault();
            try
            {
                return TypedResults.Ok(await store.ListAsync(top, continuation, ct));
            }
            catch (Exception e) when (continuation is not null && e is ArgumentException or FormatException or Azure.RequestFailedException { Status: 400 })
            {
                return Problems.BadParameter("continuation", "is not a continuation token this API issued.");
            }
        });

    public Task<IResult> Get(HttpRequest request, string snapshotId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadId("snapshotId", snapshotId) is { } bad)
            {
                return bad;
            }

            var snapshot = await store.GetAsync(snapshotId, ct);
            return snapshot is null ? Problems.NotFound($"Snapshot '{snapshotId}'") : TypedResults.Ok(SnapshotView.From(snapshot));
        });

    public Task<IResult> Changes(HttpRequest request, string snapshotId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            string? since = request.Query["since"].FirstOrDefault();
            if (Problems.BadId("snapshotId", snapshotId) is { } bad)
            {
                return bad;
            }

            if (!Ids.IsSlug(since))
            {
                return Problems.BadParameter("since", $"is required: the id of the earlier snapshot ({Ids.SlugPattern}).");
            }

            var current = await store.GetAsync(snapshotId, ct);
            if (current is null)
            {
                return Problems.NotFound($"Snapshot '{snapshotId}'");
            }

            var earlier = await store.GetAsync(since!, ct);
            if (earlier is null)
            {
                return Problems.NotFound($"Snapshot '{since}'");
            }

            var changes = SnapshotDiff.Compare(earlier, current);
            return TypedResults.Ok(new
            {
                changes.Since,
                changes.Snapshot,
                changes.SinceTakenAt,
                changes.SnapshotTakenAt,
                Summary = changes.Summary()
                .ToList(),
                changes.Projects,
                changes.Milestones,
                changes.IndicatorValues
            });
        });
}
