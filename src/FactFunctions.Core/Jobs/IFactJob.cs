namespace FactFunctions.Jobs;

/// <summary>
/// A timer job. Both hosts run it from the same <see cref="Schedule"/> (a 6-field CRON in UTC): the Functions app
/// with <c>[TimerTrigger]</c>, LocalHost with Cronos. Jobs decide London-time questions themselves, so clock
/// changes never skip or double a run.
/// </summary>
public interface IFactJob
{
    string Name { get; }

    string Schedule { get; }

    Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Timer schedules, in the Functions 6-field NCRONTAB form (seconds first), evaluated in UTC.</summary>
public static class Schedules
{
    /// <summary>Every hour on the hour. Jobs on it act at a London wall-clock time of their own choosing.</summary>
    public const string Hourly = "0 0 * * * *";
}
