using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FactFunctions.Links;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FactFunctions.Reports.Clearance;

/// <summary>
/// The capability behind a review page's buttons: an HMAC (with the link signing key) of the paper version, the clearer,
/// the action and the expiry of the link that showed the page. It needs no key and no cookie; it is good for that
/// version, that clearer and that action only, until the link expires; rotating the signing key revokes every token.
/// </summary>
public sealed class ClearanceToken(IOptions<LinkOptions> options, TimeProvider time)
{
    public string Sign(string reportId, string clearer, string action, DateTimeOffset expires)
    {
        byte[] key = Encoding.UTF8.GetBytes(options.Value.SigningKey);
        string covered = $"clearance\n{reportId}\n{clearer}\n{action}\n{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}";
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(covered)));
    }

    /// <summary>Whether <paramref name="token"/> was signed for exactly these, and has not expired.</summary>
    public LinkCheck Check(string reportId, string clearer, string action, string? expires, string? token)
    {
        if (token is null || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return LinkCheck.Invalid;
        }

        var expiry = DateTimeOffset.FromUnixTimeSeconds(seconds);
        byte[] expected = Encoding.ASCII.GetBytes(Sign(reportId, clearer, action, expiry));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token)))
        {
            return LinkCheck.Invalid;
        }

        return expiry > time.GetUtcNow() ? LinkCheck.Valid : LinkCheck.Expired;
    }
}
