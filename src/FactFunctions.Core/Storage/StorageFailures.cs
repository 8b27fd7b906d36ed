using System.Net.Sockets;
using Azure;

namespace FactFunctions.Storage;

public static class StorageFailures
{
    /// <summary>
    /// True when the exception means storage could not be reached or answered with a server error, so the caller
    /// should try again later (503), as opposed to a bug in how we called it.
    /// </summary>
    public static bool IsUnavailable(Exception exception, CancellationToken requestAborted = default) => exception switch
    {
        Microsoft.AspNetCore.Http.BadHttpRequestException => false,
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => IsUnavailable(inner, requestAborted)),
        HttpRequestException or TimeoutException or SocketException or IOException => true,
        OperationCanceledException => !requestAborted.IsCancellationRequested,
        _ => false,
    };
}
