using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using FactFunctions.Http;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// A deck as accessible HTML, read from the very .pptx that was published, so the two cannot say different things: the
/// first slide's title is the page's heading, every other slide is a section under its title, lists stay lists, a chart
/// is its figures as a table with its alt text, and a table keeps its header row.
/// </summary>
public static class DeckHtml
{
    private static readonly XNamespace A = DeckXml.A, P = DeckXml.P, R = DeckXml.R, C = DeckXml.C;

    public static (string Title, string Body) RenderBody(byte[] pptx, string fallbackTitle)
    {
        using var stream = new MemoryStream(pptx, writable: false);
        using var document = PresentationDocument.Open(stream, false);
        var presentation = document.PresentationPart ?? throw new InvalidDataException("The deck has no presentation part.");
        var html = new StringBuilder();
        string? first = null;
        int index = 0;
        foreach (var id in presentation.Presentation?.SlideIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideId>() ?? [])
        {
            if (id.RelationshipId?.Value is not { } rel || presentation.GetPartById(rel) is not SlidePart slide)
            {
                continue;
            }

            var root = Read(slide);
            var shapes = root.Descendants(P + "spTree").FirstOrDefault()?.Elements().ToList() ?? [];
            string title = shapes.Where(IsTitle).Select(s => Plain(s)).FirstOrDefault(t => t.Length > 0) ?? $"Slide {index + 1}";
            first ??= title;
            int level = index == 0 ? 1 : 2;
            html.Append(index == 0 ? "<header>\n" : "<section>\n").Append("<h").Append(level).Append('>').Append(HtmlPage.Encode(title)).Append("</h").Append(level).Append(">\n");
            foreach (var shape in shapes.Where(s => !IsTitle(s)))
            {
                Shape(shape, slide, html, level);
            }

            html.Append(index == 0 ? "</header>\n" : "</section>\n");
            index++;
        }

        return (document.PackageProperties.Title is { Length: > 0 } t ? t : first ?? fallbackTitle, html.ToString());
    }

    private static XElement Read(OpenXmlPart part)
    {
        using var data = part.GetStream(FileMode.Open, FileAccess.Read);
        return XDocument.Load(data).Root ?? new XElement("empty");
    }

    private static bool IsTitle(XElement shape) =>
        shape.Element(P + "nvSpPr")?.Element(P + "nvPr")?.Element(P + "ph")?.Attribute("type")?.Value is "title" or "ctrTitle";

    private static string Plain(XElement element) => string.Concat(element.Descendants(A + "t").Select(t => t.Value)).Trim();

    private static void Shape(XElement shape, SlidePart slide, StringBuilder html, int level)
    {
        if (shape.Name == P + "grpSp")
        {
            foreach (var inner in shape.Elements().Where(e => e.Name == P + "sp" || e.Name == P + "graphicFrame" || e.Name == P + "grpSp"))
            {
                Shape(inner, slide, html, level);
            }
        }
        else if (shape.Name == P + "sp" && shape.Element(P + "txBody") is { } body)
        {
            Paragraphs(body, html, level);
        }
        else if (shape.Name == P + "graphicFrame" && shape.Descendants(A + "graphicData").FirstOrDefault() is { } data)
        {
            string? alt = shape.Descendants(P + "cNvPr").FirstOrDefault()?.Attribute("descr")?.Value;
            if (data.Element(A + "tbl") is { } table)
            {
                Table(table, alt, html);
            }
            else if (data.Element(C + "chart")?.Attribute(R + "id")?.Value is { } rel && slide.GetPartById(rel) is ChartPart chart)
            {
                Chart(Read(chart), alt, html);
            }
        }
    }

