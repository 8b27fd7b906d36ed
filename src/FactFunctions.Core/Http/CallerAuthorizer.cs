using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FactFunctions.Http;

public enum FactRole
{
    /// <summary>Reads programme data and downloads papers.</summary>
    Officer,

    /// <summary>Everything an officer can do, plus writes and report generation.</summary>
    ProgrammeLead,
}

/// <summary>
/// Decides who is calling: a key in <c>x-functions-key</c> or <c>?code=</c>, or (in Azure, when enabled) the
/// App Service Authentication principal with app roles. A request that fails here never reaches storage.
/// </summary>
public sealed class CallerAuthorizer(IOptions<FactKeysOptions> keys, IOptions<FactHttpOptions> http)
{
    public const string KeyHeader = "x-functions-key";
    public const string KeyQuery = "code";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Null when the caller holds <paramref name="required"/>; otherwise the 401 or 403 to answer.</summary>
    public IResult? Authorize(HttpRequest request, FactRole required)
    {
        var role = RoleOf(request, out bool presentedCredentials);
        if (role is null)
        {
            return presentedCredentials
                ? Problems.Problem(StatusCodes.Status401Unauthorized, Problems.UnauthorizedType, "The key is not recognised.",
                    $"Send a valid key in the {KeyHeader} header.")
                : Problems.Problem(StatusCodes.Status401Unauthorized, Problems.UnauthorizedType, "A key is required.",
                    $"Send your key in the {KeyHeader} header (or the '{KeyQuery}' query parameter).");
        }

        if (role < required)
        {
            return Problems.Problem(StatusCodes.Status403Forbidden, Problems.ForbiddenType, "Your role cannot do this.",
                $"This needs the {required} role; the key you sent is for the {role} role.");
        }

        return null;
    }

    /// <summary>The caller's role (after <see cref="Authorize"/> has let it through), to shape what it may see.</summary>
    public FactRole? Role(HttpRequest request) => RoleOf(request, out _);

    /// <summary>Who to record as the author of a change: the signed-in name in Azure, otherwise the role of the key.</summary>
    public string Describe(HttpRequest request)
    {
        if (http.Value.TrustAppServiceAuthentication && request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].FirstOrDefault() is { Length: > 0 } name)
        {
            return name;
        }

        return RoleOf(request, out _) is { } role ? $"{role} key" : "unknown";
    }

    private FactRole? RoleOf(HttpRequest request, out bool presentedCredentials)
    {
        string? key = request.Headers[KeyHeader].FirstOrDefault() ?? request.Query[KeyQuery].FirstOrDefault();
        presentedCredentials = !string.IsNullOrEmpty(key);
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

        return null;
    }

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
