using System.ComponentModel.DataAnnotations;

namespace FactFunctions.Links;

/// <summary>Signed links, bound from <c>Fact:Links</c>. In Azure the signing key comes from a Key Vault reference.</summary>
public sealed class LinkOptions : IValidatableObject
{
    public const string Section = "Fact:Links";

    /// <summary>The HMAC key every link is signed with. Changing it revokes every link already sent.</summary>
    [Required(ErrorMessage = "Fact:Links:SigningKey is required.")]
    [MinLength(32, ErrorMessage = "Fact:Links:SigningKey must be at least 32 characters.")]
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>
    /// Where people reach this app (scheme, host and port, no path), for links in e-mails and calendars. When empty:
    /// <c>https://$WEBSITE_HOSTNAME</c> in Azure, LocalHost's own listening address locally.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>How long a link in an e-mail or a calendar works.</summary>
    [Range(1, 366, ErrorMessage = "Fact:Links:LifetimeDays must be between 1 and 366.")]
    public int LifetimeDays { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(PublicBaseUrl) &&
            (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") ||
             uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            yield return new ValidationResult(
                "Fact:Links:PublicBaseUrl must be an absolute http or https URL with no path, such as https://fact.example.org.", [nameof(PublicBaseUrl)]);
        }
    }
}
