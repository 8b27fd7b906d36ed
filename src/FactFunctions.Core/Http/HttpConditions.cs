using FactFunctions.Storage;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Http;

/// <summary>Reads the conditional-request headers and writes the ETag of what a request returns.</summary>
public static class HttpConditions
{
    public static Precondition From(HttpRequest request) => new(
        request.Headers.IfMatch.FirstOrDefault() is { Length: > 0 } ifMatch ? ifMatch.Trim() : null,
        request.Headers.IfNoneMatch.FirstOrDefault()?.Trim() == "*");

    public static void SetETag(HttpRequest request, string? etag)
    {
        if (!string.IsNullOrEmpty(etag))
        {
            request.HttpContext.Response.Headers.ETag = etag;
        }
    }
}
