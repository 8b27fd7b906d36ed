using System.ComponentModel.DataAnnotations;
using System.Net;
using Azure.Storage.Blobs.Models;
using FactFunctions.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace FactFunctions.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Fact:Reminders";

    [Required(ErrorMessage = "Fact:Reminders:FromAddress is required.")]
    [EmailAddress(ErrorMessage = "Fact:Reminders:FromAddress must be an email address.")]
    public string FromAddress { get; set; } = "fact-programme@example.org";

    public string FromName { get; set; } = "FACT Programme";

    /// <summary>London wall-clock time from which the day's reminders and digests go out.</summary>
    public TimeOnly SendAt { get; set; } = new(7, 0);

    /// <summary>How far back the calendar feed shows meetings, so a meeting just held keeps its entry and its paper's link.</summary>
    [Range(0, 3_660, ErrorMessage = "Fact:Reminders:CalendarPastDays must be between 0 and 3660.")]
    public int CalendarPastDays { get; set; } = 92;

    /// <summary>A claim older than this whose sender never reported back is taken over by the next run.</summary>
    [Range(1, 1440, ErrorMessage = "Fact:Reminders:ClaimTimeoutMinutes must be between 1 and 1440.")]
    public int ClaimTimeoutMinutes { get; set; } = 15;
}

public sealed class SendGridOptions
{
    public const string Section = "Fact:SendGrid";

    /// <summary>When empty, emails are written to the outbox container instead of sent.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Another API host (tests point this at a fake on loopback).</summary>
    public string? Host { get; set; }

    [Range(0, 10, ErrorMessage = "Fact:SendGrid:MaxRetries must be between 0 and 10.")]
    public int MaxRetries { get; set; } = 4;

    [Range(1, 60_000, ErrorMessage = "Fact:SendGrid:RetryDelayMilliseconds must be between 1 and 60000.")]
    public int RetryDelayMilliseconds { get; set; } = 1_000;

    /// <summary>The longest wait a 429's Retry-After may impose before one retry.</summary>
    [Range(1, 300, ErrorMessage = "Fact:SendGrid:MaxRetryAfterSeconds must be between 1 and 300.")]
    public int MaxRetryAfterSeconds { get; set; } = 60;

    [Range(1, 300, ErrorMessage = "Fact:SendGrid:AttemptTimeoutSeconds must be between 1 and 300.")]
    public int AttemptTimeoutSeconds { get; set; } = 15;

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}

/// <summary>
/// Sends through SendGrid. Retries (429 after its Retry-After, 5xx, timeouts, refused connections) are done by the
/// resilience pipeline on the named HttpClient; only a 202 counts as accepted.
/// </summary>
public sealed partial class SendGridEmailSender(IHttpClientFactory clients, IOptions<SendGridOptions> options, IOptions<ReminderOptions> reminders, ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public const string HttpClientName = "sendgrid";

    public string Channel => "sendgrid";

    public async Task<SendResult> SendAsync(EmailMessage message, string key, CancellationToken cancellationToken)
    {
        var client = new SendGridClient(clients.CreateClient(HttpClientName), new SendGridClientOptions
        {
            ApiKey = options.Value.ApiKey,
            Host = string.IsNullOrWhiteSpace(options.Value.Host) ? "https://api.sendgrid.com" : options.Value.Host,
        });
        var mail = MailHelper.CreateSingleEmail(
            new EmailAddress(reminders.Value.FromAddress, reminders.Value.FromName),
            new EmailAddress(message.To, message.ToName),
            message.Subject,
            message.Text,
            message.Html);
        foreach (var attachment in message.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType);
        }

        mail.AddCustomArg("factKey", key);
        try
        {
            var response = await client.SendEmailAsync(mail, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                string? id = response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
                return new SendResult(true, id, Channel);
            }

            LogRefused(logger, key, (int)response.StatusCode);
            return new SendResult(false, null, Channel, $"SendGrid answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, key, e.GetType().Name);
            return new SendResult(false, null, Channel, $"SendGrid could not be reached ({e.GetType().Name}).");
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "SendGrid refused reminder {ReminderKey} with status {Status}")]
    private static partial void LogRefused(ILogger logger, string reminderKey, int status);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "SendGrid unreachable for reminder {ReminderKey} ({ExceptionType})")]
    private static partial void LogUnreachable(ILogger logger, string reminderKey, string exceptionType);
}

/// <summary>Without a SendGrid key, each email is written as an .eml file to the outbox container, exactly as it would be sent.</summary>
public sealed class OutboxEmailSender(FactStorage storage, IOptions<ReminderOptions> reminders, TimeProvider time) : IEmailSender
{
    public string Channel => "outbox";

    public async Task<SendResult> SendAsync(EmailMessage message, string key, CancellationToken cancellationToken)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(reminders.Value.FromName, reminders.Value.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? message.To, message.To));
        mime.Subject = message.Subject;
        mime.Date = time.GetUtcNow();
        mime.MessageId = $"{key[..Math.Min(32, key.Length)]}@factfunctions";
        var body = new BodyBuilder { HtmlBody = message.Html, TextBody = message.Text };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();

        // As it would go over SMTP: every part encoded to 7-bit (quoted-printable or base64 as MimeKit judges best)
        // and CRLF line endings, so strict parsers and mail clients read it as sent.
        mime.Prepare(EncodingConstraint.SevenBit);
        using var stream = new MemoryStream();
        await mime.WriteToAsync(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream, cancellationToken);

        string name = $"{Dates.LondonTime.Today(time):yyyy-MM-dd}/{key}.eml";
        var container = await storage.ContainerAsync(Containers.Outbox, cancellationToken);
        stream.Position = 0;
        await container.GetBlobClient(name).UploadAsync(stream, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "message/rfc822" } }, cancellationToken);
        return new SendResult(true, name, Channel);
    }
}
