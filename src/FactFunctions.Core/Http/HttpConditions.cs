using System.Text.RegularExpressions;
using FactFunctions.Storage;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Http;

/// <summary>Reads the conditional-request headers and writes the ETag of what a request returns.</summary>
public static partial class HttpConditions
{
    /// <summary>
    /// The conditions of a write. If-Match is <c>*</c> or one ETag in a form this API hands out (a table row's or a
    /// blob's); any other (a made-up tag, several, a bare token) can match no version, and throws
    /// <see cref="IfMatchNamesNoVersion"/>, which the pipeline answers with 412 before storage is touched.
    /// </summary>
    public static Precondition From(HttpRequest request) => new(
        IfMatch(request.Headers.IfMatch.ToString()),
        request.Headers.IfNoneMatch.FirstOrDefault()?.Trim() == "*");

    internal static string? IfMatch(string header)
    {
        string trimmed = header.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed == "*")
        {
            return trimmed;
        }

        // ETags this API hands out hold no comma, so a list splits cleanly; only one of them can be a version.
        var issued = trimmed.Split(',', StringSplitOptions.TrimEntries).Where(tag => IssuedETag().IsMatch(tag)).Distinct(StringComparer.Ordinal).ToList();
        return issued.Count == 1 ? issued[0] : throw new IfMatchNamesNoVersion();
    }

    public static void SetETag(HttpRequest request, string? etag)
    {
        if (!string.IsNullOrEmpty(etag))
        {
            request.HttpContext.Response.Headers.ETag = etag;
        }
    }

    /// <summary>A table row's ETag (<c>W/"datetime'2022-10-14T09%3A00%3A00.1234567Z'"</c>) or a blob's (<c>"0x8DB…"</c>).</summary>
    [GeneratedRegex("""^(W/"datetime'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}(\.\d{1,7})?Z'"|"0x[0-9A-F]{1,32}")$""")]
    private static partial Regex IssuedETag();
}
