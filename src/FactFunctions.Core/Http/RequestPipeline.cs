using FactFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactFunctions.Http;

/// <summary>
/// What every endpoint does around its own work, in both hosts: authorise first, then turn storage outages into
/// 503 with <c>Retry-After</c> and anything unexpected into a 500 that leaks nothing.
/// </summary>
public sealed partial class RequestPipeline(CallerAuthorizer authorizer, FactStorage storage, IOptions<FactHttpOptions> options, ILogger<RequestPipeline> logger)
{
    public async Task<IResult> RunAsync(HttpRequest request, FactRole role, Func<CancellationToken, Task<IResult>> work)
    {
        NoSniffResult.NoSniff(request.HttpContext);
        if (authorizer.Authorize(request, role) is { } denied)
        {
            LogDenied(logger, request.Method, request.Path);
            return denied;
        }

        return await RunAnonymousAsync(request, work).ConfigureAwait(false);
    }

    public async Task<IResult> RunAnonymousAsync(HttpRequest request, Func<CancellationToken, Task<IResult>> work)
    {
        var aborted = request.HttpContext.RequestAborted;
        NoSniffResult.NoSniff(request.HttpContext);
        using var writes = StorageWrites.Begin();
        try
        {
            return await work(aborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            // The client's body broke or came too slowly (Kestrel's minimum data rate): the client's fault, not an outage.
            LogBadBody(logger, request.Method, request.Path, e.StatusCode);
            int status = e.StatusCode is StatusCodes.Status408RequestTimeout or StatusCodes.Status413PayloadTooLarge ? e.StatusCode : StatusCodes.Status400BadRequest;
            return Problems.Problem(status, Problems.BadBodyType, "The request body could not be read.",
                status == StatusCodes.Status408RequestTimeout ? "The body arrived too slowly; send it again." : "The body ended early or was malformed; send it again.");
        }
        catch (IfMatchNamesNoVersion)
        {
            return Problems.Problem(StatusCodes.Status412PreconditionFailed, Problems.PreconditionFailedType, "If-Match names no version of this record.",
                "Send the ETag a GET of the record returned, as it came (one, in quotes), or * for any version; nothing was changed.");
        }
        catch (Exception e) when (StorageFailures.IsUnavailable(e, aborted))
        {
            LogStorageUnavailable(logger, request.Method, request.Path, e.GetType().Name);
            return StorageUnavailable(request, writes.Writes);
        }
        catch (Exception e) when (FactStorage.IsMissingTableOrContainer(e))
        {
            // Storage was reset under us; the next request recreates what is missing.
            storage.ForgetCreated();
            LogStorageUnavailable(logger, request.Method, request.Path, "TableNotFound");
            return StorageUnavailable(request, writes.Writes);
        }
        catch (Exception e) when (!aborted.IsCancellationRequested)
        {
            LogUnexpected(logger, e, request.Method, request.Path);
            return Problems.Problem(StatusCodes.Status500InternalServerError, Problems.InternalType, "Something went wrong on our side.",
                $"The failure has been logged with trace id {request.HttpContext.TraceIdentifier}.");
        }
    }

    /// <summary>
    /// 503 with Retry-After, saying truthfully what happened: nothing changed when no write reached storage, otherwise
    /// that part of the change may be stored and that sending the same request again completes it (every write route
    /// is idempotent for that reason).
    /// </summary>
    public IResult StorageUnavailable(HttpRequest request, int writesApplied = 0)
    {
        int seconds = options.Value.RetryAfterSeconds;
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string detail = writesApplied == 0
            ? $"Nothing was changed. Try again in {seconds} seconds."
            : $"Part of this change may already be stored ({writesApplied} storage write{(writesApplied == 1 ? "" : "s")} succeeded before the failure). " +
              $"Send the same request again in {seconds} seconds to complete it.";
        return Problems.Problem(StatusCodes.Status503ServiceUnavailable, Problems.StorageUnavailableType, "Storage is unavailable.", detail);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Refused {Method} {Path}: missing, unknown or insufficient key")]
    private static partial void LogDenied(ILogger logger, string method, PathString path);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Storage unavailable during {Method} {Path} ({ExceptionType})")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, PathString path, string exceptionType);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Unreadable request body in {Method} {Path} ({Status})")]
    private static partial void LogBadBody(ILogger logger, string method, PathString path, int status);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Unexpected failure during {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);
}
