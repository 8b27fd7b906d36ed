using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using FactFunctions.Programme.Outcomes;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// Writes a <see cref="Deck"/> into a template's layouts (<see cref="DeckLayouts"/>): the template's own slides are
/// dropped, then a title slide, each project's slide (and, when it charts an indicator, a key figures slide with a
/// native chart part), and the open actions as a table. Every slide's title is its layout's title placeholder, so screen
/// readers navigate by it; shapes are in reading order; the chart and the table carry alt text. Deterministic bytes.
/// </summary>
public static class DeckWriter
{
    private static readonly XNamespace A = DeckXml.A, P = DeckXml.P, R = DeckXml.R, C = DeckXml.C;

    /// <summary>Text sizes in hundredths of a point: none under 18pt, so a room can read every word.</summary>
    private const int BodySize = 2000;

    private const int TableSize = 1800;

    public static byte[] Write(byte[] template, Deck deck)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = PresentationDocument.Open(stream, true))
        {
            if (document.DocumentType == DocumentFormat.OpenXml.PresentationDocumentType.Template)
            {
                document.ChangeDocumentType(DocumentFormat.OpenXml.PresentationDocumentType.Presentation);
            }

            // The template's own properties (its author, its revision) are replaced, not kept.
            DeckProperties.Write(document, DeckComposer.Cut($"{deck.Title}: {deck.Subtitle[0]}"), deck.Author ?? "Wiltshire Council", deck.Written);
            var presentation = document.PresentationPart ?? throw new InvalidOperationException("The template has no presentation part.");
            var root = presentation.Presentation ?? throw new InvalidOperationException("The template has no presentation.");
            foreach (var old in root.SlideIdList?.Elements<SlideId>().ToList() ?? [])
            {
                // Only slides: a slide list may name a relationship the package does not have, or one to another part.
                if (old.RelationshipId?.Value is { } id && presentation.TryGetPartById(id, out var part) && part is SlidePart)
                {
                    presentation.DeletePart(part);
                }
            }

            // The custom shows and sections name the dropped slides; they go with them.
            root.SlideIdList?.Remove();
            root.CustomShowList?.Remove();
            foreach (var extension in root.PresentationExtensionList?.Elements<PresentationExtension>().ToList() ?? [])
            {
                extension.Remove();
            }
            var (layouts, problems) = DeckLayouts.Find(presentation);
            if (layouts is null)
            {
                throw new InvalidOperationException(string.Join(" ", problems));
            }

            long width = Length(root.SlideSize?.Cx?.InnerText, BuiltInDeck.SlideWidth), height = Length(root.SlideSize?.Cy?.InnerText, BuiltInDeck.SlideHeight);
            var frame = new Frame(width, height);
            var slides = new List<SlidePart>();
            SlidePart Add(SlideLayoutPart layout) => AddSlide(presentation, layout, slides);

            // Screen readers list a deck by its slides' titles, so no two may be alike (two projects can share a name).
            var used = new HashSet<string>(StringComparer.Ordinal);
            XElement Title(PlaceholderShape place, string title)
            {
                string unique = title;
                for (int n = 2; !used.Add(unique); n++)
                {
                    unique = $"{title} ({n})";
                }

                return Text(2, "Title", place, null, [Paragraph(unique)]);
            }

            Feed(Add(layouts.Title), Slide(
                Title(layouts.TitlePlace, deck.Title),
                Text(3, "Subtitle", layouts.SubtitlePlace, null, [.. deck.Subtitle.Select(line => Paragraph(line))])));

            foreach (var project in deck.Projects)
            {
                var body = new List<XElement>();
                if (project.Aim is { } aim)
                {
                    body.Add(Paragraph([Run("Aim: ", BodySize, bold: true), Run(aim, BodySize)], bullet: false));
                }

                AddList(body, project.ChangesHeading, project.Changes);
                var chart = project.Chart is { } indicator ? IndicatorChart.ForSlide(indicator) : null;
                if (chart is null)
                {
                    AddList(body, "Key figures", project.Figures);
                }

                AddList(body, "Next steps", project.NextSteps);
                Feed(Add(layouts.Content), Slide(
                    Title(layouts.ContentTitlePlace, project.Title),
                    Text(3, "Content", layouts.BodyPlace, null, body)));

                if (chart is { } drawn)
                {
                    // The figures get a slide of their own: a chart and four lists on one slide cannot be read across a room.
                    var slide = Add(layouts.Content);
                    var part = slide.AddNewPart<ChartPart>("rId2");
                    using (var data = new MemoryStream(drawn.Part, writable: false))
                    {
                        part.FeedData(data);
                    }

                    var figures = new List<XElement>();
                    AddList(figures, "Key figures", project.Figures);
                    long chartWidth = frame.Width * 62 / 100;
                    Feed(slide, Slide(
                        Title(layouts.ContentTitlePlace, DeckComposer.Cut($"{project.Title}: key figures")),
                        ChartFrame(3, drawn.Title, drawn.AltText, "rId2", frame.Left, frame.Top, chartWidth, frame.Height),
                        Text(4, "Figures", layouts.BodyPlace,
                            Position(frame.Left + chartWidth + frame.Gap, frame.Top, frame.Width - chartWidth - frame.Gap, frame.Height), figures)));
                }
            }

            int total = deck.Actions.Count + deck.MoreActions;
            string actionsTitle = deck.MoreActions > 0 ? $"Open actions ({deck.Actions.Count} of {total})" : "Open actions";
            Feed(Add(layouts.Content), deck.Actions.Count == 0
                ? Slide(
                    Title(layouts.ContentTitlePlace, actionsTitle),
                    Text(3, "Content", layouts.BodyPlace, null, [Paragraph([Run("No open actions from earlier meetings.", BodySize)], bullet: false)]))
                : Slide(
                    Title(layouts.ContentTitlePlace, actionsTitle),
                    ActionsTable(3, deck.Actions, frame)));

            var list = new SlideIdList();
            uint next = 256;
            foreach (var slide in slides)
            {
                list.AppendChild(new SlideId { Id = next++, RelationshipId = presentation.GetIdOfPart(slide) });
            }

            DocumentFormat.OpenXml.OpenXmlElement after = (DocumentFormat.OpenXml.OpenXmlElement?)root.HandoutMasterIdList
                ?? (DocumentFormat.OpenXml.OpenXmlElement?)root.NotesMasterIdList
                ?? root.SlideMasterIdList ?? throw new InvalidOperationException("The template has no slide master list.");
            root.InsertAfter(list, after);
            root.Save();
        }

        return DocxPackage.Normalise(stream.ToArray());
    }

    /// <summary>A slide's width or height as written, when it is one PowerPoint allows (1 to 51206400 EMU); the built-in deck's otherwise.</summary>
    private static long Length(string? written, long otherwise) =>
        long.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out long length) && length is > 0 and <= 51206400 ? length : otherwise;

    /// <summary>Where a slide's content goes, in proportion to the slide: below the title, inside a margin.</summary>
    private sealed record Frame(long SlideWidth, long SlideHeight)
    {
        public long Left => SlideWidth / 20;

        public long Top => SlideHeight * 22 / 100;

        public long Width => SlideWidth - (2 * Left);

        public long Height => SlideHeight * 68 / 100;

        public long Gap => SlideWidth / 60;
    }

    private static SlidePart AddSlide(PresentationPart presentation, SlideLayoutPart layout, List<SlidePart> slides)
    {
        int n = slides.Count + 1;
        string id;
        do
        {
            id = $"rIdFactSlide{n++}";
        }
        while (presentation.Parts.Any(p => p.RelationshipId == id) || presentation.ExternalRelationships.Any(r => r.Id == id) ||
            presentation.HyperlinkRelationships.Any(r => r.Id == id));

        var slide = presentation.AddNewPart<SlidePart>(id);
        slide.AddPart(layout, "rId1");
        slides.Add(slide);
        return slide;
    }

    private static void Feed(SlidePart part, XElement slide)
    {
        using var data = new MemoryStream();
        new XDocument(new XDeclaration("1.0", "UTF-8", "yes"), slide).Save(data, SaveOptions.DisableFormatting);
        data.Position = 0;
        part.FeedData(data);
    }

    private static XElement Slide(params XElement[] shapes) =>
        new(P + "sld",
            new XAttribute(XNamespace.Xmlns + "a", A),
            new XAttribute(XNamespace.Xmlns + "r", R),
            new XAttribute(XNamespace.Xmlns + "p", P),
            new XElement(P + "cSld",
                new XElement(P + "spTree",
                    new XElement(P + "nvGrpSpPr",
                        new XElement(P + "cNvPr", new XAttribute("id", 1), new XAttribute("name", string.Empty)), new XElement(P + "cNvGrpSpPr"), new XElement(P + "nvPr")),
                    new XElement(P + "grpSpPr", new XElement(A + "xfrm",
                        Point("off", 0, 0), Point("ext", 0, 0, "cx", "cy"), Point("chOff", 0, 0), Point("chExt", 0, 0, "cx", "cy"))),
                    shapes)),
            new XElement(P + "clrMapOvr", new XElement(A + "masterClrMapping")));

    private static XElement Point(string name, long x, long y, string xName = "x", string yName = "y") =>
        new(A + name, new XAttribute(xName, x), new XAttribute(yName, y));

    private static XElement Position(long x, long y, long cx, long cy) =>
        new(A + "xfrm", Point("off", x, y), Point("ext", cx, cy, "cx", "cy"));

    /// <summary>A text shape filling a placeholder of the slide's layout, so the template's styling applies; at its own position when given.</summary>
    private static XElement Text(int id, string name, PlaceholderShape place, XElement? position, IReadOnlyList<XElement> paragraphs) =>
        new(P + "sp",
            new XElement(P + "nvSpPr",
                new XElement(P + "cNvPr", new XAttribute("id", id), new XAttribute("name", $"{name} {id - 1}")),
                new XElement(P + "cNvSpPr", new XElement(A + "spLocks", new XAttribute("noGrp", 1))),
                new XElement(P + "nvPr", new XElement(P + "ph",
                    place.Type?.InnerText is { } type ? new XAttribute("type", type) : null,
                    place.Index?.InnerText is { } index ? new XAttribute("idx", index) : null))),
            new XElement(P + "spPr", position),
            new XElement(P + "txBody",
                new XElement(A + "bodyPr", new XElement(A + "normAutofit")),
                new XElement(A + "lstStyle"),
                paragraphs.Count == 0 ? [new XElement(A + "p")] : paragraphs));

    private static void AddList(List<XElement> body, string heading, IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        body.Add(Paragraph([Run(heading, BodySize, bold: true)], bullet: false, spaceBefore: body.Count > 0));
        body.AddRange(lines.Select(line => Paragraph([Run(line, BodySize)], bullet: true)));
    }

    /// <summary>A paragraph in the placeholder's own style (a title, a subtitle line).</summary>
    private static XElement Paragraph(string text) => new(A + "p", Run(text, null));

    private static XElement Paragraph(IEnumerable<XElement> runs, bool bullet, bool spaceBefore = false) =>
        new(A + "p",
            bullet
                ? new XElement(A + "pPr", new XAttribute("lvl", 0))
                : new XElement(A + "pPr", new XAttribute("marL", 0), new XAttribute("indent", 0),
                    spaceBefore ? new XElement(A + "spcBef", new XElement(A + "spcPts", new XAttribute("val", 1200))) : null,
                    new XElement(A + "buNone")),
            runs);

    private static XElement Run(string text, int? size, bool bold = false) =>
        new(A + "r",
            new XElement(A + "rPr", new XAttribute("lang", "en-GB"), size is { } s ? new XAttribute("sz", s) : null, bold ? new XAttribute("b", 1) : null),
            new XElement(A + "t", text));

    private static XElement ChartFrame(int id, string title, string altText, string relationship, long x, long y, long cx, long cy) =>
        new(P + "graphicFrame",
            new XElement(P + "nvGraphicFramePr",
                new XElement(P + "cNvPr", new XAttribute("id", id), new XAttribute("name", $"Chart {id - 1}"), new XAttribute("descr", altText), new XAttribute("title", title)),
                new XElement(P + "cNvGraphicFramePr", new XElement(A + "graphicFrameLocks", new XAttribute("noGrp", 1))),
                new XElement(P + "nvPr")),
            new XElement(P + "xfrm", Point("off", x, y), Point("ext", cx, cy, "cx", "cy")),
            new XElement(A + "graphic", new XElement(A + "graphicData", new XAttribute("uri", C.NamespaceName),
                new XElement(C + "chart", new XAttribute(XNamespace.Xmlns + "c", C), new XAttribute(R + "id", relationship)))));

    /// <summary>The open actions as a table with a header row: action, meeting, owner, due, status.</summary>
    private static XElement ActionsTable(int id, IReadOnlyList<CarriedAction> actions, Frame frame)
    {
        int[] shares = [46, 16, 16, 11, 11];
        var widths = shares.Select(s => frame.Width * s / 100).ToArray();
        long rowHeight = frame.Height / (actions.Count + 1);
        XElement Row(IEnumerable<string> cells, bool header) =>
            new(A + "tr", new XAttribute("h", Math.Min(rowHeight, 640080)), cells.Select(cell => new XElement(A + "tc",
                new XElement(A + "txBody", new XElement(A + "bodyPr"), new XElement(A + "lstStyle"),
                    new XElement(A + "p", new XElement(A + "r",
                        new XElement(A + "rPr", new XAttribute("lang", "en-GB"), new XAttribute("sz", TableSize), header ? new XAttribute("b", 1) : null,
                            header ? new XElement(A + "solidFill", new XElement(A + "schemeClr", new XAttribute("val", "bg1"))) : null),
                        new XElement(A + "t", cell)))),
                new XElement(A + "tcPr",
                    new XElement(A + "lnB", new XAttribute("w", 12700), new XElement(A + "solidFill", new XElement(A + "schemeClr", new XAttribute("val", "tx2")))),
                    header ? new XElement(A + "solidFill", new XElement(A + "schemeClr", new XAttribute("val", "accent1"))) : new XElement(A + "noFill")))));

        return new XElement(P + "graphicFrame",
            new XElement(P + "nvGraphicFramePr",
                new XElement(P + "cNvPr", new XAttribute("id", id), new XAttribute("name", $"Table {id - 1}"),
                    new XAttribute("descr", $"Table of {actions.Count} open action{(actions.Count == 1 ? string.Empty : "s")}: action, meeting, owner, due, status.")),
                new XElement(P + "cNvGraphicFramePr", new XElement(A + "graphicFrameLocks", new XAttribute("noGrp", 1))),
                new XElement(P + "nvPr")),
            new XElement(P + "xfrm", Point("off", frame.Left, frame.Top), Point("ext", frame.Width, Math.Min(rowHeight, 640080) * (actions.Count + 1), "cx", "cy")),
            new XElement(A + "graphic", new XElement(A + "graphicData", new XAttribute("uri", "http://schemas.openxmlformats.org/drawingml/2006/table"),
                new XElement(A + "tbl",
                    new XElement(A + "tblPr", new XAttribute("firstRow", 1), new XAttribute("bandRow", 1)),
                    new XElement(A + "tblGrid", widths.Select(w => new XElement(A + "gridCol", new XAttribute("w", w)))),
                    Row(["Action", "Meeting", "Owner", "Due", "Status"], header: true),
                    actions.Select(a => Row(
                        [DeckComposer.Cut(a.Action.Text, DeckComposer.MaxActionText), PaperComposer.LongDate(a.Meeting), DeckComposer.Cut(a.Action.Owner ?? "–", 40),
                            DeckComposer.Cut(a.Action.Due ?? "–", 30), ActionsSection.Status(a)], header: false))))));
    }
}
