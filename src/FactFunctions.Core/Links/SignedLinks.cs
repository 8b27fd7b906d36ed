using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace FactFunctions.Links;

/// <summary>
/// Expiring links that need no key: <c>?expires=&lt;unix seconds&gt;&amp;sig=&lt;HMAC-SHA256 of path and expiry&gt;</c>. A
/// signature covers one path and its <see cref="LinkScope"/> and grants reading it (GET or HEAD) as an officer would,
/// within that scope, until it expires; other query parameters (a page number) are not covered, so they cannot widen
/// what the link reads. Rotating the key revokes every link.
/// </summary>
public sealed class SignedLinks(IOptions<LinkOptions> options, PublicAddress address, TimeProvider time)
{
    public const string ExpiresParameter = "expires";
    public const string SignatureParameter = "sig";

    /// <summary>
    /// Set (to <see cref="EveryVersion"/>, and covered by the signature) on the links a page made for a caller with a key:
    /// they read every version of a paper. Links without it, the ones e-mails and calendars carry, read published papers only.
    /// </summary>
    public const string ScopeParameter = "scope";

    public const string EveryVersion = "all";

    /// <summary>Set (and covered by the signature) on the links made for a board's members: they read that board's papers only.</summary>
    public const string BoardParameter = "board";

    /// <summary>The expiry a new link gets: now plus the configured lifetime, to the second.</summary>
    public DateTimeOffset DefaultExpiry() =>
        DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().AddDays(options.Value.LifetimeDays).ToUnixTimeSeconds());

    /// <summary>An absolute link to <paramref name="path"/> (which starts with <c>/api/</c>) at the public address.</summary>
    public Uri Absolute(string path, DateTimeOffset? expires = null, LinkScope? scope = null) => new(address.BaseUrl, Relative(path, expires, scope: scope));

    /// <summary>A link relative to this host, for pages that link to each other; <paramref name="scope"/> defaults to <see cref="LinkScope.Published"/>.</summary>
    public string Relative(string path, DateTimeOffset? expires = null, IReadOnlyDictionary<string, string>? query = null, LinkScope? scope = null)
    {
        scope ??= LinkScope.Published;
        long seconds = (expires ?? DefaultExpiry()).ToUnixTimeSeconds();
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in query ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }

        if (scope.EveryVersion)
        {
            parameters[ScopeParameter] = EveryVersion;
        }

        if (scope.Board is { } board)
        {
            parameters[BoardParameter] = board;
        }

        parameters[ExpiresParameter] = seconds.ToString(CultureInfo.InvariantCulture);
        parameters[SignatureParameter] = Sign(path, seconds, scope);
        return QueryHelpers.AddQueryString(path, parameters);
    }

    /// <summary>Whether the request carries a valid signature for its own path.</summary>
    public LinkCheck Check(HttpRequest request, out DateTimeOffset expires)
    {
        expires = default;
        string? signature = request.Query[SignatureParameter].FirstOrDefault();
        string? expiry = request.Query[ExpiresParameter].FirstOrDefault();
        if (signature is null && expiry is null)
        {
            return LinkCheck.Unsigned;
        }

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return LinkCheck.Invalid;
        }

        if (signature is null || !long.TryParse(expiry, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return LinkCheck.Invalid;
        }

        if (request.Query[ScopeParameter].Count > 1 || request.Query[BoardParameter].Count > 1 ||
            request.Query[ScopeParameter].FirstOrDefault() is not (null or EveryVersion) || !IsBoardId(request.Query[BoardParameter].FirstOrDefault()))
        {
            return LinkCheck.Invalid;
        }

        byte[] expected = Encoding.ASCII.GetBytes(Sign(request.PathBase.Add(request.Path).Value ?? string.Empty, seconds, ScopeOf(request)));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return LinkCheck.Invalid;
        }

        expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return expires > time.GetUtcNow() ? LinkCheck.Valid : LinkCheck.Expired;
    }

    /// <summary>What a request's (valid) link reads: its scope parameters, which the signature covers.</summary>
    public static LinkScope ScopeOf(HttpRequest request) =>
        new(request.Query[ScopeParameter].FirstOrDefault() == EveryVersion, request.Query[BoardParameter].FirstOrDefault());

    /// <summary>No board, or a board id as boards are named (a slug): nothing else is ever signed, so nothing else is checked.</summary>
    private static bool IsBoardId(string? board) =>
        board is null || (board.Length is > 0 and <= 63 && board.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));

    private string Sign(string path, long expires, LinkScope scope)
    {
        byte[] key = Encoding.UTF8.GetBytes(options.Value.SigningKey);

        // Links signed before boards were named carried no board line, so they keep their signatures.
        string covered = (scope.EveryVersion ? $"\n{EveryVersion}" : string.Empty) + (scope.Board is { } board ? $"\n{BoardParameter}={board}" : string.Empty);
        byte[] mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{path}\n{expires.ToString(CultureInfo.InvariantCulture)}{covered}"));
        return WebEncoders.Base64UrlEncode(mac);
    }
}
