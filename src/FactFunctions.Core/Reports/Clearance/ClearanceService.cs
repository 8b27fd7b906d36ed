using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Email;
using FactFunctions.Http;
using FactFunctions.Links;
using FactFunctions.Reports.Publication;
using FactFunctions.Snapshots;
using Microsoft.Extensions.Logging;

namespace FactFunctions.Reports.Clearance;

/// <summary>
/// Clearance of a paper version by its boards' clearers. The version's clearance (who was asked, what each answered) is
/// kept on the paper's own row and changed only under its ETag, so of two answers at once each is applied on the
/// paper as the other left it, a clearer's second answer changes nothing, and the status always follows the answers
/// (<see cref="StatusOf"/>). E-mails go once per clearer and version through the sent-log.
/// </summary>
public sealed partial class ClearanceService(
    PaperStore reports,
    PaperAudience audience,
    BoardStore boards,
    ReminderCalendar calendar,
    SnapshotStore snapshots,
    EmailDelivery delivery,
    SignedLinks links,
    TimeProvider time,
    ILogger<ClearanceService> logger)
{
    private const int Attempts = 8;

    public const int MaxComment = 2_000;

    /// <summary>A clearer's stable key (<see cref="Clearer.KeyOf"/>): it names them in review links without showing their address.</summary>
    public static string KeyOf(string email) => Clearer.KeyOf(email);

    /// <summary>The clearers of a paper of <paramref name="kind"/> for <paramref name="paperBoards"/>, once each by address.</summary>
    public static IReadOnlyList<Clearer> ClearersOf(IEnumerable<Board> paperBoards, string kind) =>
        [.. paperBoards.SelectMany(b => b.ClearersOf(kind)).Where(c => c.Email is not null).DistinctBy(c => KeyOf(c.Email!))];

    /// <summary>The clearers the paper needs today: its boards' clearers of its kind.</summary>
    public async Task<IReadOnlyList<Clearer>> RequiredAsync(PaperMetadata report, CancellationToken ct) =>
        ClearersOf(await audience.BoardsOfAsync(report, ct), report.Kind);

    /// <summary>
    /// "Name (role)" of everyone whose clearance this version lacks, the one rule approval and publication use: each clearer
    /// it was sent to who has not cleared it (returned, or not yet answered), and each clearer its boards name today who has
    /// not cleared it (added since, or never sent).
    /// </summary>
    public static IReadOnlyList<string> Outstanding(PaperMetadata report, IReadOnlyList<Clearer> required)
    {
        var entries = report.Clearance ?? [];
        var cleared = entries.Where(e => e.Answer == ClearanceAnswers.Cleared).Select(e => e.Clearer).ToHashSet(StringComparer.Ordinal);
        var asked = entries.Select(e => e.Clearer).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. entries.Where(e => e.Answer != ClearanceAnswers.Cleared).Select(e => $"{e.Name} ({e.Role})"),
            .. required.Where(c => !cleared.Contains(KeyOf(c.Email!)) && !asked.Contains(KeyOf(c.Email!))).Select(c => $"{c.Name} ({c.Role})"),
        ];
    }

    /// <summary>The status the answers give: returned if anyone returned it, cleared when everyone cleared it, else in clearance.</summary>
    public static string StatusOf(IReadOnlyList<ClearanceEntry> entries) =>
        entries.Any(e => e.Answer == ClearanceAnswers.Returned) ? PaperStatus.Returned
        : entries.Count > 0 && entries.All(e => e.Answer == ClearanceAnswers.Cleared) ? PaperStatus.Cleared
        : PaperStatus.InClearance;

    public Task<MeetingDeadlines?> DeadlinesAsync(PaperMetadata report, CancellationToken ct) => audience.DeadlinesAsync(report, ct);

    /// <summary>The signed link to a clearer's review page of a version; it reaches that page only.</summary>
    public Uri ReviewLink(string reportId, string clearer, DateTimeOffset expires) =>
        links.Absolute($"{Routes.BasePath}/reports/{reportId}/review/{clearer}", expires, LinkScope.Everything);

    /// <summary>
    /// Sends a draft (or a version already in clearance or cleared, to clearers added to its boards since) to its boards'
    /// clearers: records who was asked, then e-mails each once. Sending again completes a send cut short and e-mails nobody twice.
    /// </summary>
    /// <param name="reportId">The paper version.</param>
    /// <param name="resend">
    /// Send those who have not answered a new e-mail with a new link (theirs expired, or went astray): at most once a day each.
    /// </param>
    /// <param name="ct">Cancels the work.</param>
    public async Task<(ClearanceResult? Result, ClearanceFailure Failure, PaperMetadata? Current)> SendAsync(string reportId, bool resend, CancellationToken ct)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await reports.GetVersionAsync(reportId, ct) is not { } found)
            {
                return (null, ClearanceFailure.NotFound, null);
            }

            var (report, etag) = found;
            if (report.Status is not (PaperStatus.Draft or PaperStatus.InClearance or PaperStatus.Cleared))
            {
                return (null, ClearanceFailure.WrongStatus, report);
            }

            var required = await RequiredAsync(report, ct);
            if (required.Count == 0)
            {
                return (null, ClearanceFailure.NoClearers, report);
            }

            var entries = (report.Clearance ?? []).ToList();
            var asked = entries.Select(e => e.Clearer).ToHashSet(StringComparer.Ordinal);
            var now = time.GetUtcNow();
            entries.AddRange(required.Where(c => !asked.Contains(KeyOf(c.Email!))).Select(c => new ClearanceEntry
            {
                Clearer = KeyOf(c.Email!),
                Name = c.Name,
                Email = c.Email,
                Role = c.Role,
                Sections = c.AnswersFor,
                SentAt = now,
            }));
            var sent = report with { Clearance = entries, Status = StatusOf(entries) };
            if (sent.Status != report.Status || entries.Count != asked.Count)
            {
                if (!await reports.UpdateLifeAsync(sent, etag, ct))
                {
                    continue;
                }

                LogSent(logger, reportId, entries.Count - asked.Count);
            }

            var plan = await PlanRequestsAsync(sent, resend, ct);
            return (new ClearanceResult { Report = sent, Emails = await delivery.DeliverAsync(plan, ct) }, ClearanceFailure.None, null);
        }

        return (null, ClearanceFailure.Busy, null);
    }

    /// <summary>
    /// Records a clearer's answer to a version, once: a second answer (the same or the other button, from another tab or
    /// a replayed form) changes nothing and is told what was recorded.
    /// </summary>
    public async Task<(PaperMetadata? Report, ClearanceEntry? Entry, ClearanceFailure Failure)> AnswerAsync(
        string reportId, string clearer, string action, string? comment, CancellationToken ct)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await reports.GetVersionAsync(reportId, ct) is not { } found)
            {
                return (null, null, ClearanceFailure.NotFound);
            }

            var (report, etag) = found;
            var entries = (report.Clearance ?? []).ToList();
            int index = entries.FindIndex(e => e.Clearer == clearer);
            if (index < 0)
            {
                return (report, null, ClearanceFailure.UnknownClearer);
            }

            if (entries[index].Answer is not null)
            {
                return (report, entries[index], ClearanceFailure.AlreadyAnswered);
            }

            if (!PaperStatus.TakesAnswers(report.Status))
            {
                return (report, entries[index], ClearanceFailure.WrongStatus);
            }

            entries[index] = entries[index] with
            {
                Answer = ClearanceAnswers.AnswerOf(action),
                Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
                AnsweredAt = time.GetUtcNow(),
            };
            var answered = report with { Clearance = entries, Status = StatusOf(entries) };
            if (await reports.UpdateLifeAsync(answered, etag, ct))
            {
                LogAnswered(logger, reportId, entries[index].Answer!);
                return (answered, entries[index], ClearanceFailure.None);
            }
        }

        return (null, null, ClearanceFailure.Busy);
    }

    /// <summary>
    /// The reminders due on <paramref name="day"/>: to each clearer who has not answered a version in clearance, from the
    /// working day before its clearance deadline to the deadline itself, once (the sent-log key is the version and clearer).
    /// </summary>
    public async Task<IReadOnlyList<PlannedEmail>> PlanRemindersAsync(DateOnly day, CancellationToken ct)
    {
        var planned = new List<PlannedEmail>();
        var expires = links.DefaultExpiry();
        var waiting = (await reports.ListAsync(null, null, ct)).Where(r => PaperStatus.TakesAnswers(r.Status) && r.MeetingDate >= day).ToList();
        if (waiting.Count == 0)
        {
            return planned;
        }

        // Boards and meetings read once for every paper waiting, not once per paper.
        var all = await boards.ListBoardsAsync(ct);
        var meetings = await boards.ListMeetingsAsync(null, ct);
        foreach (var report in waiting)
        {
            if (audience.Deadlines(report, PaperAudience.BoardsOf(report, all, meetings), meetings) is not { } deadlines || day > deadlines.Clearance ||
                day < calendar.WorkingDaysBefore(deadlines.Clearance, 1))
            {
                continue;
            }

            foreach (var entry in (report.Clearance ?? []).Where(e => e.Answer is null && e.Email is not null))
            {
                var message = ClearanceEmail.Reminder(report, entry, ReviewLink(report.Id, entry.Clearer, expires), expires, deadlines);
                var recipient = new Member { Name = entry.Name, Email = entry.Email };
                planned.Add(EmailDelivery.Plan("clearance-reminder", report.BoardId ?? report.Kind, report.Id, day, recipient, message));
            }
        }

        return planned;
    }

    /// <summary>One request per clearer who has not answered, each saying what changed since the version they were last sent.</summary>
    private async Task<IReadOnlyList<PlannedEmail>> PlanRequestsAsync(PaperMetadata report, bool resend, CancellationToken ct)
    {
        var waiting = (report.Clearance ?? []).Where(e => e.Answer is null && e.Email is not null).ToList();
        if (waiting.Count == 0)
        {
            return [];
        }

        var expires = links.DefaultExpiry();
        var deadlines = await DeadlinesAsync(report, ct);
        var earlier = (await reports.ListAsync(report.Kind, report.MeetingDate, ct))
            .Where(v => v.Id != report.Id && PaperMeeting.Of(v) == PaperMeeting.Of(report) && v.CreatedAt <= report.CreatedAt && v.Clearance is { Count: > 0 })
            .OrderByDescending(v => v.CreatedAt)
            .ToList();
        var compared = new Dictionary<string, (ProgrammeWords Programme, string Before, string After)?>(StringComparer.Ordinal);
        var day = LondonTime.DateOf(time.GetUtcNow());
        var planned = new List<PlannedEmail>();
        foreach (var entry in waiting)
        {
            ClearanceChange? change = null;
            if (earlier.FirstOrDefault(v => v.Clearance!.Any(e => e.Clearer == entry.Clearer)) is { } previous)
            {
                if (!compared.TryGetValue(previous.Id, out var pair))
                {
                    compared[previous.Id] = pair = await CompareAsync(previous, report, ct);
                }

                change = pair is { } p
                    ? new ClearanceChange(previous.CreatedAt, p.Programme.Lines, PaperSections.Changed(p.Before, p.After, entry.Sections ?? []))
                    : null;
            }

            var message = ClearanceEmail.Request(report, entry, ReviewLink(report.Id, entry.Clearer, expires), expires, deadlines, change);
            var recipient = new Member { Name = entry.Name, Email = entry.Email };
            string scope = resend ? $"{report.Id}/{day:yyyy-MM-dd}" : report.Id;
            planned.Add(EmailDelivery.Plan("clearance", report.BoardId ?? report.Kind, scope, day, recipient, message));
        }

        return planned;
    }

    /// <summary>Two versions side by side: the programme's changes between their snapshots, and both papers' words.</summary>
    private async Task<(ProgrammeWords Programme, string Before, string After)?> CompareAsync(PaperMetadata previous, PaperMetadata report, CancellationToken ct)
    {
        if (await reports.ContentAsync(previous, ct) is not { } before || await reports.ContentAsync(report, ct) is not { } after)
        {
            return null;
        }

        var words = new ProgrammeWords(["The earlier version's snapshot is no longer kept, so the programme's changes cannot be listed."]);
        if (previous.SnapshotId == report.SnapshotId)
        {
            words = new ProgrammeWords([]);
        }
        else if (await snapshots.GetAsync(previous.SnapshotId, ct) is { } old && await snapshots.GetAsync(report.SnapshotId, ct) is { } now)
        {
            words = new ProgrammeWords([.. SnapshotDiff.Compare(old, now).Summary()]);
        }

        string Body(byte[] content) => PaperHtml.RenderBody(report.Kind, content, string.Empty, _ => string.Empty).Body;
        return (words, Body(before.Content), Body(after.Content));
    }

    /// <summary>The programme's changes in words.</summary>
    private sealed record ProgrammeWords(IReadOnlyList<string> Lines);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Paper {ReportId} sent for clearance to {Added} more clearer(s)")]
    private static partial void LogSent(ILogger logger, string reportId, int added);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Paper {ReportId} {Answer} by a clearer")]
    private static partial void LogAnswered(ILogger logger, string reportId, string answer);
}
