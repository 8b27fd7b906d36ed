using System.Globalization;
using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Email;
using FactFunctions.Http;
using FactFunctions.Links;
using FactFunctions.Reports.Publication;
using FactFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FactFunctions.Reminders;

public sealed record RunRemindersRequest
{
    /// <summary>An instant (2022-10-25T08:00:00+01:00) or a London date (2022-10-25).</summary>
    public string? AsOf { get; init; }

    public bool? DryRun { get; init; }
}

/// <summary>The calendar feed, reminder and sent-log endpoints of api.md.</summary>
public sealed class ReminderHandlers(
    RequestPipeline pipeline, CallerAuthorizer authorizer, JsonBody body, BoardStore boards, ReminderCalendar calendar, ReminderService reminders, ReminderLog log,
    FactStorage storage, TimeProvider time, PaperStore reports, SignedLinks links, IOptions<ReminderOptions> options)
{
    /// <summary>
    /// Recent (<see cref="ReminderOptions.CalendarPastDays"/>) and upcoming meetings and paper deadlines of every board as
    /// an iCalendar feed; each meeting links (signed) to its published paper, or to the papers page.
    /// </summary>
    public Task<IResult> Calendar(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            var since = LondonTime.Today(time).AddDays(-options.Value.CalendarPastDays);
            var byId = (await boards.ListBoardsAsync(ct)).ToDictionary(b => b.Id, StringComparer.Ordinal);
            var published = (await reports.ListAsync(null, null, ct))
                .Where(r => r.Status == PaperStatus.Published)
                .GroupBy(PaperMeeting.Of)
                .ToDictionary(g => g.Key, g => g.First().Id);
            // A member's feed shows that member's board only; its links, whoever asked, read published papers only.
            var reach = authorizer.ReadScope(request);
            var scope = new LinkScope(EveryVersion: false, reach.Board);
            var expires = authorizer.PageLinkExpiry(request);
            var papersPage = links.Absolute($"{Routes.BasePath}/{Routes.Papers}", expires, scope);
            var entries = (await boards.ListMeetingsAsync(null, ct))
                .Where(m => m.Date >= since && byId.ContainsKey(m.BoardId) && reach.Reaches(m.BoardId))
                .Select(m => m.ReportKind is { } kind && published.TryGetValue(PaperMeeting.For(kind, m.Date, m.BoardId), out string? reportId)
                    ? new CalendarEntry(byId[m.BoardId], m, calendar.Deadlines(byId[m.BoardId], m), links
                        .Absolute($"{Routes.BasePath}/reports/{reportId}/html", expires, scope), PaperPublished: true)
                    : new CalendarEntry(byId[m.BoardId], m, calendar.Deadlines(byId[m.BoardId], m), papersPage));
            return TypedResults.Text(EmailComposer.Calendar(entries), "text/calendar; charset=utf-8");
        });

    public Task<IResult> Run(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            var input = await body.ReadAsync<RunRemindersRequest>(request, ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            DateTimeOffset asOf;
            string? text = input.Value!.AsOf;
            if (text is null)
            {
                asOf = time.GetUtcNow();
            }
            else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                if (!InputDates.InRange(day))
                {
                    return Problems.Invalid("asOf", $"{InputDates.Rule}; {text} is outside it.");
                }

                // A date means that day's 07:00 run in London.
                var local = day.ToDateTime(new TimeOnly(7, 0));
                asOf = new DateTimeOffset(local, LondonTime.Zone.GetUtcOffset(local));
            }
            else if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf) || !text.Contains('T', StringComparison.Ordinal))
            {
                return Problems.Invalid("asOf", "must be a date (2022-10-25) or an instant with its offset (2022-10-25T08:00:00+01:00).");
            }

            if (!InputDates.InRange(DateOnly.FromDateTime(asOf.UtcDateTime)))
            {
                return Problems.Invalid("asOf", $"{InputDates.Rule}; {text} is outside it.");
            }

            return TypedResults.Ok(await reminders.RunAsync(asOf, input.Value.DryRun ?? true, ct));
        });

    public Task<IResult> SentLog(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            DateOnly? from = null, to = null;
            if (request.Query["from"].FirstOrDefault() is { } fromText)
            {
                if (!InputDates.TryParse(fromText, out var parsed))
                {
                    return Problems.BadDateParameter("from", fromText);
                }

                from = parsed;
            }

            if (request.Query["to"].FirstOrDefault() is { } toText)
            {
                if (!InputDates.TryParse(toText, out var parsed))
                {
                    return Problems.BadDateParameter("to", toText);
                }

                to = parsed;
            }

            var entries = await log.ListAsync(from, to, ct);
            return TypedResults.Ok(IsLead(request) ? entries : entries.Select(e => e with { Recipient = null }).ToList());
        });

    /// <summary>
    /// The .eml an outbox delivery wrote, so a local run can read exactly what would have been sent. For the programme
    /// lead only: a message holds a member's address and what was sent to them.
    /// </summary>
    public Task<IResult> Message(HttpRequest request, string key) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (key.Length != 40 || !key.All(char.IsAsciiHexDigitLower))
            {
                return Problems.BadParameter("key", "must be a reminder key from the sent-log (40 lower-case hex digits).");
            }

            var entry = await log.GetAsync(key, ct);
            if (entry is not { Channel: "outbox", MessageId: { } blob })
            {
                return Problems.NotFound($"An outbox message for reminder '{key}'");
            }

            var container = await storage.ContainerAsync(Containers.Outbox, ct);
            var download = await container.GetBlobClient(blob).DownloadContentAsync(ct);
            return TypedResults.File(download.Value.Content.ToArray(), "message/rfc822", $"{key}.eml");
        });

    private bool IsLead(HttpRequest request) => authorizer.Role(request) == FactRole.ProgrammeLead;

}
