using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DrawingWord = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace FactFunctions.TestSupport;

/// <summary>
/// The accessibility rules a published council paper must meet, applied to a rendered .docx: a title, an author and a
/// creation date in its properties; its language set (en-GB); headings in order, none skipping a level; alt text on
/// every image; every table's first row marked as a header row; link text that says where it goes.
/// </summary>
public static class PaperAccessibility
{
    private static readonly HashSet<string> VagueLinkText = new(StringComparer.OrdinalIgnoreCase) { "here", "click here", "link", "this link", "more", "read more" };

    /// <summary>Every broken rule, in words; empty when the paper meets them all.</summary>
    public static IReadOnlyList<string> Problems(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var properties = document.PackageProperties;
        var problems = DocumentProperties.Problems(document, "document").ToList();

        var main = document.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart?.Styles;
        string? language = styles?.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle?.GetFirstChild<Languages>()?.Val?.Value ?? properties.Language;
        if (!string.Equals(language, "en-GB", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The document's language is '{language}', not en-GB.");
        }

        var outline = (styles?.Elements<Style>() ?? [])
            .Where(s => s.StyleId?.Value is not null)
            .ToDictionary(s => s.StyleId!.Value!, s => s.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level ? level + 1 : (int?)null,
                StringComparer.OrdinalIgnoreCase);
        int previous = 0;
        var body = main.Document!.Body!;
        foreach (var paragraph in body.Descendants<Paragraph>())
        {
            string? style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            int? level = paragraph.ParagraphProperties?.OutlineLevel?.Val?.Value is { } direct ? direct + 1 : style is null ? null : outline.GetValueOrDefault(style);
            if (level is not { } current || paragraph.InnerText.Trim().Length == 0)
            {
                continue;
            }

            if (current > previous + 1)
            {
                problems.Add($"The heading '{paragraph.InnerText.Trim()}' is at level {current} after level {previous}: a level is skipped.");
            }

            previous = current;
        }

        foreach (var properties2 in body.Descendants<DrawingWord.DocProperties>())
        {
            if (string.IsNullOrWhiteSpace(properties2.Description?.Value))
            {
                problems.Add($"The image '{properties2.Name?.Value}' has no alt text.");
            }
        }

        foreach (var table in body.Descendants<Table>())
        {
            var first = table.Elements<TableRow>().FirstOrDefault();
            if (first?.TableRowProperties?.GetFirstChild<TableHeader>() is null)
            {
                problems.Add($"The table starting '{Shorten(first?.InnerText)}' has no header row marked.");
            }
        }

        foreach (var link in body.Descendants<Hyperlink>())
        {
            string text = link.InnerText.Trim();
            if (text.Length == 0 || VagueLinkText.Contains(text))
            {
                problems.Add($"A link's text ('{text}') does not say where it goes.");
            }
        }

        return problems;
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 40 ? text : text[..40] + "…";
}
