namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>An event as ical.js (pinned in package.json) reads it: the third-party check of our calendars.</summary>
public sealed record IcalJsEvent(string Uid, string Summary, string? Location, string? Description, string? Url, DateTimeOffset StartUtc);

/// <summary>Runs <c>tools/ical-events.cjs</c> under Node over an iCalendar document. Bounded: two minutes at most.</summary>
public static class IcalJs
{
    public static async Task<IReadOnlyList<IcalJsEvent>> EventsAsync(string ics) =>
        await NodeScript.RunAsync<List<IcalJsEvent>>("ical-events.cjs", [], TimeSpan.FromMinutes(2), input: ics);
}
