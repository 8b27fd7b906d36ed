using Microsoft.AspNetCore.Http;

namespace FactFunctions.Http;

/// <summary>An answer sent with <c>X-Content-Type-Options: nosniff</c>, for those that do not pass through <see cref="RequestPipeline"/>.</summary>
public sealed class NoSniffResult(IResult inner) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        NoSniff(httpContext);
        return inner.ExecuteAsync(httpContext);
    }

    /// <summary>Every answer's content type is final: a browser must not sniff a stored image or a download into something else.</summary>
    public static void NoSniff(HttpContext httpContext) => httpContext.Response.Headers.XContentTypeOptions = "nosniff";
}
