using FactFunctions.Boards;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactFunctions.Email;

/// <summary>
/// Sends planned e-mails exactly once each, for reminders and publications alike: claim the e-mail's row in the
/// sent-log, send, then mark it sent (or release it for the next attempt when the provider did not accept it).
/// </summary>
public sealed partial class EmailDelivery(ReminderLog log, IEmailSender sender, IOptions<ReminderOptions> options, ILogger<EmailDelivery> logger)
{
    public async Task<IReadOnlyList<ReminderOutcome>> DeliverAsync(IEnumerable<PlannedEmail> plan, CancellationToken ct)
    {
        var outcomes = new List<ReminderOutcome>();
        var timeout = TimeSpan.FromMinutes(options.Value.ClaimTimeoutMinutes);
        foreach (var email in plan)
        {
            var (claim, etag) = await log.ClaimAsync(email.Entry, timeout, ct);
            if (claim != ClaimOutcome.Claimed)
            {
                outcomes.Add(Outcome(email, claim == ClaimOutcome.AlreadySent ? "already-sent" : "in-progress"));
                continue;
            }

            SendResult result;
            try
            {
                result = await sender.SendAsync(email.Message, email.Entry.Key, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                result = new SendResult(false, null, sender.Channel, e.GetType().Name);
            }

            if (result.Accepted)
            {
                await log.MarkSentAsync(email.Entry, etag, result, ct);
                LogSent(logger, email.Entry.Key, email.Entry.Kind, email.Entry.BoardId, result.Channel);
                outcomes.Add(Outcome(email, "sent") with { Channel = result.Channel, MessageId = result.MessageId });
            }
            else
            {
                await log.ReleaseAsync(email.Entry.Key, etag, ct);
                LogNotSent(logger, email.Entry.Key, email.Entry.Kind, email.Entry.BoardId);
                outcomes.Add(Outcome(email, "failed") with { Channel = result.Channel, Error = result.Error });
            }
        }

        return outcomes;
    }

    /// <summary>An e-mail with its sent-log row, keyed by kind, scope and recipient: the key that makes it go once.</summary>
    public static PlannedEmail Plan(string kind, string boardId, string scope, DateOnly day, Member member, EmailMessage message) => new(new ReminderLogEntry
    {
        Key = ReminderLog.KeyOf(kind, scope, member.Email!),
        Kind = kind,
        BoardId = boardId,
        Scope = scope,
        DueDate = day,
        Recipient = member.Email,
        Subject = message.Subject,
        Status = ReminderStatus.Sending,
    }, message);

    public static ReminderOutcome Outcome(PlannedEmail email, string status) => new()
    {
        Kind = email.Entry.Kind,
        BoardId = email.Entry.BoardId,
        Scope = email.Entry.Scope,
        Recipient = email.Message.To,
        RecipientName = email.Message.ToName,
        Subject = email.Message.Subject,
        Status = status,
    };

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "E-mail {ReminderKey} ({Kind}, board {BoardId}) sent via {Channel}")]
    private static partial void LogSent(ILogger logger, string reminderKey, string kind, string boardId, string channel);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "E-mail {ReminderKey} ({Kind}, board {BoardId}) not accepted; released for the next attempt")]
    private static partial void LogNotSent(ILogger logger, string reminderKey, string kind, string boardId);
}
