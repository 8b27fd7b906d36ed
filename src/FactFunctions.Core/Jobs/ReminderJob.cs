using FactFunctions.Dates;
using FactFunctions.Email;
using FactFunctions.Reminders;
using Microsoft.Extensions.Options;

namespace FactFunctions.Jobs;

/// <summary>
/// Sends the day's deadline reminders and digests at the first hourly run at or after 07:00 London time; later runs
/// that day send only what is still due (after a failure), so clock changes never skip or double a day.
/// </summary>
public sealed class ReminderJob(ReminderService reminders, IOptions<ReminderOptions> options) : IFactJob
{
    public string Name => "Reminders";

    public string Schedule => Schedules.Hourly;

    public async Task RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var london = TimeZoneInfo.ConvertTime(now, LondonTime.Zone);
        if (TimeOnly.FromDateTime(london.DateTime) < options.Value.SendAt)
        {
            return;
        }

        await reminders.RunAsync(now, dryRun: false, cancellationToken);
    }
}
