using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FactFunctions.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;

namespace FactFunctions.Http;

/// <summary>
/// Decides who is calling: a key in <c>x-functions-key</c> or <c>?code=</c>, or (in Azure, when enabled) the
/// App Service Authentication principal with app roles, or a signed link (<see cref="SignedLinks"/>), which reads its own
/// path as an officer. A request that fails here never reaches storage; a browser that fails gets a page, not JSON.
/// </summary>
public sealed class CallerAuthorizer(IOptions<FactKeysOptions> keys, IOptions<FactHttpOptions> http, SignedLinks links)
{
    public const string KeyHeader = "x-functions-key";
    public const string KeyQuery = "code";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Null when the caller holds <paramref name="required"/>; otherwise the 401 or 403 to answer.</summary>
    public IResult? Authorize(HttpRequest request, FactRole required)
    {
        var role = RoleOf(request, out bool presentedCredentials, out var link);
        if (role is null)
        {
            var (title, detail) = link switch
            {
                LinkCheck.Expired => ("This link has expired.",
                    "Links in FACT e-mails and calendars work for a limited time. Open the newest e-mail about this paper, or ask the FACT programme lead for a new link."),
                LinkCheck.Invalid => ("This link is not valid.",
                    "It may have been cut short or changed when it was copied, or FACT links have been reset. Open the newest e-mail about this " +
                        "paper, or ask the FACT programme lead for a new link."),
                _ when presentedCredentials => ("The key is not recognised.", $"Send a valid key in the {KeyHeader} header."),
                _ => ("A key is required.",
                    $"Send your key in the {KeyHeader} header (or the '{KeyQuery}' query parameter). In a browser, open the link from a FACT e-mail " +
                        $"or ask the FACT programme lead for one."),
            };
            return Refuse(request, StatusCodes.Status401Unauthorized, Problems.UnauthorizedType, title, detail);
        }

        if (role < required)
        {
            return Refuse(request, StatusCodes.Status403Forbidden, Problems.ForbiddenType, "Your role cannot do this.",
                link == LinkCheck.Valid
                    ? "A link from an e-mail or a calendar only opens the page it was made for."
                    : $"This needs the {required} role; the key you sent is for the {role} role.");
        }

        return null;
    }

    /// <summary>The caller's role (after <see cref="Authorize"/> has let it through), to shape what it may see.</summary>
    public FactRole? Role(HttpRequest request) => RoleOf(request, out _, out _);

    /// <summary>
    /// When the links a page or feed makes expire: with the signed link that opened it (so following them never extends
    /// access), else, for a key, after the default lifetime.
    /// </summary>
    public DateTimeOffset PageLinkExpiry(HttpRequest request) =>
        !HasKey(request) && links.Check(request, out var expires) == LinkCheck.Valid ? expires : links.DefaultExpiry();

    /// <summary>
    /// What the caller reads: a key, a sign-in, or a link a page made for a key holder reads everything; a link from an
    /// e-mail or a calendar reads what was published (to its board, when it names one), so drafts, approved papers and
    /// other boards' papers are not there for it.
    /// </summary>
    public LinkScope ReadScope(HttpRequest request) =>
        RoleOf(request, out _, out var link) is not null && link == LinkCheck.Valid ? SignedLinks.ScopeOf(request) : LinkScope.Everything;

    /// <summary>Whether the caller came through a valid signed link, with no key and no sign-in.</summary>
    public bool ThroughSignedLink(HttpRequest request) => RoleOf(request, out _, out var link) is not null && link == LinkCheck.Valid;

    /// <summary>Who to record as the author of a change: the signed-in name in Azure, otherwise the role of the key.</summary>
    public string Describe(HttpRequest request)
    {
        if (http.Value.TrustAppServiceAuthentication && request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].FirstOrDefault() is { Length: > 0 } name)
        {
            return name;
        }

        return RoleOf(request, out _, out var link) switch
        {
            not null when link == LinkCheck.Valid => "signed link",
            { } role => $"{role} key",
            null => "unknown",
        };
    }

    private static IResult Refuse(HttpRequest request, int status, string type, string title, string detail)
    {
        if (!HtmlPage.Wanted(request))
        {
            return Problems.Problem(status, type, title, detail);
        }

        string body = $"<h1>{HtmlPage.Encode(title)}</h1>\n<p>{HtmlPage.Encode(detail)}</p>\n" +
            "<p>FACT papers are shared with board members and officers through links in FACT e-mails. " +
            "If you should have access and no link works, contact the FACT programme lead.</p>\n";
        return HtmlPage.Result(request, HtmlPage.Document(title, body), status);
    }

    private static string? Key(HttpRequest request) => request.Headers[KeyHeader].FirstOrDefault() ?? request.Query[KeyQuery].FirstOrDefault();

    private static bool HasKey(HttpRequest request) => !string.IsNullOrEmpty(Key(request));

    private FactRole? RoleOf(HttpRequest request, out bool presentedCredentials, out LinkCheck link)
    {
        string? key = Key(request);
        presentedCredentials = !string.IsNullOrEmpty(key);
        link = LinkCheck.Unsigned;
        if (presentedCredentials)
        {
            if (Matches(key!, keys.Value.ProgrammeLead))
            {
                return FactRole.ProgrammeLead;
            }

            if (Matches(key!, keys.Value.Officer))
            {
                return FactRole.Officer;
            }
        }

        if (http.Value.TrustAppServiceAuthentication && request.Headers[PrincipalHeader].FirstOrDefault() is { Length: > 0 } principal)
        {
            presentedCredentials = true;
            return RoleFromPrincipal(principal);
        }

        if (!presentedCredentials)
        {
            link = links.Check(request, out _);
            if (link != LinkCheck.Unsigned && !IsLinkRoute(request.PathBase.Add(request.Path)))
            {
                link = LinkCheck.Invalid;
            }

            presentedCredentials = link != LinkCheck.Unsigned;
            return link == LinkCheck.Valid ? FactRole.Officer : null;
        }

        return null;
    }

    private static readonly IReadOnlyList<TemplateMatcher> LinkRoutes = [.. Routes.SignedLinkRoutes
        .Select(route => new TemplateMatcher(TemplateParser.Parse($"{Routes.BasePath.TrimStart('/')}/{route}"), new RouteValueDictionary()))];

    private static bool IsLinkRoute(PathString path) => LinkRoutes.Any(route => route.TryMatch(path, new RouteValueDictionary()));

    private static bool Matches(string presented, string expected) =>
        expected.Length > 0 &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    internal static FactRole? RoleFromPrincipal(string encoded)
    {
        try
        {
            using var json = JsonDocument.Parse(Convert.FromBase64String(encoded));
            if (!json.RootElement.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            FactRole? best = null;
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.TryGetProperty("typ", out var typ) && typ.GetString() is "roles" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/role" &&
                    claim.TryGetProperty("val", out var val))
                {
                    FactRole? role = val.GetString() switch
                    {
                        nameof(FactRole.ProgrammeLead) => FactRole.ProgrammeLead,
                        nameof(FactRole.Officer) => FactRole.Officer,
                        _ => null,
                    };
                    if (role > best || best is null)
                    {
                        best = role ?? best;
                    }
                }
            }

            return best;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
