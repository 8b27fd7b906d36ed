using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Http;

/// <summary>
/// Every HTML page the app serves (the papers page, a paper's HTML, the refusal page): one plain, accessible layout and
/// the same security headers. The only style is the inline sheet below, allowed by its hash; no script runs.
/// </summary>
public static class HtmlPage
{
    private const string Style =
        "body{font-family:Arial,Helvetica,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}" +
        "a{color:#0b4f9c}a:focus{outline:3px solid #ffbf47;outline-offset:2px}" +
        "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #6f6f6f;padding:.4rem;text-align:left;vertical-align:top}" +
        "th{background:#dde5f2}caption{text-align:left;font-weight:bold;padding:.3rem 0}" +
        ".status,.resolution{font-weight:bold}.muted{color:#4a4a4a}.number{display:inline-block;min-width:2.2rem;font-weight:bold}" +
        "nav ul{list-style:none;padding:0;display:flex;gap:1.5rem}figure{margin:1rem 0}" +
        ".yours{border-left:6px solid #0b4f9c;padding-left:1rem;margin:1rem 0}.notice{border:2px solid #8a1f11;padding:.5rem 1rem}" +
        "button{font-size:1rem;padding:.4rem 1rem}textarea{width:100%;font:inherit}";

    private static readonly string StyleHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    /// <summary>The Content-Security-Policy of every page: nothing loads or runs but the page's own style sheet.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{StyleHash}'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The same, for the one page with forms (a clearer's review page): they post to this host only.</summary>
    public static string FormContentSecurityPolicy { get; } = ContentSecurityPolicy.Replace("form-action 'none'", "form-action 'self'", StringComparison.Ordinal);

    /// <summary>Encodes what HTML needs encoded (markup characters, controls) and leaves letters and punctuation readable.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    /// <summary>A whole page: <paramref name="body"/> is HTML the caller has already encoded.</summary>
    public static string Document(string title, string body) =>
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        $"<title>{Encode(title)}</title>\n<style>{Style}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n";

    /// <summary>The page as a response with the security headers every page carries.</summary>
    public static IResult Result(HttpRequest request, string html, int status = StatusCodes.Status200OK, bool allowForms = false)
    {
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = allowForms ? FormContentSecurityPolicy : ContentSecurityPolicy;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";

        // Pages are reached through signed links; the link must not travel on to another site in a Referer header.
        headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Whether the caller is a browser that would rather read a page than JSON.</summary>
    public static bool Wanted(HttpRequest request) =>
        request.Headers.Accept.Any(value => value is not null && value.Contains("text/html", StringComparison.OrdinalIgnoreCase));
}
