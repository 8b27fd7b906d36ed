namespace FactFunctions.LocalHost;

public sealed class LocalHostOptions
{
    public const string Section = "Fact:LocalHost";

    /// <summary>Import the FACT sample programme at start when storage holds no projects (run-local.sh sets it).</summary>
    public bool LoadSampleWhenEmpty { get; set; }

    /// <summary>Run the timer jobs (daily snapshot, reminders) on their schedules. Tests switch it off and call jobs directly.</summary>
    public bool RunTimers { get; set; } = true;

    /// <summary>
    /// Print signed links to the papers page and the calendar feed on the console once listening (run-local.sh sets it),
    /// so a browser and a calendar app can open them at once. Printed, never logged: logs carry no credentials.
    /// </summary>
    public bool PrintLinks { get; set; }
}
