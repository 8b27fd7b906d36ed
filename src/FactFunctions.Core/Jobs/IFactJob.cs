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
