namespace FactFunctions.Http;

/// <summary>
/// What the host still waits for before it answers as a whole (LocalHost loading the FACT sample into empty storage).
/// Until nothing is left, <c>GET /api/health</c> answers 503 "starting" with Retry-After and names it, so a script that
/// waits for a healthy answer never reads a half-loaded programme. The Functions app waits for nothing.
/// </summary>
public sealed class HostReadiness
{
    private readonly object gate = new();
    private readonly SortedSet<string> waiting = new(StringComparer.Ordinal);
    private readonly List<string> failures = [];
    private TaskCompletionSource ready = Completed();

    /// <summary>What is still awaited, in a stable order; empty once the host is ready.</summary>
    public IReadOnlyList<string> WaitingFor
    {
        get
        {
            lock (gate)
            {
                return [.. waiting];
            }
        }
    }

    /// <summary>What ended without doing what it was waited for (the sample did not load), for whoever reports readiness.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (gate)
            {
                return [.. failures];
            }
        }
    }

    public bool IsReady
    {
        get
        {
            lock (gate)
            {
                return waiting.Count == 0;
            }
        }
    }

    /// <summary>Marks the host as waiting for <paramref name="what"/> (a phrase: "the FACT sample programme to load").</summary>
    public void Begin(string what)
    {
        lock (gate)
        {
            if (waiting.Count == 0)
            {
                ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            waiting.Add(what);
        }
    }

    /// <summary>Marks <paramref name="what"/> as done; <paramref name="failure"/> says how it fell short, when it did.</summary>
    public void End(string what, string? failure = null)
    {
        lock (gate)
        {
            if (failure is not null)
            {
                failures.Add(failure);
            }

            if (waiting.Remove(what) && waiting.Count == 0)
            {
                ready.TrySetResult();
            }
        }
    }

    /// <summary>Completes when nothing is awaited any more.</summary>
    public Task WhenReadyAsync(CancellationToken ct)
    {
        lock (gate)
        {
            return ready.Task.WaitAsync(ct);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
