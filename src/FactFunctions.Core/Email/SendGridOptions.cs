using System.ComponentModel.DataAnnotations;

namespace FactFunctions.Email;

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
