using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;

namespace FactFunctions.TestSupport;

/// <summary>
/// The accessibility rules a deck shown to a board must meet, applied to a rendered .pptx: a title, an author, a creation
/// date and en-GB in its properties; every slide titled (screen readers navigate by slide titles), no two alike, the
/// title first in reading order; alt text on every chart, table and picture; every table's first row a header row; no
/// text under 18pt on a slide, nor under 16pt in a chart.
/// </summary>
public static class DeckAccessibility
{
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static readonly XNamespace P = "http://schemas.openxmlformats.org/presentationml/2006/main";

    public const int MinimumSlideSize = 1800;
    public const int MinimumChartSize = 1600;

    /// <summary>Every broken rule, in words; empty when the deck meets them all.</summary>
    public static IReadOnlyList<string> Problems(byte[] pptx)
    {
        using var document = PresentationDocument.Open(new MemoryStream(pptx), false);
        var properties = document.PackageProperties;
        var problems = DocumentProperties.Problems(document, "deck").ToList();

        if (!string.Equals(properties.Language, "en-GB", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"The deck's language is '{properties.Language}', not en-GB.");
        }

        var titles = new HashSet<string>(StringComparer.Ordinal);
        int number = 0;
        foreach (var slide in Slides(document))
        {
            number++;
            var root = Read(slide);
            var shapes = root.Descendants(P + "spTree").First().Elements().Where(e => e.Name == P + "sp" || e.Name == P + "graphicFrame" || e.Name == P + "pic").ToList();
            string? title = shapes.Where(IsTitle).Select(s => string.Concat(s.Descendants(A + "t").Select(t => t.Value)).Trim()).FirstOrDefault();
            if (string.IsNullOrEmpty(title))
            {
                problems.Add($"Slide {number} has no title.");
            }
            else if (!titles.Add(title))
            {
                problems.Add($"Slide {number}'s title '{title}' is another slide's too.");
            }

            if (shapes.Count > 0 && !IsTitle(shapes[0]))
            {
                problems.Add($"Slide {number}'s title is not first in reading order.");
            }

            foreach (var frame in shapes.Where(s => s.Name == P + "graphicFrame" || s.Name == P + "pic"))
            {
                if (string.IsNullOrWhiteSpace(frame.Descendants(P + "cNvPr").First().Attribute("descr")?.Value))
                {
                    problems.Add($"Slide {number} has a chart, table or picture without alt text.");
                }
            }

            foreach (var table in root.Descendants(A + "tbl").Where(t => t.Element(A + "tblPr")?.Attribute("firstRow")?.Value is not ("1" or "true")))
            {
                problems.Add($"Slide {number} has a table whose first row is not a header row.");
            }

            // The sizes the slide sets, and those its layout and master give its title and first-level text.
            var layout = slide.SlideLayoutPart!;
            var master = Read(layout.SlideMasterPart!).Descendants(P + "txStyles").SelectMany(s => s.Elements())
                .Where(style => style.Name == P + "titleStyle" || style.Name == P + "bodyStyle").SelectMany(style => style.Elements(A + "lvl1pPr"));
            foreach (var size in Sizes(root).Concat(Sizes(Read(layout))).Concat(master.SelectMany(Sizes)).Distinct())
            {
                if (size < MinimumSlideSize)
                {
                    problems.Add($"Slide {number} has text at {size / 100m}pt, under {MinimumSlideSize / 100}pt.");
                }
            }

            foreach (var chart in slide.ChartParts)
            {
                foreach (var size in Sizes(Read(chart)))
                {
                    if (size < MinimumChartSize)
                    {
                        problems.Add($"Slide {number} has a chart with text at {size / 100m}pt, under {MinimumChartSize / 100}pt.");
                    }
                }
            }
        }

        if (number == 0)
        {
            problems.Add("The deck has no slides.");
        }

        return problems;
    }

    /// <summary>The slides in the order they are shown.</summary>
    public static IEnumerable<SlidePart> Slides(PresentationDocument document)
    {
        var presentation = document.PresentationPart!;
        foreach (var id in presentation.Presentation!.SlideIdList?.Elements<SlideId>() ?? [])
        {
            yield return (SlidePart)presentation.GetPartById(id.RelationshipId!.Value!);
        }
    }

    /// <summary>Each slide's text, in order, paragraphs on lines of their own.</summary>
    public static IReadOnlyList<string> SlideTexts(byte[] pptx)
    {
        using var document = PresentationDocument.Open(new MemoryStream(pptx), false);
        return [.. Slides(document).Select(s => string.Join("\n", Read(s).Descendants(A + "p").Select(p => string.Concat(p.Descendants(A + "t").Select(t => t.Value)))))];
    }

    /// <summary>Every text size set in a part (run and default run properties), in hundredths of a point.</summary>
    private static IEnumerable<int> Sizes(XElement root) =>
        root.Descendants().Where(e => e.Name == A + "rPr" || e.Name == A + "defRPr").Select(e => (int?)e.Attribute("sz")).OfType<int>().Distinct();

    private static XElement Read(OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return XDocument.Load(stream).Root!;
    }

    private static bool IsTitle(XElement shape) =>
        shape.Descendants(P + "ph").FirstOrDefault()?.Attribute("type")?.Value is "title" or "ctrTitle";
}
