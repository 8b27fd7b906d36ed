using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Programme;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

/// <summary>
/// Reads blocks back from the body of a Word document, the inverse of <see cref="BlockWriter"/>, as Word and LibreOffice
/// save it again: lists are known by what their numbering prints (a bullet, a letter, a number), on the paragraph or
/// through its style, never by a style's id; sub-headings by a heading style's name; bold runs become <c>**bold**</c>,
/// links <c>[label](address)</c> (or the bare address when it shows itself), REF fields <c>{ref:id}</c>; split runs,
/// proofing marks, revision ids and bookmarks that name no block change nothing. What it cannot read as a block
/// (tracked changes, a picture without alt text) is a problem naming where, never guessed.
/// </summary>
/// <remarks>
/// The blocks come back in one canonical form: a lettered list right after a paragraph is that paragraph's items, empty
/// paragraphs are no blocks, and in a place that is not numbered a paragraph is a paragraph (the writer prints a text
/// block and a paragraph alike there). The upload of issue 24 is to read each region of a draft through it.
/// </remarks>
public sealed partial class BlockReader(MainDocumentPart main, BlockPlace place, Func<string, string?> blockIdOf)
{
    private readonly Dictionary<string, Style> styles = (main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        .Where(s => s.StyleId?.Value is not null)
        .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly List<string> problems = [];
    private readonly List<Block> blocks = [];

    /// <summary>What could not be read, in words naming the paragraph ("paragraph 3: …").</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>The pictures read, by the image id their blocks name: the bytes' sha256, so the same picture is one image.</summary>
    public Dictionary<string, (byte[] Content, string ContentType)> Images { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<Block> Read(IEnumerable<OpenXmlElement> elements)
    {
        var list = elements.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            switch (list[i])
            {
                case Table table:
                    var rows = table.Elements<TableRow>().Select(r => (IReadOnlyList<string>)[.. r.Elements<TableCell>().Select(CellText)]);
                    blocks.Add(new Block { Type = BlockTypes.Table, Rows = [.. rows] });
                    break;
                case WordParagraph paragraph when paragraph.Descendants<Drawing>().Any():
                    var image = Picture(paragraph, i);
                    if (image is not null)
                    {
                        // A centred, italic line under a picture is its caption, as the writer prints one.
                        if (i + 1 < list.Count && list[i + 1] is WordParagraph next && IsCaption(next))
                        {
                            image = image with { Caption = Inline(next, i + 1) };
                            i++;
                        }

                        blocks.Add(image);
                    }

                    break;
                case WordParagraph paragraph:
                    Paragraph(paragraph, i);
                    break;
            }
        }

        return blocks;
    }

    private void Paragraph(WordParagraph paragraph, int index)
    {
        string text = Inline(paragraph, index);
        if (text.Trim().Length == 0)
        {
            return;
        }

        string? id = paragraph.Elements<BookmarkStart>().Select(b => b.Name?.Value is { } name ? blockIdOf(name) : null).FirstOrDefault(b => b is not null);
        var last = blocks.Count > 0 ? blocks[^1] : null;
        switch (ListKind(paragraph))
        {
            case "bullet":
                if (last is { Type: BlockTypes.Bulleted })
                {
                    blocks[^1] = last with { Items = [.. last.Items ?? [], text] };
                }
                else
                {
                    blocks.Add(new Block { Type = BlockTypes.Bulleted, Items = [text] });
                }

                return;
            case "letter":
                if (last is { Type: BlockTypes.Paragraph or BlockTypes.Lettered })
                {
                    blocks[^1] = last with { Items = [.. last.Items ?? [], text] };
                }
                else
                {
                    blocks.Add(new Block { Type = BlockTypes.Lettered, Items = [text] });
                }

                return;
            case "number":
                blocks.Add(new Block { Type = BlockTypes.Paragraph, Text = text, Id = id });
                return;
        }

        if (HeadingLevel(paragraph) is not null)
        {
            blocks.Add(new Block { Type = BlockTypes.Subheading, Text = text, Id = id });
            return;
        }

        blocks.Add(new Block { Type = place.Numbered ? BlockTypes.Text : BlockTypes.Paragraph, Text = text, Id = id });
    }

    /// <summary>What the paragraph's numbering prints at its level: "bullet", "letter", "number", or null when it has none.</summary>
    private string? ListKind(WordParagraph paragraph)
    {
        var numbering = paragraph.ParagraphProperties?.NumberingProperties ?? StyleChain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value)
            .Select(s => s.StyleParagraphProperties?.NumberingProperties).FirstOrDefault(n => n is not null);
        if (numbering?.NumberingId?.Val?.Value is not int numId || numId == 0)
        {
            return null;
        }

        int level = numbering.NumberingLevelReference?.Val?.Value ?? 0;
        var definitions = main.NumberingDefinitionsPart?.Numbering;
        var instance = definitions?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
        var overridden = instance?.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level)?.Level;
        int? abstractId = instance?.AbstractNumId?.Val?.Value;
        var definition = overridden ?? definitions?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
            .Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
        return definition?.NumberingFormat?.Val?.InnerText switch
        {
            null or "none" => null,
            "bullet" => "bullet",
            "lowerLetter" or "upperLetter" => "letter",
            _ => "number",
        };
    }

    private int? HeadingLevel(WordParagraph paragraph) =>
        StyleChain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value)
            .Select(s => HeadingName().Match(s.StyleName?.Val?.Value ?? string.Empty))
            .Where(m => m.Success)
            .Select(m => (int?)int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();

    /// <summary>The paragraph style and those it is based on, nearest first (at most ten: a loop of styles ends there).</summary>
    private IEnumerable<Style> StyleChain(string? styleId)
    {
        for (int depth = 0; depth < 10 && styleId is not null && styles.TryGetValue(styleId, out var style); depth++)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    private bool IsCaption(WordParagraph paragraph) =>
        paragraph.ParagraphProperties?.Justification?.Val?.InnerText == "center" && !paragraph.Descendants<Drawing>().Any() &&
        paragraph.Descendants<Run>().Where(r => r.Descendants<Text>().Any()).All(r => r.RunProperties?.Italic is { } italic && italic.Val?.Value != false) &&
        paragraph.Descendants<Text>().Any();

    private Block? Picture(WordParagraph paragraph, int index)
    {
        var drawing = paragraph.Descendants<Drawing>().First();
        var properties = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().FirstOrDefault();
        string? alt = properties?.Description?.Value;
        if (string.IsNullOrWhiteSpace(alt))
        {
            problems.Add($"paragraph {index + 1}: a picture has no alt text; add it in Word (right-click, Edit Alt Text) so a screen reader can say what it shows.");
            return null;
        }

        var blip = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Blip>().FirstOrDefault();
        if (blip?.Link?.Value is not null || blip?.Embed?.Value is not { } embed || !main.TryGetPartById(embed, out var part) || part is not ImagePart image)
        {
            problems.Add($"paragraph {index + 1}: a picture is linked, not embedded; paste the picture itself.");
            return null;
        }

        using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        byte[] bytes = copy.ToArray();
        string id = "img-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32];
        Images[id] = (bytes, image.ContentType);
        return new Block { Type = BlockTypes.Image, ImageId = id, AltText = alt };
    }

    private string CellText(TableCell cell) => string.Join("\n", cell.Elements<WordParagraph>().Select(p => Inline(p, -1)));

    /// <summary>A paragraph's text in the inline markup, walking its runs, links and fields in order.</summary>
    private string Inline(WordParagraph paragraph, int index)
    {
        var pieces = new List<(string Text, bool Bold)>();
        var field = new FieldState();
        Walk(paragraph, pieces, field, index);
        var text = new StringBuilder();
        foreach (var (piece, bold) in Merge(pieces))
        {
            // Bold the markup can say (no asterisk or line break inside) is marked as it was written, spaces and all.
            if (bold && !piece.Contains('*', StringComparison.Ordinal) && !piece.Contains('\n', StringComparison.Ordinal))
            {
                text.Append("**").Append(piece).Append("**");
            }
            else
            {
                text.Append(piece);
            }
        }

        return text.ToString();
    }

    private static IEnumerable<(string Text, bool Bold)> Merge(List<(string Text, bool Bold)> pieces)
    {
        var merged = new List<(string Text, bool Bold)>();
        foreach (var piece in pieces.Where(p => p.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Bold == piece.Bold)
            {
                merged[^1] = (merged[^1].Text + piece.Text, piece.Bold);
            }
            else
            {
                merged.Add(piece);
            }
        }

        return merged;
    }

    /// <summary>Where a complex field (w:fldChar) is: its instruction being read, or its result being skipped or kept.</summary>
    private sealed class FieldState
    {
        public int Depth { get; set; }

        public StringBuilder Instruction { get; } = new();

        public bool InResult { get; set; }

        public bool SkipResult { get; set; }
    }

    private void Walk(OpenXmlElement element, List<(string Text, bool Bold)> pieces, FieldState field, int index)
    {
        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case InsertedRun or DeletedRun or MoveFromRun or MoveToRun or Inserted or Deleted:
                    problems.Add($"paragraph {index + 1}: it has tracked changes; accept or reject the tracked changes first.");
                    break;
                case Hyperlink link:
                    string label = LinkLabel(link);
                    string? target = link.Id?.Value is { } rel ? main.HyperlinkRelationships.FirstOrDefault(h => h.Id == rel)?.Uri.OriginalString : null;
                    pieces.Add((Link(label, target), false));
                    break;
                case SimpleField simple:
                    if (Reference(simple.Instruction?.Value) is { } reference)
                    {
                        pieces.Add((reference, false));
                    }
                    else
                    {
                        Walk(simple, pieces, field, index);
                    }

                    break;
                case Run run:
                    Run(run, pieces, field);
                    break;
                case SdtRun or CustomXmlRun:
                    Walk(child is SdtRun sdt ? sdt.SdtContentRun ?? child : child, pieces, field, index);
                    break;
            }
        }
    }

    private void Run(Run run, List<(string Text, bool Bold)> pieces, FieldState field)
    {
        bool bold = run.RunProperties?.Bold is { } b && b.Val?.Value != false;
        foreach (var part in run.ChildElements)
        {
            switch (part)
            {
                case FieldChar { FieldCharType.Value: var type }:
                    if (type == FieldCharValues.Begin)
                    {
                        field.Depth++;
                        field.Instruction.Clear();
                        field.InResult = false;
                    }
                    else if (type == FieldCharValues.Separate)
                    {
                        string? reference = Reference(field.Instruction.ToString());
                        if (reference is not null)
                        {
                            pieces.Add((reference, false));
                        }

                        field.SkipResult = reference is not null;
                        field.InResult = true;
                    }
                    else if (field.Depth > 0)
                    {
                        field.Depth--;
                        field.InResult = field.SkipResult = false;
                    }

                    break;
                case FieldCode code when field.Depth > 0 && !field.InResult:
                    field.Instruction.Append(code.Text);
                    break;
                case Text text when !(field.Depth > 0 && (!field.InResult || field.SkipResult)):
                    pieces.Add((text.Text, bold));
                    break;
                case TabChar when field.Depth == 0:
                    pieces.Add(("\t", bold));
                    break;
                case Break when field.Depth == 0:
                    pieces.Add(("\n", bold));
                    break;
                case NoBreakHyphen when field.Depth == 0:
                    pieces.Add(("-", bold));
                    break;
            }
        }
    }

    /// <summary>A REF field's block, as <c>{ref:id}</c>, when its bookmark names one; null for any other field.</summary>
    private string? Reference(string? instruction)
    {
        var match = ReferenceField().Match(instruction ?? string.Empty);
        return match.Success && blockIdOf(match.Groups[1].Value) is { } id ? $"{{ref:{id}}}" : null;
    }

    private static string LinkLabel(Hyperlink link) =>
        string.Concat(link.Descendants<Run>().SelectMany(r => r.ChildElements).Select(e => e switch
        {
            Text t => t.Text,
            TabChar => "\t",
            _ => string.Empty,
        }));

    /// <summary>A link as the markup writes it: the bare address when the label is the address, else <c>[label](address)</c>.</summary>
    private static string Link(string label, string? target)
    {
        if (target is null || !Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "mailto"))
        {
            return label;
        }

        // A label that is the address (as typed: the address may have gained a slash) or the mail address shows itself.
        string address = uri.AbsoluteUri;
        bool showsItself = (Uri.TryCreate(label, UriKind.Absolute, out var shown) && shown.AbsoluteUri == address) ||
            (uri.Scheme == "mailto" && string.Equals("mailto:" + label, address, StringComparison.OrdinalIgnoreCase));
        return showsItself ? label : $"[{label}]({address})";
    }

    [GeneratedRegex(@"^\s*REF\s+(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceField();

    [GeneratedRegex(@"^heading (\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();
}
