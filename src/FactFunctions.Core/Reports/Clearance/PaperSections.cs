using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FactFunctions.Reports.Clearance;

/// <summary>
/// A paper's sections as its HTML (<see cref="Publication.PaperHtml"/>) has them: each second-level heading starts one,
/// named by the heading's words without its number ("7. Financial implications" is "Financial implications"). The review
/// page marks the sections a clearer answers for; a new version's clearance e-mail names the ones whose words changed.
/// </summary>
public static partial class PaperSections
{
    /// <summary>The body cut at each second-level heading: the heading's name (null before the first) and its HTML.</summary>
    public static IReadOnlyList<(string? Name, string Html)> Split(string body)
    {
        var parts = new List<(string?, string)>();
        var starts = SectionHeading().Matches(body).Select(m => m.Index).ToList();
        int previous = 0;
        string? name = null;
        foreach (int start in starts.Append(body.Length))
        {
            if (start > previous || name is not null)
            {
                parts.Add((name, body[previous..start]));
            }

            if (start < body.Length)
            {
                name = NameOf(SectionHeading().Match(body, start).Groups["text"].Value);
            }

            previous = start;
        }

        return parts;
    }

    /// <summary>
    /// The body with each section a clearer answers for wrapped and labelled, so they (and a screen reader) can find it;
    /// every section when <paramref name="sections"/> is empty (the whole paper).
    /// </summary>
    public static string Mark(string body, IReadOnlyList<string> sections)
    {
        if (sections.Count == 0)
        {
            return body;
        }

        var html = new StringBuilder();
        foreach (var (name, part) in Split(body))
        {
            if (name is not null && Answers(sections, name))
            {
                html.Append("<section class=\"yours\" aria-label=\"").Append(Http.HtmlPage.Encode($"{name}: you clear this section")).Append("\">\n")
                    .Append("<p class=\"status\">You clear this section.</p>\n").Append(part).Append("</section>\n");
            }
            else
            {
                html.Append(part);
            }
        }

        return html.ToString();
    }

    /// <summary>The names of the sections, among those a clearer answers for (every one when empty), whose words differ.</summary>
    public static IReadOnlyList<string> Changed(string before, string after, IReadOnlyList<string> sections)
    {
        var old = Texts(before);
        var now = Texts(after);
        return now.Keys.Union(old.Keys, StringComparer.OrdinalIgnoreCase)
            .Where(name => (sections.Count == 0 || Answers(sections, name)) && old.GetValueOrDefault(name) != now.GetValueOrDefault(name))
            .ToList();
    }

    /// <summary>Whether <paramref name="name"/> is one of <paramref name="sections"/> (compared as people write headings: case and spacing aside).</summary>
    public static bool Answers(IReadOnlyList<string> sections, string name) =>
        sections.Any(s => string.Equals(Normal(s), Normal(name), StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> Texts(string body)
    {
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, part) in Split(body))
        {
            string key = name ?? "(the opening)";
            texts[key] = texts.GetValueOrDefault(key) + Normal(WebUtility.HtmlDecode(Tag().Replace(part, " ")));
        }

        return texts;
    }

    private static string NameOf(string headingHtml) => Number().Replace(Normal(WebUtility.HtmlDecode(Tag().Replace(headingHtml, string.Empty))), string.Empty);

    private static string Normal(string text) => Space().Replace(text, " ").Trim();

    [GeneratedRegex("<h2>(?<text>.*?)</h2>", RegexOptions.Singleline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\d+\.\s*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
