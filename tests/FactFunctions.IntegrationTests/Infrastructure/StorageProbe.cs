using Azure.Core;
using Azure.Core.Pipeline;
using FactFunctions.Storage;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>Sees every storage call the host makes: counts them, and fails them on cue to simulate a crash or an outage.</summary>
public sealed class StorageProbe : StoragePipelinePolicy
{
    private int calls;
    private int batches;

    public int Calls => Volatile.Read(ref calls);

    public int Batches => Volatile.Read(ref batches);

    /// <summary>Batches from this number on (1-based) fail with an I/O error; null for none.</summary>
    public int? FailBatchesFrom { get; set; }

    /// <summary>Once a batch has failed, every later call fails too, so no clean-up can happen: a crash.</summary>
    public bool FailEverythingAfterFirstFault { get; set; }

    private volatile bool faulted;

    /// <summary>Called (on the calling thread) when a batch with this number starts, before it is sent.</summary>
    public (int Batch, Action Action)? OnBatch { get; set; }

    /// <summary>
    /// Runs once, on the calling thread, before the first request that matches (method, path): to make another writer
    /// win a race at exactly that step. Cleared before it runs, so the action's own storage calls pass through.
    /// </summary>
    public (Func<string, string, bool> Matches, Action Action)? BeforeRequest { get; set; }

    public void Reset()
    {
        BeforeRequest = null;
        Interlocked.Exchange(ref calls, 0);
        Interlocked.Exchange(ref batches, 0);
        FailBatchesFrom = null;
        FailEverythingAfterFirstFault = false;
        OnBatch = null;
        faulted = false;
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Check(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Check(HttpMessage message)
    {
        Interlocked.Increment(ref calls);
        if (BeforeRequest is { } before && before.Matches(message.Request.Method.Method, Uri.UnescapeDataString(message.Request.Uri.Path)))
        {
            BeforeRequest = null;
            before.Action();
        }

        if (faulted && FailEverythingAfterFirstFault)
        {
            throw new IOException("Injected fault: storage went away.");
        }

        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
        {
            int batch = Interlocked.Increment(ref batches);
            if (OnBatch is { } hook && hook.Batch == batch)
            {
                hook.Action();
            }

            if (batch >= FailBatchesFrom)
            {
                faulted = true;
                throw new IOException($"Injected fault at batch {batch}.");
            }
        }
    }
}
