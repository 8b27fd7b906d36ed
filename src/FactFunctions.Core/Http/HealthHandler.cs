using System.Reflection;
using FactFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactFunctions.Http;

/// <summary><c>GET /api/health</c>: anonymous, honest about storage, and 503 until the host is ready (<see cref="HostReadiness"/>).</summary>
public sealed partial class HealthHandler(FactStorage storage, HostReadiness readiness, IOptions<FactHttpOptions> options, ILogger<HealthHandler> logger)
{
    /// <summary>How long a client is asked to wait while the host starts: starting takes seconds, not minutes.</summary>
    public const int StartingRetryAfterSeconds = 1;

    private static readonly string Version =
        typeof(HealthHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<IResult> Handle(HttpRequest request)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(request.HttpContext.RequestAborted);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await storage.PingAsync(timeout.Token);
            if (readiness.WaitingFor is { Count: > 0 } waiting)
            {
                request.HttpContext.Response.Headers.RetryAfter = StartingRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Json(new HealthReport("starting", "ok", Version) { WaitingFor = waiting }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return TypedResults.Ok(new HealthReport("healthy", "ok", Version));
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e, request.HttpContext.RequestAborted))
        {
            LogUnhealthy(logger, e.GetType().Name);
            request.HttpContext.Response.Headers.RetryAfter = options.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Json(new HealthReport("unhealthy", "unavailable", Version), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Health check: storage unavailable ({ExceptionType})")]
    private static partial void LogUnhealthy(ILogger logger, string exceptionType);
}
