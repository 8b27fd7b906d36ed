using Azure.Storage.Blobs.Models;
using FactFunctions.Storage;
using Microsoft.Extensions.Options;
using MimeKit;

namespace FactFunctions.Email;

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
