namespace FactFunctions.Email;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One email to one recipient, with HTML and plain-text bodies.</summary>
public sealed record EmailMessage
{
    public required string To { get; init; }

    public string? ToName { get; init; }

    public required string Subject { get; init; }

    public required string Html { get; init; }

    public required string Text { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

public sealed record SendResult(bool Accepted, string? MessageId, string Channel, string? Error = null);

/// <summary>Delivers an email: SendGrid in production, the outbox container locally.</summary>
public interface IEmailSender
{
    string Channel { get; }

    Task<SendResult> SendAsync(EmailMessage message, string key, CancellationToken cancellationToken);
}
