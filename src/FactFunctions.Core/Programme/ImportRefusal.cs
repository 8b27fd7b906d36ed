using System.Globalization;
using FactFunctions.Http;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Programme;

/// <summary>
/// The 409 a snapshot or paper gets while an import has not completed. An import still writing is in progress: ask
/// again shortly (<c>Retry-After</c>), nothing to resend. Only one that has written nothing for
/// <see cref="ImportJournal.StallAfter"/> has stopped, and sending it again completes it.
/// </summary>
public static class ImportRefusal
{
    /// <summary>Seconds a caller is asked to wait for an import in progress: imports take seconds.</summary>
    public const int RetryAfterSeconds = 2;

    public static IResult For(IncompleteImport import, DateTimeOffset now)
    {
        string started = import.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        string what = string.Create(CultureInfo.InvariantCulture,
            $"The import {import.Id} (started {started} UTC, {import.PlannedRecords} records; last stage written: {import.Stage}, " +
            $"{Ago(now - import.ProgressAt)})");
        if (import.IsStalled(now))
        {
            return Problems.Problem(StatusCodes.Status409Conflict, Problems.ImportIncompleteType, "An import stopped before it completed.",
                $"{what} stopped before it completed, so the programme may be half-applied. Send that import again to complete it, then ask again.");
        }

        return new RetryAfterResult(Problems.Problem(StatusCodes.Status409Conflict, Problems.ImportInProgressType, "An import is being applied.",
            $"{what} is still being applied. Nothing needs sending again: ask again in {RetryAfterSeconds} seconds."), RetryAfterSeconds);
    }

    private static string Ago(TimeSpan elapsed) => elapsed < TimeSpan.FromSeconds(1)
        ? "just now"
        : elapsed < TimeSpan.FromMinutes(2)
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalSeconds} seconds ago")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes} minutes ago");
}
