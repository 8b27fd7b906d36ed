using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Images;
using FactFunctions.Programme;
using FactFunctions.Validation;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

/// <summary>Where blocks are written: numbered (a paper's body) or plain (its cover), and the level of their sub-headings.</summary>
public sealed record BlockPlace(bool Numbered, int SubheadingLevel);

/// <summary>
/// Word elements for a list of blocks, in the built-in styles: paragraphs (numbered in the body), sub-headings,
/// lettered and bulleted lists, images scaled to the text width with their alt text and caption, tables with a marked
/// header row; links as real <c>w:hyperlink</c>s and references as REF fields to a bookmark on the named paragraph.
/// </summary>
public sealed class BlockWriter(PaperPackage package, IReadOnlyDictionary<string, StoredImage> images)
{
    /// <summary>The text width of the built-in templates (A4, 2 cm margins), in twentieths of a point.</summary>
    public const int TextWidthTwips = 9638;

    private const long EmuPerTwip = 635;
    private const long EmuPerPixel = 9525;

    /// <summary>The blocks as the field of a content control (none: an empty field).</summary>
    public ElementsField Field(IEnumerable<Block>? blocks, BlockPlace place) => new(Write(blocks ?? [], place));

    /// <summary>
    /// A region whose words come from the narrative: in a paper, its blocks; in a draft (<see cref="PaperPackage.Draft"/>)
    /// the same blocks in the region's editable control between its hidden markers, or its placeholder when there are none.
    /// </summary>
    public IReadOnlyList<OpenXmlElement> Region(DraftRegion region, IEnumerable<Block>? blocks)
    {
        var elements = Write(blocks ?? [], region.Place);
        if (package.Draft is not { } draft)
        {
            return elements;
        }

        draft.Add(region);
        return [.. DraftMarks.Editable(region, elements)];
    }

    /// <summary>A region as the whole field of a content control (<see cref="Region"/>).</summary>
    public ElementsField RegionField(DraftRegion region, IEnumerable<Block>? blocks) => new(Region(region, blocks));

    /// <summary>Whether the paper is being made as a draft to write in.</summary>
    public bool IsDraft => package.Draft is not null;

    /// <summary>Computed content: as it is in a paper; in a draft, in a locked control titled with where it is changed.</summary>
    public IReadOnlyList<OpenXmlElement> Locked(string title, IReadOnlyList<OpenXmlElement> elements) =>
        package.Draft is null || elements.Count == 0 ? elements : [DraftMarks.Locked(title, elements)];

    public IReadOnlyList<OpenXmlElement> Write(IEnumerable<Block> blocks, BlockPlace place)
    {
        var elements = new List<OpenXmlElement>();
        foreach (var block in blocks)
        {
            switch (block.Type)
            {
                case BlockTypes.Paragraph:
                    elements.Add(Paragraph(place.Numbered ? DocumentBuilder.NumberedStyle : "Normal", block.Text, block.Id));
                    elements.AddRange((block.Items ?? []).Select(i => Paragraph(DocumentBuilder.LetteredStyle, i)));
                    break;
                case BlockTypes.Text:
                    elements.Add(Paragraph("Normal", block.Text, block.Id));
                    break;
                case BlockTypes.Subheading:
                    elements.Add(Paragraph($"Heading{Math.Clamp(place.SubheadingLevel, 1, 6)}", block.Text, block.Id));
                    break;
                case BlockTypes.Lettered:
                    elements.AddRange((block.Items ?? []).Select(i => Paragraph(DocumentBuilder.LetteredStyle, i)));
                    break;
                case BlockTypes.Bulleted:
                    elements.AddRange((block.Items ?? []).Select(i => Paragraph(DocumentBuilder.BulletStyle, i)));
                    break;
                case BlockTypes.Image:
                    elements.AddRange(Image(block));
                    break;
                case BlockTypes.Table:
                    elements.Add(Table(block.Rows ?? []));
                    elements.Add(new WordParagraph());
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(blocks), block.Type, "Unknown block type.");
            }
        }

