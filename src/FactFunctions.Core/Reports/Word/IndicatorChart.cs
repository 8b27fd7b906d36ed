using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Validation;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

/// <summary>
/// An indicator over time as a native Word chart (a chart part with its figures cached in it, which Word and
/// LibreOffice draw and a reader can restyle), not a picture: ranks when the indicator is ranked (drawn with 1 at the
/// top), values otherwise. Alt text says what the chart shows in words, and the same figures follow as a small table.
/// </summary>
public static class IndicatorChart
{
    private const string ChartNs = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private const string RelationshipNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const long Width = 9638L * 635 * 80 / 100;
    private const long Height = Width * 55 / 100;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // What a chart's words may take: a title and axis titles fit on a line or two, alt text says the figures and stops.
    private const int MaxTitle = 300;
    private const int MaxAxisTitle = 150;
    private const int MaxAltText = 2_000;

    /// <summary>The points an indicator can be charted by: its ranks when it is ranked, else its values, in period order.</summary>
    private static (bool Ranked, IReadOnlyList<(string Period, decimal Figure)> Points) Series(IndicatorView indicator)
    {
        var values = (indicator.Values ?? []).OrderBy(v => v.Period, StringComparer.Ordinal).ToList();
        bool ranked = values.Any(v => v.Rank is not null);
        var points = values
            .Select(v => (v.Period, Figure: ranked ? v.Rank : v.Value))
            .Where(p => p.Figure is not null)
            .Select(p => (p.Period, (decimal)p.Figure!))
            .ToList();
        return (ranked, points);
    }

    /// <summary>Whether the indicator has the two or more periods a chart needs.</summary>
    public static bool Charted(IndicatorView indicator) => Series(indicator).Points.Count >= 2;

    /// <summary>The chart's title: the indicator's category and name ("Permanent exclusion: Primary Schools").</summary>
    public static string Title(IndicatorView indicator) =>
        SafeText.Shorten(string.IsNullOrWhiteSpace(indicator.Category) ? indicator.Name ?? indicator.Id : $"{indicator.Category}: {indicator.Name}", MaxTitle);

    /// <summary>
    /// What the chart shows, in words, for its alt text: the measure, the span, each period's figure and which way is
    /// better ("Line chart of Permanent exclusion: Primary Schools, rank among 156 local authorities, from 2018-19 to 2020-21.
    /// 2018-19: 19; 2019-20: 14; 2020-21: 10. Rank 1 is the best position …").
    /// </summary>
    private static string AltText(IndicatorView indicator, bool ranked, IReadOnlyList<(string Period, decimal Figure)> points)
    {
        string measure = ranked ? $"rank{OutOf(indicator)}" : indicator.Unit ?? "value";
        string figures = string.Join("; ", points.Select(p => $"{p.Period}: {Figure(p.Figure)}"));
        string better = ranked
            ? " Rank 1 is the best position; the axis is drawn with 1 at the top."
            : indicator.Polarity switch
            {
                "lower-is-better" => " Lower is better.",
                "higher-is-better" => " Higher is better.",
                _ => string.Empty,
            };
        string span = $"from {points[0].Period} to {points[^1].Period}";
        return SafeText.Shorten($"Line chart of {Title(indicator)}, {SafeText.Shorten(measure, MaxAxisTitle)}, {span}. {figures}.{better}", MaxAltText);
    }

