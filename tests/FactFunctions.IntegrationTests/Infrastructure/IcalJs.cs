using System.Diagnostics;
using System.Text.Json;
using FactFunctions.TestSupport;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>An event as ical.js (pinned in package.json) reads it: the third-party check of our calendars.</summary>
public sealed record IcalJsEvent(string Uid, string Summary, string? Location, string? Description, string? Url, DateTimeOffset StartUtc);

/// <summary>Runs <c>tools/ical-events.cjs</c> under Node over an iCalendar document. Bounded: two minutes at most.</summary>
public static class IcalJs
{
    public static async Task<IReadOnlyList<IcalJsEvent>> EventsAsync(string ics)
    {
        string script = Path.Combine(RepositoryRoot.Path, "tests", "FactFunctions.IntegrationTests", "tools", "ical-events.cjs");
        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(ics);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ical.js could not read the calendar (exit {process.ExitCode}): {await error}");
        }

        return JsonSerializer.Deserialize<List<IcalJsEvent>>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
