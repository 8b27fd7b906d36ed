using Cronos;
using FactFunctions.Jobs;
using Microsoft.Extensions.Options;

namespace FactFunctions.LocalHost;

/// <summary>Runs every <see cref="IFactJob"/> on its CRON schedule (UTC), as the Functions timer triggers do in Azure.</summary>
public sealed partial class JobScheduler(IEnumerable<IFactJob> jobs, TimeProvider time, IOptions<LocalHostOptions> options, ILogger<JobScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.RunTimers
            ? Task.WhenAll(jobs.Select(job => RunForeverAsync(job, stoppingToken)))
            : Task.CompletedTask;

    private async Task RunForeverAsync(IFactJob job, CancellationToken stoppingToken)
    {
        var schedule = CronExpression.Parse(job.Schedule, CronFormat.IncludeSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }

            await Task.Delay(next.Value - now, time, stoppingToken);
            try
            {
                await job.RunAsync(next.Value, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The Functions host retries a failed timer run; here the next occurrence is the retry.
                LogFailed(logger, e, job.Name);
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Timer job {Job} failed; it runs again at its next occurrence")]
    private static partial void LogFailed(ILogger logger, Exception exception, string job);
}