    /// <summary>The chart (a paragraph holding it) and the table of its figures, for a paper.</summary>
    public static IReadOnlyList<OpenXmlElement> Elements(IndicatorView indicator, PaperPackage package)
    {
        var (ranked, points) = Series(indicator);
        if (points.Count < 2)
        {
            return [];
        }

        string relationship = package.Chart(ChartSpace(indicator, ranked, points, PaperText));
        uint id = package.NextDrawingId();
        string alt = AltText(indicator, ranked, points);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = Width, Cy = Height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"Chart {id - 10_000}", Title = Title(indicator), Description = alt },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = relationship }) { Uri = ChartNs }))
        {
            DistanceFromTop = 0,
            DistanceFromBottom = 0,
            DistanceFromLeft = 0,
            DistanceFromRight = 0,
        });
        return
        [
            new WordParagraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), new Run(drawing)),
            FiguresTable(indicator),
            new WordParagraph(),
        ];
    }

    /// <summary>
    /// The chart part, its title and its alt text, for a slide: the same chart as a paper's, its words sized to be read
    /// across a room. Null when the indicator has fewer than two periods.
    /// </summary>
    public static (byte[] Part, string Title, string AltText)? ForSlide(IndicatorView indicator)
    {
        var (ranked, points) = Series(indicator);
        return points.Count < 2 ? null : (ChartSpace(indicator, ranked, points, SlideText), Title(indicator), AltText(indicator, ranked, points));
    }

    /// <summary>The chart's figures as a table: period, then each kind of figure the indicator has.</summary>
    private static Table FiguresTable(IndicatorView indicator)
    {
        var values = (indicator.Values ?? []).OrderBy(v => v.Period, StringComparer.Ordinal).ToList();
        var columns = new List<(string Heading, Func<IndicatorValueView, string?> Cell)> { ("Period", v => v.Period) };
        if (values.Any(v => v.Value is not null))
        {
            columns.Add((SafeText.Shorten(PaperComposer.Capitalised(string.IsNullOrWhiteSpace(indicator.Unit) ? "Value" : indicator.Unit), MaxAxisTitle), v =>
                v.Value is { } x ? Figure(x) : null));
        }

        if (values.Any(v => v.Rank is not null))
        {
            columns.Add(("Rank", v => v.Rank is { } r ? v.OutOf is { } n ? $"{r} of {n}" : r.ToString(Invariant) : null));
        }

        if (values.Any(v => !string.IsNullOrWhiteSpace(v.Band)))
        {
            columns.Add(("Band", v => v.Band));
        }

        int width = Math.Min(2400, BlockWriter.TextWidthTwips / columns.Count);
        var widths = Enumerable.Repeat(width, columns.Count).ToArray();
        return DocumentBuilder.Centred(DocumentBuilder.Table(
            widths,
            DocumentBuilder.HeaderRow(widths, [.. columns.Select(c => c.Heading)]),
            [.. values.Select(value => DocumentBuilder.Row([.. columns.Select(c => DocumentBuilder.Cell(width, DocumentBuilder.TextLine(c.Cell(value) ?? "–")))]))]));
    }

    /// <summary>The chart part: one line series with markers and data labels, the figures cached in the part.</summary>
    private static byte[] ChartSpace(IndicatorView indicator, bool ranked, IReadOnlyList<(string Period, decimal Figure)> points, ChartTextSizes sizes)
    {
        string axisTitle = SafeText.Shorten(ranked ? $"Rank{OutOf(indicator)} (1 is best)" : PaperComposer.Capitalised(indicator.Unit ?? "Value"), MaxAxisTitle);
        using var stream = new MemoryStream();
        using (var w = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartDocument(true);
            w.WriteStartElement("c", "chartSpace", ChartNs);
            w.WriteAttributeString("xmlns", "a", null, DrawingNs);
            w.WriteAttributeString("xmlns", "r", null, RelationshipNs);
            Val(w, "date1904", "0");
            Val(w, "lang", "en-GB");
            Val(w, "roundedCorners", "0");
            w.WriteStartElement("chart", ChartNs);
            RichTitle(w, Title(indicator), sizes.Title, bold: true);
            Val(w, "autoTitleDeleted", "0");
            w.WriteStartElement("plotArea", ChartNs);
            w.WriteElementString("layout", ChartNs, null);
            w.WriteStartElement("lineChart", ChartNs);
            Val(w, "grouping", "standard");
            Val(w, "varyColors", "0");
            w.WriteStartElement("ser", ChartNs);
            Val(w, "idx", "0");
            Val(w, "order", "0");
            w.WriteStartElement("tx", ChartNs);
            w.WriteElementString("v", ChartNs, ranked ? "Rank" : axisTitle);
            w.WriteEndElement();
            w.WriteStartElement("spPr", ChartNs);
            w.WriteStartElement("ln", DrawingNs);
            w.WriteAttributeString("w", "28575");
            SolidFill(w, "1F4E79");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("marker", ChartNs);
            Val(w, "symbol", "circle");
            Val(w, "size", "7");
            w.WriteEndElement();
            w.WriteStartElement("dLbls", ChartNs);
            Val(w, "dLblPos", "t");
            Val(w, "showLegendKey", "0");
            Val(w, "showVal", "1");
            Val(w, "showCatName", "0");
            Val(w, "showSerName", "0");
            Val(w, "showPercent", "0");
            Val(w, "showBubbleSize", "0");
            w.WriteEndElement();
            // As Word writes a chart: references into its sheet with the figures cached beside them. Word and
            // LibreOffice draw from the cache; papers carry no embedded workbook (no embedded package passes the
            // inspection every paper passes), so the figures table under the chart is where they are read.
            string last = (points.Count + 1).ToString(Invariant);
            w.WriteStartElement("cat", ChartNs);
            w.WriteStartElement("strRef", ChartNs);
            w.WriteElementString("f", ChartNs, $"Sheet1!$A$2:$A${last}");
            w.WriteStartElement("strCache", ChartNs);
            Val(w, "ptCount", points.Count.ToString(Invariant));
            for (int i = 0; i < points.Count; i++)
            {
                Point(w, i, points[i].Period);
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement("val", ChartNs);
            w.WriteStartElement("numRef", ChartNs);
            w.WriteElementString("f", ChartNs, $"Sheet1!$B$2:$B${last}");
            w.WriteStartElement("numCache", ChartNs);
            w.WriteElementString("formatCode", ChartNs, "General");
            Val(w, "ptCount", points.Count.ToString(Invariant));
            for (int i = 0; i < points.Count; i++)
            {
                Point(w, i, points[i].Figure.ToString(Invariant));
            }

            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            Val(w, "smooth", "0");
            w.WriteEndElement(); // ser
            Val(w, "marker", "1");
            Val(w, "axId", "50010");
            Val(w, "axId", "50020");
            w.WriteEndElement(); // lineChart

            w.WriteStartElement("catAx", ChartNs);
            Val(w, "axId", "50010");
            w.WriteStartElement("scaling", ChartNs);
            Val(w, "orientation", "minMax");
            w.WriteEndElement();
            Val(w, "delete", "0");
            Val(w, "axPos", "b");
            RichTitle(w, "Period", sizes.Axis, bold: false);
            Val(w, "majorTickMark", "out");
            Val(w, "minorTickMark", "none");
            Val(w, "tickLblPos", "nextTo");
            Val(w, "crossAx", "50020");
            Val(w, "crosses", ranked ? "max" : "autoZero");
            Val(w, "auto", "1");
            Val(w, "lblAlgn", "ctr");
            Val(w, "lblOffset", "100");
            Val(w, "noMultiLvlLbl", "0");
            w.WriteEndElement();

            w.WriteStartElement("valAx", ChartNs);
            Val(w, "axId", "50020");
            w.WriteStartElement("scaling", ChartNs);
            Val(w, "orientation", ranked ? "maxMin" : "minMax");
            if (!ranked && points.All(p => p.Figure >= 0))
            {
                Val(w, "min", "0");
            }

            w.WriteEndElement();
            Val(w, "delete", "0");
            Val(w, "axPos", "l");
            w.WriteElementString("majorGridlines", ChartNs, null);
            RichTitle(w, axisTitle, sizes.Axis, bold: false);
            w.WriteStartElement("numFmt", ChartNs);
            w.WriteAttributeString("formatCode", "General");
            w.WriteAttributeString("sourceLinked", "0");
            w.WriteEndElement();
            Val(w, "majorTickMark", "out");
            Val(w, "minorTickMark", "none");
            Val(w, "tickLblPos", "nextTo");
            Val(w, "crossAx", "50010");
            Val(w, "crosses", "autoZero");
            Val(w, "crossBetween", "between");
            w.WriteEndElement();
            w.WriteEndElement(); // plotArea

            Val(w, "plotVisOnly", "1");
            Val(w, "dispBlanksAs", "gap");
            w.WriteEndElement(); // chart
            if (sizes.Labels is { } labels)
            {
                // The tick and data labels, which otherwise take the application's small default.
                w.WriteStartElement("txPr", ChartNs);
                StartParagraph(w, labels, bold: null);
                w.WriteStartElement("endParaRPr", DrawingNs);
                w.WriteAttributeString("lang", "en-GB");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement(); // chartSpace
        }

        return stream.ToArray();
    }

    /// <summary>Text sizes in hundredths of a point: the chart's title, its axis titles, and its tick and data labels (the default when null).</summary>
    private sealed record ChartTextSizes(int Title, int Axis, int? Labels);

    private static readonly ChartTextSizes PaperText = new(1200, 900, null);
    private static readonly ChartTextSizes SlideText = new(2000, 1600, 1600);

    private static void Val(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name, ChartNs);
        w.WriteAttributeString("val", value);
        w.WriteEndElement();
    }

    private static void Point(XmlWriter w, int index, string value)
    {
        w.WriteStartElement("pt", ChartNs);
        w.WriteAttributeString("idx", index.ToString(Invariant));
        w.WriteElementString("v", ChartNs, SafeText.Clean(value));
        w.WriteEndElement();
    }

    private static void SolidFill(XmlWriter w, string rgb)
    {
        w.WriteStartElement("solidFill", DrawingNs);
        w.WriteStartElement("srgbClr", DrawingNs);
        w.WriteAttributeString("val", rgb);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A chart text body's opening: its body and list properties and a paragraph (left open) whose runs default to <paramref name="size"/>.</summary>
    private static void StartParagraph(XmlWriter w, int size, bool? bold)
    {
        w.WriteElementString("bodyPr", DrawingNs, null);
        w.WriteElementString("lstStyle", DrawingNs, null);
        w.WriteStartElement("p", DrawingNs);
        w.WriteStartElement("pPr", DrawingNs);
        w.WriteStartElement("defRPr", DrawingNs);
        w.WriteAttributeString("sz", size.ToString(Invariant));
        if (bold is { } b)
        {
            w.WriteAttributeString("b", b ? "1" : "0");
        }

        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void RichTitle(XmlWriter w, string text, int size, bool bold)
    {
        w.WriteStartElement("title", ChartNs);
        w.WriteStartElement("tx", ChartNs);
        w.WriteStartElement("rich", ChartNs);
        StartParagraph(w, size, bold);
        w.WriteStartElement("r", DrawingNs);
        w.WriteStartElement("rPr", DrawingNs);
        w.WriteAttributeString("lang", "en-GB");
        w.WriteAttributeString("sz", size.ToString(Invariant));
        w.WriteAttributeString("b", bold ? "1" : "0");
        w.WriteEndElement();
        w.WriteElementString("t", DrawingNs, SafeText.Clean(text));
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        Val(w, "overlay", "0");
        w.WriteEndElement();
    }

    /// <summary>" among 156 local authorities" from the latest figures that say it; empty when none does.</summary>
    private static string OutOf(IndicatorView indicator)
    {
        var values = indicator.Values ?? [];
        if (values.LastOrDefault(v => v.OutOf is not null)?.OutOf is not { } n)
        {
            return string.Empty;
        }

        string among = values.LastOrDefault(v => !string.IsNullOrWhiteSpace(v.Comparator))?.Comparator?.ToLowerInvariant() ?? "areas";
        return $" among {n} {among}";
    }

    private static string Figure(decimal figure) => figure.ToString("0.##", Invariant);
}
