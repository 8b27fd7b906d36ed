using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Http;
using FactFunctions.Reports.Word;
using A = DocumentFormat.OpenXml.Drawing;
using DrawingWord = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace FactFunctions.Reports.Publication;

/// <summary>
/// A paper as accessible HTML, read from the very .docx that was published, so the two cannot say different things:
/// headings (no level skipped), paragraph numbers and list letters as Word shows them, tables with their header rows
/// marked, links, bold, and images with their alt text. Every piece of text is HTML-encoded; only http, https and
/// mailto links are kept as links. Images are links (<see cref="PaperImages"/>), one per distinct image however often
/// the paper shows it, so the page is the size of its text.
/// </summary>
public static class PaperHtml
{
    /// <param name="docx">The paper.</param>
    /// <param name="fallbackTitle">The page title when the paper has none.</param>
    /// <param name="imageLink">The address of the paper's n-th image (<see cref="PaperImages"/>).</param>
    /// <param name="notice">HTML put before the paper (a late item's notice), already encoded.</param>
    public static string Render(byte[] docx, string fallbackTitle, Func<int, string> imageLink, string? notice = null)
    {
        var (title, body) = RenderBody(docx, fallbackTitle, imageLink);
        return HtmlPage.Document(title, (notice ?? string.Empty) + body);
    }

    /// <summary>A paper of any kind as a page: a Word paper as <see cref="Render(byte[], string, Func{int, string}, string?)"/>, a deck by <see cref="Slides.DeckHtml"/>.</summary>
    public static string Render(string kind, byte[] content, string fallbackTitle, Func<int, string> imageLink, string? notice = null)
    {
        var (title, body) = RenderBody(kind, content, fallbackTitle, imageLink);
        return HtmlPage.Document(title, (notice ?? string.Empty) + body);
    }

    /// <summary>The title and body of a paper of any kind, read by what the kind is made as.</summary>
    public static (string Title, string Body) RenderBody(string kind, byte[] content, string fallbackTitle, Func<int, string> imageLink) =>
        Papers.PaperDefinitions.Get(kind).Format.IsWord ? RenderBody(content, fallbackTitle, imageLink) : Slides.DeckHtml.RenderBody(content, fallbackTitle);

    /// <summary>The paper's title and the HTML of its body, for a page that shows the paper inside its own (the review page).</summary>
    public static (string Title, string Body) RenderBody(byte[] docx, string fallbackTitle, Func<int, string> imageLink)
    {
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart ?? throw new InvalidDataException("The paper has no main document part.");
        var writer = new Writer(main, imageLink);
        foreach (var element in main.Document?.Body?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
        {
            writer.Block(element);
        }

        writer.CloseList();
        string title = document.PackageProperties.Title is { Length: > 0 } t ? t : writer.FirstHeading ?? fallbackTitle;
        return (title, writer.Html.ToString());
    }

    private sealed class Writer(MainDocumentPart main, Func<int, string> imageLink)
    {
        private readonly List<ImagePart> images = [.. PaperImages.Of(main)];

        private readonly Dictionary<string, string> styleNames = (main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().StyleName?.Val?.Value ?? g.Key, StringComparer.OrdinalIgnoreCase);

        private int number;
        private int letter;
        private int section;
        private int lastHeading;
        private string? openList;

        public StringBuilder Html { get; } = new();

        public string? FirstHeading { get; private set; }

        public void Block(OpenXmlElement element)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    Paragraph(paragraph);
                    break;
                case Table table:
                    CloseList();
                    Table(table);
                    break;
                case SdtBlock sdt:
                    foreach (var child in sdt.SdtContentBlock?.ChildElements ?? Enumerable.Empty<OpenXmlElement>())
                    {
                        Block(child);
                    }

                    break;
            }
        }

        public void CloseList()
        {
            if (openList is not null)
            {
                Html.Append("</").Append(openList).Append(">\n");
                openList = null;
            }
        }

        private void Paragraph(Paragraph paragraph)
        {
            string content = Inline(paragraph);
            if (content.Trim().Length == 0)
            {
                return;
            }

            string style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal";
            string name = styleNames.GetValueOrDefault(style, style).ToLowerInvariant();
            if (style == DocumentBuilder.LetteredStyle || style == DocumentBuilder.BulletStyle)
            {
                string list = style == DocumentBuilder.BulletStyle ? "ul" : "ol";
                if (openList != list)
                {
                    CloseList();
                    Html.Append(list == "ul" ? "<ul>\n" : $"<ol type=\"a\" start=\"{letter + 1}\">\n");
                    openList = list;
                }

                if (list == "ol")
                {
                    letter++;
                }

                Html.Append("<li>").Append(content).Append("</li>\n");
                return;
            }

            CloseList();
            if (style == DocumentBuilder.SectionStyle)
            {
                section++;
                Heading(2, $"{section}. ", content);
            }
            else if (name == "title")
            {
                Heading(1, string.Empty, content);
            }
            else if (name.StartsWith("heading ", StringComparison.Ordinal) && int.TryParse(name.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out int level))
            {
                Heading(level + 1, string.Empty, content);
            }
            else if (style == DocumentBuilder.NumberedStyle)
            {
                number++;
                letter = 0;
                Html.Append("<p><span class=\"number\">").Append(number.ToString(CultureInfo.InvariantCulture)).Append(".</span> ").Append(content).Append("</p>\n");
            }
            else
            {
                Html.Append("<p>").Append(content).Append("</p>\n");
            }
        }

