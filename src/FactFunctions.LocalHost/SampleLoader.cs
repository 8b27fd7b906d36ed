using FactFunctions.Http;
using FactFunctions.Programme;
using Microsoft.Extensions.Options;

namespace FactFunctions.LocalHost;

/// <summary>
/// Loads the sample programme once the host has started, retrying while Azurite is still coming up. Until it has
/// finished the host is not ready (<see cref="HostReadiness"/>): health answers 503 "starting", so nobody who waits
/// for a healthy answer reads an empty or half-loaded programme.
/// </summary>
public sealed partial class SampleLoader : BackgroundService
{
    /// <summary>What health names while the sample loads.</summary>
    public const string Waiting = "the FACT sample programme to load";

    private readonly SampleProgramme sample;
    private readonly HostReadiness readiness;
    private readonly ILogger<SampleLoader> logger;
    private readonly bool load;

    public SampleLoader(SampleProgramme sample, HostReadiness readiness, IOptions<LocalHostOptions> options, ILogger<SampleLoader> logger)
    {
        this.sample = sample;
        this.readiness = readiness;
        this.logger = logger;
        load = options.Value.LoadSampleWhenEmpty;

        // Here, not in ExecuteAsync: hosted services are built before the server takes its first request.
        if (load)
        {
            readiness.Begin(Waiting);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!load)
        {
            return;
        }

        string? failure = "the FACT sample was not loaded (the log says why)";
        try
        {
            for (int attempt = 1; attempt <= 10 && !stoppingToken.IsCancellationRequested; attempt++)
            {
                try
                {
                    await sample.LoadIfEmptyAsync(stoppingToken);
                    failure = null;
                    return;
                }
                catch (Exception e) when (FactFunctions.Storage.StorageFailures.IsUnavailable(e, stoppingToken))
                {
                    LogRetry(logger, attempt);
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
            }

            LogGaveUp(logger);
            failure = "the FACT sample was not loaded: storage did not answer in 10 attempts";
        }
        finally
        {
            // Loaded or not, health now speaks for storage; what went wrong is printed instead of "ready".
            readiness.End(Waiting, failure);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Storage not reachable yet for the sample programme (attempt {Attempt} of 10)")]
    private static partial void LogRetry(ILogger logger, int attempt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The sample programme was not loaded: storage did not answer in 10 attempts")]
    private static partial void LogGaveUp(ILogger logger);
}
