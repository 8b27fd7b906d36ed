using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Http;

/// <summary>An answer sent with <c>Retry-After</c>: the caller is asked to send the same request again after that many seconds.</summary>
public sealed class RetryAfterResult(IResult inner, int seconds) : IResult
{
    public int Seconds => seconds;

    public IResult Inner => inner;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