        /// <summary>A heading never more than one level below the one before it, so no level is skipped.</summary>
        private void Heading(int wanted, string prefix, string content)
        {
            int level = Math.Clamp(Math.Min(wanted, lastHeading + 1), 1, 6);
            lastHeading = level;
            FirstHeading ??= System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(content, "<[^>]+>", string.Empty));
            Html.Append("<h").Append(level).Append('>').Append(HtmlPage.Encode(prefix)).Append(content).Append("</h").Append(level).Append(">\n");
        }

        private void Table(Table table)
        {
            Html.Append("<table>\n");
            foreach (var row in table.Elements<TableRow>())
            {
                bool header = row.TableRowProperties?.GetFirstChild<TableHeader>() is { } mark && (mark.Val is null || mark.Val.Value == OnOffOnlyValues.On);
                Html.Append("<tr>");
                foreach (var cell in row.Elements<TableCell>())
                {
                    string tag = header ? "th" : "td";
                    Html.Append('<').Append(tag);
                    if (header)
                    {
                        Html.Append(" scope=\"col\"");
                    }

                    if (cell.TableCellProperties?.GridSpan?.Val?.Value is > 1 and var span)
                    {
                        Html.Append(" colspan=\"").Append(span.ToString(CultureInfo.InvariantCulture)).Append('"');
                    }

                    Html.Append('>').Append(string.Join("<br>", cell.Descendants<Paragraph>().Select(Inline).Where(t => t.Trim().Length > 0)));
                    Html.Append("</").Append(tag).Append('>');
                }

                Html.Append("</tr>\n");
            }

            Html.Append("</table>\n");
        }

        private string Inline(OpenXmlElement container)
        {
            var html = new StringBuilder();
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Run run:
                        html.Append(Run(run));
                        break;
                    case Hyperlink link:
                        string text = Inline(link);
                        html.Append(Target(link) is { } target
                            ? $"<a href=\"{HtmlPage.Encode(target)}\">{text}</a>"
                            : text);
                        break;
                    case SdtRun sdt:
                        html.Append(Inline(sdt.SdtContentRun ?? new SdtContentRun()));
                        break;
                    case SimpleField or InsertedRun or CustomXmlRun:
                        html.Append(Inline(child));
                        break;
                }
            }

            return html.ToString();
        }

        private string Run(Run run)
        {
            var text = new StringBuilder();
            foreach (var part in run.ChildElements)
            {
                switch (part)
                {
                    case Text t:
                        text.Append(HtmlPage.Encode(t.Text));
                        break;
                    case TabChar:
                        text.Append(' ');
                        break;
                    case Break b when b.Type is null || b.Type.Value == BreakValues.TextWrapping:
                        text.Append("<br>");
                        break;
                    case Drawing drawing:
                        text.Append(Image(drawing));
                        break;
                }
            }

            bool bold = run.RunProperties?.Bold is { } b2 && (b2.Val is null || b2.Val.Value);
            return bold && text.Length > 0 ? $"<strong>{text}</strong>" : text.ToString();
        }

        private string? Target(Hyperlink link)
        {
            if (link.Id?.Value is not { } id)
            {
                return null;
            }

            var relationship = main.HyperlinkRelationships.FirstOrDefault(r => r.Id == id);
            return relationship?.Uri is { IsAbsoluteUri: true } uri && uri.Scheme is "http" or "https" or "mailto" ? uri.AbsoluteUri : null;
        }

        private string Image(Drawing drawing)
        {
            string alt = drawing.Descendants<DrawingWord.DocProperties>().FirstOrDefault()?.Description?.Value ?? string.Empty;
            if (drawing.Descendants<A.Blip>().FirstOrDefault()?.Embed?.Value is { } id &&
                main.TryGetPartById(id, out var part) && part is ImagePart image && images.IndexOf(image) is >= 0 and <= PaperImages.MaxIndex and var index)
            {
                return $"<img src=\"{HtmlPage.Encode(imageLink(index))}\" alt=\"{HtmlPage.Encode(alt)}\">";
            }

            return alt.Length > 0 ? $"[{HtmlPage.Encode(alt)}]" : string.Empty;
        }
    }
}
