using Azure.Core;
using Azure.Core.Pipeline;

namespace FactFunctions.Storage;

/// <summary>
/// Counts the storage writes that took effect during one piece of work (an HTTP request), so that when storage then
/// fails the answer can say truthfully whether anything was changed. A pipeline policy on both storage clients sees
/// every successful write; the count flows with the work's async context.
/// </summary>
public sealed class StorageWrites : HttpPipelinePolicy
{
    private static readonly AsyncLocal<Counter?> Current = new();

    /// <summary>Starts counting for the work that follows on this async flow; dispose to stop.</summary>
    public static Counter Begin()
    {
        var counter = new Counter();
        Current.Value = counter;
        return counter;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Record(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Record(message);
    }

    private static void Record(HttpMessage message)
    {
        if (Current.Value is { } counter && message.HasResponse && message.Response.Status is >= 200 and < 300 && IsDataWrite(message.Request))
        {
            counter.Add();
        }
    }

    /// <summary>A write to data: not a read, and not the creation of a table or container (which changes no record).</summary>
    private static bool IsDataWrite(Request request)
    {
        string method = request.Method.Method;
        if (method is "GET" or "HEAD")
        {
            return false;
        }

        string path = request.Uri.Path;
        string query = request.Uri.Query;
        bool createsTable = method == "POST" && path.TrimEnd('/').EndsWith("/Tables", StringComparison.Ordinal);
        bool createsContainer = method == "PUT" && query.Contains("restype=container", StringComparison.Ordinal) && !query.Contains("comp=", StringComparison.Ordinal);
        return !createsTable && !createsContainer;
    }

    public sealed class Counter : IDisposable
    {
        private int writes;

        public int Writes => Volatile.Read(ref writes);

        internal void Add() => Interlocked.Increment(ref writes);

        public void Dispose()
        {
            if (Current.Value == this)
            {
                Current.Value = null;
            }
        }
    }
}