    /// <summary>Paragraphs with a bullet become list items; a bold paragraph without one is a heading; the rest are paragraphs.</summary>
    private static void Paragraphs(XElement body, StringBuilder html, int level)
    {
        // A body or content placeholder bullets its paragraphs (unless a paragraph says none); a subtitle or a text box does not.
        bool listPlace = body.Parent?.Descendants(P + "ph").Any(p => p.Attribute("type")?.Value is not ("subTitle" or "ctrTitle")) == true;
        bool inList = false;
        foreach (var paragraph in body.Elements(A + "p"))
        {
            string text = Plain(paragraph);
            if (text.Length == 0)
            {
                continue;
            }

            var properties = paragraph.Element(A + "pPr");
            bool bulleted = properties?.Element(A + "buNone") is null && listPlace;
            var runs = paragraph.Elements(A + "r").ToList();
            bool heading = !bulleted && runs.Count > 0 && runs.All(r => r.Element(A + "rPr")?.Attribute("b")?.Value is "1" or "true");
            if (bulleted != inList)
            {
                html.Append(bulleted ? "<ul>\n" : "</ul>\n");
                inList = bulleted;
            }

            if (heading)
            {
                html.Append("<h").Append(level + 1).Append('>').Append(HtmlPage.Encode(text)).Append("</h").Append(level + 1).Append(">\n");
                continue;
            }

            html.Append(bulleted ? "<li>" : "<p>");
            foreach (var run in runs)
            {
                string words = HtmlPage.Encode(string.Concat(run.Elements(A + "t").Select(t => t.Value)));
                html.Append(run.Element(A + "rPr")?.Attribute("b")?.Value is "1" or "true" ? $"<strong>{words}</strong>" : words);
            }

            html.Append(bulleted ? "</li>\n" : "</p>\n");
        }

        if (inList)
        {
            html.Append("</ul>\n");
        }
    }

    private static void Table(XElement table, string? alt, StringBuilder html)
    {
        html.Append("<table>\n");
        if (!string.IsNullOrWhiteSpace(alt))
        {
            html.Append("<caption>").Append(HtmlPage.Encode(alt)).Append("</caption>\n");
        }

        bool header = table.Element(A + "tblPr")?.Attribute("firstRow")?.Value is "1" or "true";
        foreach (var row in table.Elements(A + "tr"))
        {
            html.Append("<tr>");
            foreach (var cell in row.Elements(A + "tc"))
            {
                html.Append(header ? "<th scope=\"col\">" : "<td>").Append(HtmlPage.Encode(Plain(cell))).Append(header ? "</th>" : "</td>");
            }

            html.Append("</tr>\n");
            header = false;
        }

        html.Append("</table>\n");
    }

    /// <summary>A chart as its figures: a table of each series' cached values by category, captioned with the chart's title, and its alt text.</summary>
    private static void Chart(XElement chart, string? alt, StringBuilder html)
    {
        string title = chart.Element(C + "chart")?.Element(C + "title") is { } t ? Plain(t) : "Chart";
        html.Append("<figure>\n<table>\n<caption>").Append(HtmlPage.Encode(title)).Append("</caption>\n");
        foreach (var series in chart.Descendants(C + "ser"))
        {
            string name = string.Concat(series.Element(C + "tx")?.Descendants(C + "v").Select(v => v.Value) ?? []);
            var categories = Points(series.Element(C + "cat"));
            var values = Points(series.Element(C + "val"));
            html.Append("<tr><th scope=\"col\">Period</th><th scope=\"col\">").Append(HtmlPage.Encode(name.Length > 0 ? name : "Value")).Append("</th></tr>\n");
            foreach (var (idx, category) in categories)
            {
                html.Append("<tr><th scope=\"row\">").Append(HtmlPage.Encode(category)).Append("</th><td>")
                    .Append(HtmlPage.Encode(values.GetValueOrDefault(idx) ?? "–")).Append("</td></tr>\n");
            }
        }

        html.Append("</table>\n");
        if (!string.IsNullOrWhiteSpace(alt))
        {
            html.Append("<figcaption>").Append(HtmlPage.Encode(alt)).Append("</figcaption>\n");
        }

        html.Append("</figure>\n");
    }

    private static Dictionary<string, string> Points(XElement? data) =>
        (data?.Descendants(C + "pt") ?? [])
            .GroupBy(p => p.Attribute("idx")?.Value ?? string.Empty, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Element(C + "v")?.Value ?? string.Empty, StringComparer.Ordinal);
}
