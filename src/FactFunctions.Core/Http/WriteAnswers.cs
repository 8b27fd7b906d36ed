using FactFunctions.Storage;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Http;

/// <summary>The one mapping from a write's result to its HTTP answer, for every route that writes or deletes a record.</summary>
public static class WriteAnswers
{
    /// <summary>
    /// 412 when <c>If-Match</c> did not match; 409 when the record exists and the request said it must not (its
    /// <paramref name="conflict"/>, else "<paramref name="what"/> already exists"); otherwise the record as stored now, with its ETag:
    /// 201 with <paramref name="location"/> when it was created, 200 when replaced.
    /// </summary>
    public static async Task<IResult> WrittenAsync<T>(HttpRequest request, WriteResult result, string what, string location, Func<CancellationToken, Task<T?>> reread,
        CancellationToken ct, string? conflict = null)
    {
        switch (result.Status)
        {
            case WriteStatus.PreconditionFailed:
                return Problems.PreconditionFailed();
            case WriteStatus.Conflict:
                return Problems.Conflict(conflict ?? $"{what} already exists (the request said If-None-Match: *).");
        }

        var current = await reread(ct);
        HttpConditions.SetETag(request, result.ETag);
        return result.Status == WriteStatus.Created ? TypedResults.Created(location, current) : TypedResults.Ok(current);
    }

    /// <summary>404 naming <paramref name="what"/> when there was nothing to delete, 412 when <c>If-Match</c> did not match, otherwise 204.</summary>
    public static IResult Deleted(WriteResult result, string what) => result.Status switch
    {
        WriteStatus.NotFound => Problems.NotFound(what),
        WriteStatus.PreconditionFailed => Problems.PreconditionFailed(),
        _ => TypedResults.NoContent(),
    };
}
