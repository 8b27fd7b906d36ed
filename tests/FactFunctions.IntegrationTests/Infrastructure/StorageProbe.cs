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

    public void Reset()
    {
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
