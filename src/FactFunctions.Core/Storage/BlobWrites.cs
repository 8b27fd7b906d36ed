using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FactFunctions.Storage;

/// <summary>A JSON document kept as one blob, written under the request's precondition: the blob form of <see cref="ConditionalWrites"/>.</summary>
public static class BlobWrites
{
    public static async Task<WriteResult> PutJsonAsync<T>(BlobClient blob, T value, JsonSerializerOptions json, Precondition precondition, CancellationToken ct)
    {
        var conditions = precondition.IfMatch is { } ifMatch
            ? new BlobRequestConditions { IfMatch = ifMatch == "*" ? ETag.All : new ETag(ifMatch) }
            : precondition.IfNoneMatchAny ? new BlobRequestConditions { IfNoneMatch = ETag.All } : null;
        try
        {
            bool existed = conditions is null && await blob.ExistsAsync(ct);
            var uploaded = await blob.UploadAsync(
                BinaryData.FromObjectAsJson(value, json),
                new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                ct);
            return new WriteResult(existed || precondition.IfMatch is not null ? WriteStatus.Updated : WriteStatus.Created, uploaded.Value.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412 && precondition.IfMatch is not null)
        {
            return new WriteResult(WriteStatus.PreconditionFailed);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 && precondition.IfNoneMatchAny)
        {
            return new WriteResult(WriteStatus.Conflict);
        }
    }

    /// <summary>The blob's JSON and ETag, or null when it does not exist.</summary>
    public static async Task<(T? Value, string? ETag)> GetJsonAsync<T>(BlobClient blob, JsonSerializerOptions json, CancellationToken ct)
    {
        try
        {
            var download = await blob.DownloadContentAsync(ct);
            return (download.Value.Content.ToObjectFromJson<T>(json), download.Value.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return (default, null);
        }
    }
}
