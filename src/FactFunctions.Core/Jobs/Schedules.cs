namespace FactFunctions.Jobs;

/// <summary>Timer schedules, in the Functions 6-field NCRONTAB form (seconds first), evaluated in UTC.</summary>
public static class Schedules
{
    /// <summary>Every hour on the hour. Jobs on it act at a London wall-clock time of their own choosing.</summary>
    public const string Hourly = "0 0 * * * *";
}
