using System.Text.RegularExpressions;

namespace FactFunctions.Programme;

/// <summary>
/// The small markup a block's text may carry: <c>**bold**</c>, <c>[label](https://…)</c> (http, https and mailto
/// only), <c>{ref:block-id}</c> (the number Word gives that paragraph), and bare web or e-mail addresses, which become
/// links showing themselves. Anything else is text as typed.
/// </summary>
public static partial class InlineText
{
    /// <summary>A text's words as they read aloud: its links' labels and its bold words, without the markup or references.</summary>
    public static string Plain(string? text) => string.Concat(Parse(text).Select(piece => piece switch
    {
        TextPiece t => t.Text,
        LinkPiece l => l.Label,
        _ => string.Empty,
    })).Trim();

    public static IReadOnlyList<InlinePiece> Parse(string? text)
    {
        var pieces = new List<InlinePiece>();
        string source = text ?? string.Empty;
        int at = 0;
        foreach (Match match in Markup().Matches(source))
        {
            if (match.Index > at)
            {
                pieces.Add(new TextPiece(source[at..match.Index], false));
            }

            if (match.Groups["bold"].Success)
            {
                pieces.Add(new TextPiece(match.Groups["bold"].Value, true));
            }
            else if (match.Groups["label"].Success)
            {
                pieces.Add(Link(match.Groups["label"].Value, match.Groups["target"].Value) ?? (InlinePiece)new TextPiece(match.Value, false));
            }
            else if (match.Groups["ref"].Success)
            {
                pieces.Add(new ReferencePiece(match.Groups["ref"].Value));
            }
            else if (match.Groups["url"].Success)
            {
                string url = match.Groups["url"].Value.TrimEnd('.', ',', ';', ':', ')');
                pieces.Add(Link(url, url) ?? (InlinePiece)new TextPiece(url, false));
                if (url.Length < match.Value.Length)
                {
                    pieces.Add(new TextPiece(match.Value[url.Length..], false));
                }
            }
            else if (match.Groups["email"].Success)
            {
                string email = match.Groups["email"].Value;
                pieces.Add(Link(email, "mailto:" + email) ?? (InlinePiece)new TextPiece(email, false));
            }

            at = match.Index + match.Length;
        }

        if (at < source.Length)
        {
            pieces.Add(new TextPiece(source[at..], false));
        }

        return pieces;
    }

    /// <summary>The ids <c>{ref:…}</c> names in a text.</summary>
    public static IEnumerable<string> References(string? text) => Parse(text).OfType<ReferencePiece>().Select(r => r.BlockId);

    private static LinkPiece? Link(string label, string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" && label.Trim().Length > 0
            ? new LinkPiece(label, uri)
            : null;

    /// <remarks>
    /// An address starts where a run of the characters it may hold starts (the look-behind): otherwise a long run with
    /// no "@" in it would be scanned again from each of its characters, and a megabyte-long word took minutes.
    /// </remarks>
    [GeneratedRegex(@"\*\*(?<bold>[^*\r\n]+)\*\*|\[(?<label>[^\]\r\n]+)\]\((?<target>[^)\s]+)\)|\{ref:(?<ref>[a-z0-9][a-z0-9-]{0,62})\}" +
        @"|(?<url>https?://[^\s<>""]+)|(?<email>(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")]
    private static partial Regex Markup();
}
