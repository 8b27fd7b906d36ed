using Azure;
using Azure.Data.Tables;

namespace FactFunctions.Storage;

/// <summary>The HTTP preconditions a write carries: <c>If-Match</c> (replace only that version) or <c>If-None-Match: *</c> (create only).</summary>
public readonly record struct Precondition(string? IfMatch, bool IfNoneMatchAny)
{
    public static readonly Precondition None = new(null, false);
}

public enum WriteStatus
{
    Created,
    Updated,
    Deleted,
    NotFound,
    PreconditionFailed,
    Conflict,

    /// <summary>The record a child row belongs to was deleted while it was written; the child was taken back.</summary>
    ParentGone,
}

public readonly record struct WriteResult(WriteStatus Status, string? ETag = null);

/// <summary>Optimistic concurrency over table rows, mapping storage answers onto the HTTP outcomes the API promises.</summary>
public static class ConditionalWrites
{
    public static async Task<WriteResult> PutAsync(TableClient table, ITableEntity entity, Precondition precondition, CancellationToken cancellationToken)
    {
        try
        {
            if (precondition.IfMatch is { } ifMatch)
            {
                var etag = ifMatch == "*" ? ETag.All : new ETag(ifMatch);
                var updated = await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new WriteResult(WriteStatus.Updated, updated.Headers.ETag?.ToString());
            }

            var created = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new WriteResult(WriteStatus.Created, created.Headers.ETag?.ToString());
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412 && precondition.IfMatch is not null)
        {
            return new WriteResult(WriteStatus.PreconditionFailed);
        }
        catch (RequestFailedException e) when (e.Status == 409 && precondition.IfMatch is null)
        {
            if (precondition.IfNoneMatchAny)
            {
                return new WriteResult(WriteStatus.Conflict);
            }

            var replaced = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return new WriteResult(WriteStatus.Updated, replaced.Headers.ETag?.ToString());
        }
    }

    public static async Task<WriteResult> DeleteAsync(TableClient table, string partitionKey, string rowKey, string? ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var etag = ifMatch is null or "*" ? ETag.All : new ETag(ifMatch);
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken).ConfigureAwait(false);
            if (response.Status == 404)
            {
                return new WriteResult(ifMatch is null ? WriteStatus.NotFound : WriteStatus.PreconditionFailed);
            }

            return new WriteResult(WriteStatus.Deleted);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new WriteResult(WriteStatus.PreconditionFailed);
        }
    }
}
