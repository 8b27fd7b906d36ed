using FactFunctions.Programme;
using Microsoft.Extensions.Options;

namespace FactFunctions.LocalHost;

/// <summary>Loads the sample programme once the host has started, retrying while Azurite is still coming up.</summary>
public sealed partial class SampleLoader(SampleProgramme sample, IOptions<LocalHostOptions> options, ILogger<SampleLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.LoadSampleWhenEmpty)
        {
            return;
        }

        for (int attempt = 1; attempt <= 10 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await sample.LoadIfEmptyAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (FactFunctions.Storage.StorageFailures.IsUnavailable(e, stoppingToken))
            {
                LogRetry(logger, attempt);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Storage not reachable yet for the sample programme (attempt {Attempt} of 10)")]
    private static partial void LogRetry(ILogger logger, int attempt);
}