        return elements;
    }

    /// <summary>A heading in the built-in heading style of <paramref name="level"/>.</summary>
    public WordParagraph Heading(int level, string text) => Paragraph($"Heading{Math.Clamp(level, 1, 6)}", text);

    private WordParagraph Paragraph(string style, string? text, string? id = null)
    {
        var paragraph = new WordParagraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        if (id is not null)
        {
            paragraph.AppendChild(new BookmarkStart { Id = BookmarkNumber(id), Name = PaperPackage.Bookmark(id) });
        }

        foreach (var piece in InlineText.Parse(text))
        {
            paragraph.AppendChild<OpenXmlElement>(piece switch
            {
                TextPiece t => Run(t.Text, t.Bold),
                LinkPiece l => new Hyperlink(Run(l.Label, bold: false, style: "Hyperlink")) { Id = package.Hyperlink(l.Target), History = true },
                ReferencePiece r => new SimpleField(Run(package.Reference(r.BlockId), bold: false)) { Instruction = $" REF {PaperPackage.Bookmark(r.BlockId)} \\r \\h " },
                _ => throw new ArgumentOutOfRangeException(nameof(text), piece, "Unknown inline piece."),
            });
        }

        if (id is not null)
        {
            paragraph.AppendChild(new BookmarkEnd { Id = BookmarkNumber(id) });
        }

        return paragraph;
    }

    private static Run Run(string text, bool bold, string? style = null)
    {
        var run = new Run();
        if (bold || style is not null)
        {
            var properties = new RunProperties();
            if (style is not null)
            {
                properties.AppendChild(new RunStyle { Val = style });
            }

            if (bold)
            {
                properties.AppendChild(new Bold());
            }

            run.AppendChild(properties);
        }

        TemplateFiller.AppendText(run, text);
        return run;
    }

    private static string BookmarkNumber(string id) =>
        (BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0) % 1_000_000_000).ToString(CultureInfo.InvariantCulture);

    private IEnumerable<OpenXmlElement> Image(Block block)
    {
        if (block.ImageId is null || !images.TryGetValue(block.ImageId, out var image))
        {
            throw new InvalidOperationException($"The image '{block.ImageId}' was not loaded for the paper.");
        }

        string relationship = package.Image(image.Sha256, image.Content, image.File.ContentType);
        long width = Math.Min(TextWidthTwips * EmuPerTwip, image.File.Width * EmuPerPixel);
        long height = (long)Math.Round(width * (double)image.File.Height / image.File.Width);
        uint id = package.NextDrawingId();
        string alt = SafeText.Clean(block.AltText);
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"Diagram {id - 10_000}", Description = alt },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(
                        new PIC.NonVisualDrawingProperties { Id = id, Name = $"Diagram {id - 10_000}", Description = alt },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width, Cy = height }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0,
            DistanceFromBottom = 0,
            DistanceFromLeft = 0,
            DistanceFromRight = 0,
        });
        yield return new WordParagraph(
            new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }),
            new Run(drawing));
        if (!string.IsNullOrWhiteSpace(block.Caption))
        {
            var caption = new WordParagraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
            var run = new Run(new RunProperties(new Italic()));
            TemplateFiller.AppendText(run, block.Caption);
            caption.AppendChild(run);
            yield return caption;
        }
    }

    private static Table Table(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        int columns = rows[0].Count;
        int width = TextWidthTwips / columns;
        var lines = new List<TableRow>();
        for (int r = 0; r < rows.Count; r++)
        {
            var row = r == 0 ? new TableRow(new TableRowProperties(new TableHeader(), new CantSplit())) : new TableRow();
            foreach (string cell in rows[r])
            {
                row.AppendChild(DocumentBuilder.Cell(width, DocumentBuilder.TextLine(cell, r == 0 ? DocumentBuilder.TableHeadingStyle : DocumentBuilder.TableTextStyle)));
            }

            lines.Add(row);
        }

        return DocumentBuilder.Table(Enumerable.Repeat(width, columns).ToArray(), lines[0], [.. lines.Skip(1)]);
    }
}
