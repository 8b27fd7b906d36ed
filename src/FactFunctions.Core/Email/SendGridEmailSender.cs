using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace FactFunctions.Email;

/// <summary>
/// Sends through SendGrid. Retries (429 after its Retry-After, 5xx, timeouts, refused connections) are done by the
/// resilience pipeline on the named HttpClient; only a 202 counts as accepted.
/// </summary>
public sealed partial class SendGridEmailSender(IHttpClientFactory clients, IOptions<SendGridOptions> options, IOptions<ReminderOptions> reminders,
    ILogger<SendGridEmailSender> logger) : IEmailSender
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
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            && !cancellationToken.IsCancellationRequested)
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
