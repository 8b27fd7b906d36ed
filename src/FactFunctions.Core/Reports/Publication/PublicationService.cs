using FactFunctions.Dates;
using FactFunctions.Email;
using FactFunctions.Http;
using FactFunctions.Links;
using FactFunctions.Reports.Clearance;
using Microsoft.Extensions.Logging;

namespace FactFunctions.Reports.Publication;

/// <summary>
/// Approves and publishes papers. Publishing claims the meeting's paper of record with one conditional write (so of two
/// concurrent publications one wins), then records the statuses, then e-mails the board's members once each through
/// the sent-log claim. Every step is idempotent: sending the same publish again completes one that was cut short.
/// </summary>
public sealed partial class PublicationService(
    PaperStore reports,
    PaperAudience audience,
    EmailDelivery delivery,
    SignedLinks links,
    TimeProvider time,
    ILogger<PublicationService> logger)
{
    private const int Attempts = 5;

    /// <summary>
    /// Approves a version before publication. When its boards name clearers, every one must have cleared this version, or
    /// the lead gives <paramref name="overrideReason"/>, which is recorded and shown; otherwise the answer names who is outstanding.
    /// </summary>
    public async Task<(PaperMetadata? Report, PublicationFailure Failure, IReadOnlyList<string> Outstanding)> ApproveAsync(
        string reportId, string who, string? overrideReason, CancellationToken ct)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await reports.GetVersionAsync(reportId, ct) is not { } found)
            {
                return (null, PublicationFailure.NotFound, []);
            }

            var (report, etag) = found;
            switch (report.Status)
            {
                case PaperStatus.Approved:
                    return (report, PublicationFailure.None, []);
                case PaperStatus.Published or PaperStatus.Superseded:
                    return (report, PublicationFailure.WrongStatus, []);
            }

            var outstanding = ClearanceService.Outstanding(report, ClearanceService.ClearersOf(await audience.BoardsOfAsync(report, ct), report.Kind));
            if (outstanding.Count > 0 && string.IsNullOrWhiteSpace(overrideReason))
            {
                return (report, PublicationFailure.NotCleared, outstanding);
            }

            var approved = report with
            {
                Status = PaperStatus.Approved,
                ApprovedBy = who,
                ApprovedAt = time.GetUtcNow(),
                ApprovalOverride = outstanding.Count > 0 ? $"{overrideReason!.Trim()} (not cleared by {string.Join(", ", outstanding)})" : null,
            };
            if (await reports.UpdateLifeAsync(approved, etag, ct))
            {
                LogApproved(logger, reportId);
                return (approved, PublicationFailure.None, []);
            }
        }

        return (null, PublicationFailure.Busy, []);
    }

    public async Task<(PublicationResult? Result, PublicationFailure Failure, PaperMetadata? Current)> PublishAsync(
        string reportId, string who, string? reason, string? lateReason, CancellationToken ct)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await reports.GetAsync(reportId, ct) is not { } report)
            {
                return (null, PublicationFailure.NotFound, null);
            }

            if (PaperStatus.BeforeApproval(report.Status))
            {
                return (null, PublicationFailure.NotApproved, report);
            }

            if (report.Status is PaperStatus.Superseded)
            {
                return (null, PublicationFailure.WrongStatus, report);
            }

            // The boards told now are the paper's audience for good: a member's link from one of them reaches it
            // whatever later happens to the meetings (PaperMetadata.PublishedTo).
            var told = await audience.BoardsOfAsync(report, ct);
            if (report.PublishedTo is { } already)
            {
                told = [.. told.Where(b => already.Contains(b.Id, StringComparer.Ordinal))];
            }

            if (report.Status is not PaperStatus.Published && told.Count == 0)
            {
                return (null, PublicationFailure.NoBoardToTell, report);
            }

            // Published after the publication deadline, the paper is a late item: it says why (LGA 1972 s100B(4)).
            string? late = null;
            if (report.Status is not PaperStatus.Published && await audience.DeadlinesAsync(report, ct, told) is { } deadlines &&
                LondonTime.DateOf(time.GetUtcNow()) > deadlines.Publication)
            {
                if (string.IsNullOrWhiteSpace(lateReason))
                {
                    return (null, PublicationFailure.LateReasonRequired, report);
                }

                late = $"{lateReason.Trim()} (the publication deadline was {EmailBody.LongDate(deadlines.Publication)}, {deadlines.ClearDays} clear days before the meeting)";
            }

            var record = await reports.PaperOfRecordAsync(PaperMeeting.Of(report), ct);
            if (record?.ReportId != reportId)
            {
                if (record is not null && string.IsNullOrWhiteSpace(reason))
                {
                    return (null, PublicationFailure.ReasonRequired, await reports.GetAsync(record.ReportId, ct));
                }

                if (!await reports.ClaimRecordAsync(PaperMeeting.Of(report), reportId, record, reason?.Trim(), ct))
                {
                    continue;
                }

                record = await reports.PaperOfRecordAsync(PaperMeeting.Of(report), ct);
                if (record?.ReportId != reportId)
                {
                    continue;
                }
            }

            var published = await MarkAsync(reportId, r => r.Status == PaperStatus.Published ? null : r with
            {
                Status = PaperStatus.Published,
                PublishedTo = [.. told.Select(b => b.Id)],
                PublishedBy = who,
                PublishedAt = time.GetUtcNow(),
                Supersedes = record.Replaced,
                SupersedeReason = record.Reason,
                LateReason = late,
            }, ct);
            PaperMetadata? replaced = null;
            if (record.Replaced is { } old)
            {
                replaced = await MarkAsync(old, r => r.Status == PaperStatus.Superseded ? null : r with
                {
                    Status = PaperStatus.Superseded,
                    SupersededBy = reportId,
                    SupersededAt = time.GetUtcNow(),
                }, ct);
            }

            if (published is null)
            {
                return (null, PublicationFailure.Busy, null);
            }

            LogPublished(logger, reportId, record.Replaced);
            var emails = await delivery.DeliverAsync(PlanEmails(published, replaced, told), ct);
            return (new PublicationResult { Report = published, Superseded = record.Replaced, Emails = emails }, PublicationFailure.None, null);
        }

        return (null, PublicationFailure.Busy, null);
    }

    /// <summary>The signed links to a paper that e-mails to a board's members carry, all expiring together and reaching that board's papers only.</summary>
    public PaperLinks LinksTo(string reportId, string boardId, DateTimeOffset expires)
    {
        var scope = LinkScope.Member(boardId);
        return new PaperLinks(
            links.Absolute($"{Routes.BasePath}/reports/{reportId}/html", expires, scope),
            links.Absolute($"{Routes.BasePath}/reports/{reportId}/content", expires, scope),
            links.Absolute($"{Routes.BasePath}/{Routes.Papers}", expires, scope),
            expires);
    }

    /// <summary>Applies <paramref name="change"/> (null: nothing to change) under the paper's ETag, re-reading on a race.</summary>
    private async Task<PaperMetadata?> MarkAsync(string reportId, Func<PaperMetadata, PaperMetadata?> change, CancellationToken ct)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            if (await reports.GetVersionAsync(reportId, ct) is not { } found)
            {
                return null;
            }

            if (change(found.Report) is not { } changed)
            {
                return found.Report;
            }

            if (await reports.UpdateLifeAsync(changed, found.ETag, ct))
            {
                return changed;
            }
        }

        return null;
    }

    /// <summary>
    /// One e-mail per member (by address) of each board that has this meeting and asks for this kind of paper (only the
    /// paper's own board when it was written for one, as a highlight report is), or, when no meeting names it, of each
    /// board of the paper's kind.
    /// </summary>
    private IReadOnlyList<PlannedEmail> PlanEmails(PaperMetadata report, PaperMetadata? replaced, IReadOnlyList<Boards.Board> chosen)
    {
        var expires = links.DefaultExpiry();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var planned = new List<PlannedEmail>();
        var day = LondonTime.DateOf(time.GetUtcNow());
        foreach (var board in chosen)
        {
            foreach (var member in (board.Members ?? []).Where(m => m.Email is not null && seen.Add(m.Email)))
            {
                var message = PublicationEmail.Compose(board.Name ?? board.Id, report, member, LinksTo(report.Id, board.Id, expires), replaced);
                planned.Add(EmailDelivery.Plan("publication", board.Id, report.Id, day, member, message));
            }
        }

        return planned;
    }

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Paper {ReportId} approved")]
    private static partial void LogApproved(ILogger logger, string reportId);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Paper {ReportId} published (replacing {Replaced})")]
    private static partial void LogPublished(ILogger logger, string reportId, string? replaced);
}
