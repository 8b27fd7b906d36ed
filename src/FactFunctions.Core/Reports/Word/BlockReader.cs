using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
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
/// proofing marks, revision ids, content controls and bookmarks that name no block change nothing. What it cannot read
/// as a block (tracked changes, a picture without alt text or beside text, an equation, a table with no cells) is a
/// problem naming where, never guessed; attribute values Word would not write are read as absent, never thrown on.
/// </summary>
/// <remarks>
/// The blocks come back in one canonical form: a lettered list right after a paragraph is that paragraph's items, empty
/// paragraphs are no blocks, ragged table rows are padded with empty cells, and in a place that is not numbered a
/// paragraph is a paragraph (the writer prints a text block and a paragraph alike there). The upload of issue 24 is to
/// read each region of a draft through it; nothing calls it yet.
/// </remarks>
public sealed partial class BlockReader(MainDocumentPart main, BlockPlace place, Func<string, string?> blockIdOf)
{
    /// <summary>How deep content controls, fields and other containers may nest before the reader stops and says so.</summary>
    public const int MaxDepth = 32;

    /// <summary>The largest picture read (a pasted screenshot is a few MiB).</summary>
    public const long MaxImageBytes = 16L * 1024 * 1024;

    private static readonly HashSet<string> Revisions = new(StringComparer.Ordinal)
    {
        "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange", "tblGridChange",
        "numberingChange", "cellIns", "cellDel", "cellMerge", "customXmlInsRangeStart", "customXmlDelRangeStart",
    };

    /// <summary>Inline elements whose content is read as if it stood in the paragraph.</summary>
    private static readonly HashSet<string> InlineContainers = new(StringComparer.Ordinal) { "smartTag", "customXml", "sdt", "sdtContent", "dir", "bdo" };

    /// <summary>Inline content no block can hold.</summary>
    private static readonly HashSet<string> Unreadable = new(StringComparer.Ordinal) { "oMath", "oMathPara", "pict", "object", "drawing" };

    private readonly List<string> problems = [];
    private readonly Dictionary<Uri, string> readParts = [];
    private readonly List<Block> blocks = [];
    private Dictionary<string, Style>? styles;

    /// <summary>What could not be read, in words naming the paragraph ("paragraph 3: …").</summary>
    public IReadOnlyList<string> Problems => problems;

    /// <summary>The pictures read, by the image id their blocks name: the bytes' sha256, so the same picture is one image.</summary>
    public Dictionary<string, (byte[] Content, string ContentType)> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether the element is, or holds, a tracked change (an insertion, deletion, move or formatting change).</summary>
    public static bool HasRevisions(OpenXmlElement element) =>
        Revisions.Contains(element.LocalName) || element.Descendants().Any(d => Revisions.Contains(d.LocalName));

    public IReadOnlyList<Block> Read(IEnumerable<OpenXmlElement> elements)
    {
        try
        {
            styles = (main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
                .Where(s => s.StyleId?.Value is not null)
                .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var list = Flatten(elements, 0).ToList();
            for (int i = 0; i < list.Count; i++)
            {
                if (HasRevisions(list[i]))
                {
                    problems.Add($"paragraph {i + 1}: it has tracked changes; accept or reject the tracked changes first.");
                    continue;
                }

                switch (list[i])
                {
                    case Table table:
                        ReadTable(table, i);
                        break;
                    case WordParagraph paragraph when paragraph.Descendants().Any(d => d.LocalName is "drawing" or "pict" or "object"):
                        if (Picture(paragraph, i) is { } image)
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
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or OpenXmlPackageException)
        {
            problems.Add("the document's styles, numbering or pictures cannot be read; save it again from Word or LibreOffice.");
        }

        return blocks;
    }

    /// <summary>The body's paragraphs and tables, with block-level content controls and custom XML opened up.</summary>
    private IEnumerable<OpenXmlElement> Flatten(IEnumerable<OpenXmlElement> elements, int depth)
    {
        foreach (var element in elements)
        {
            if (element is WordParagraph or Table)
            {
                yield return element;
            }
            else if (element.LocalName is "sdt" or "sdtContent" or "customXml")
            {
                if (depth >= MaxDepth)
                {
                    problems.Add($"content controls nest more than {MaxDepth} deep; the content inside was not read.");
                    continue;
                }

                foreach (var inner in Flatten(element.ChildElements, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    private void ReadTable(Table table, int index)
    {
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => CellText(c, index)).ToList()).Where(r => r.Count > 0).ToList();
        if (rows.Count == 0)
        {
            problems.Add($"paragraph {index + 1}: a table has no cells; delete it or write in it.");
            return;
        }

        if (table.Descendants<Table>().Any())
        {
            problems.Add($"paragraph {index + 1}: a table holds another table; a table's cells hold text only.");
            return;
        }

        int columns = rows.Max(r => r.Count);
        blocks.Add(new Block { Type = BlockTypes.Table, Rows = [.. rows.Select(r => (IReadOnlyList<string>)[.. r, .. Enumerable.Repeat(string.Empty, columns - r.Count)])] });
    }

    private void Paragraph(WordParagraph paragraph, int index)
    {
        string text = Inline(paragraph, index);
        if (text.Trim().Length == 0)
        {
            return;
        }

        string? id = paragraph.Descendants<BookmarkStart>().Select(b => b.Name?.Value is { } name ? blockIdOf(name) : null).FirstOrDefault(b => b is not null);
        var last = blocks.Count > 0 ? blocks[^1] : null;
        if (HeadingLevel(paragraph) is not null)
        {
            blocks.Add(new Block { Type = BlockTypes.Subheading, Text = text, Id = id });
            return;
        }

        string? kind = ListKind(paragraph);
        if (kind is "bullet" or "letter" && id is not null)
        {
            problems.Add($"paragraph {index + 1}: a list item is the target of a cross-reference; refer to the paragraph before the list.");
        }

        switch (kind)
        {
            case "bullet" when last is { Type: BlockTypes.Bulleted }:
            case "letter" when last is { Type: BlockTypes.Paragraph or BlockTypes.Lettered }:
                blocks[^1] = last with { Items = [.. last.Items ?? [], text] };
                return;
            case "bullet":
                blocks.Add(new Block { Type = BlockTypes.Bulleted, Items = [text] });
                return;
            case "letter":
                blocks.Add(new Block { Type = BlockTypes.Lettered, Items = [text] });
                return;
            case "number":
                blocks.Add(new Block { Type = BlockTypes.Paragraph, Text = text, Id = id });
                return;
        }

        blocks.Add(new Block { Type = place.Numbered ? BlockTypes.Text : BlockTypes.Paragraph, Text = text, Id = id });
    }

    /// <summary>What the paragraph's numbering prints at its level: "bullet", "letter", "number", or null when it has none.</summary>
    private string? ListKind(WordParagraph paragraph)
    {
        // The number and the level may each come from the paragraph or from its style chain, nearest first.
        var chain = new[] { paragraph.ParagraphProperties?.NumberingProperties }
            .Concat(StyleChain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.InnerText).Select(s => s.StyleParagraphProperties?.NumberingProperties))
            .Where(n => n is not null)
            .ToList();
        int? numId = chain.Select(n => Whole(n!.NumberingId?.Val?.InnerText)).FirstOrDefault(v => v is not null);
        int level = chain.Select(n => Whole(n!.NumberingLevelReference?.Val?.InnerText)).FirstOrDefault(v => v is not null) ?? 0;
        if (numId is not { } id || id == 0)
        {
            return null;
        }

        var definitions = main.NumberingDefinitionsPart?.Numbering;
        var instance = definitions?.Elements<NumberingInstance>().FirstOrDefault(n => Whole(n.NumberID?.InnerText) == id);
        var overridden = instance?.Elements<LevelOverride>().FirstOrDefault(o => Whole(o.LevelIndex?.InnerText) == level)?.Level;
        var definition = overridden ?? Abstract(definitions, Whole(instance?.AbstractNumId?.Val?.InnerText), 0)?
            .Elements<Level>().FirstOrDefault(l => Whole(l.LevelIndex?.InnerText) == level);
        return definition?.NumberingFormat?.Val?.InnerText switch
        {
            null or "none" => null,
            "bullet" => "bullet",
            "lowerLetter" or "upperLetter" => "letter",
            _ => "number",
        };
    }

    /// <summary>An abstract numbering, following a numbering style's link to the one that defines the levels (a few links at most).</summary>
    private static AbstractNum? Abstract(Numbering? definitions, int? abstractId, int depth)
    {
        var found = definitions?.Elements<AbstractNum>().FirstOrDefault(a => Whole(a.AbstractNumberId?.InnerText) == abstractId);
        if (found is null || found.Elements<Level>().Any() || depth > 4 || found.NumberingStyleLink?.Val?.InnerText is not { } link)
        {
            return found;
        }

        var linked = definitions!.Elements<AbstractNum>().FirstOrDefault(a => a.StyleLink?.Val?.InnerText == link);
        return linked is null ? found : Abstract(definitions, Whole(linked.AbstractNumberId?.InnerText), depth + 1);
    }

    private static int? Whole(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : null;

    private int? HeadingLevel(WordParagraph paragraph) =>
        StyleChain(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.InnerText)
            .Select(s => HeadingName().Match(s.StyleName?.Val?.InnerText ?? string.Empty))
            .Where(m => m.Success)
            .Select(m => Whole(m.Groups[1].Value))
            .FirstOrDefault();

    /// <summary>The style and those it is based on, nearest first (at most ten: a loop of styles ends there).</summary>
    private IEnumerable<Style> StyleChain(string? styleId)
    {
        for (int depth = 0; depth < 10 && styleId is not null && styles!.TryGetValue(styleId, out var style); depth++)
        {
            yield return style;
            styleId = style.BasedOn?.Val?.InnerText;
        }
    }

    /// <summary>Whether an on/off property is on: present, and not written "false", "0" or "off".</summary>
    private static bool On(OpenXmlElement? property) =>
        property is not null && property.GetAttributes().FirstOrDefault(a => a.LocalName == "val").Value is not ("false" or "0" or "off");

    /// <summary>Bold on the run, or, when the run says nothing, from its character style (Strong).</summary>
    private bool Bold(Run run) =>
        run.RunProperties?.Bold is { } direct
            ? On(direct)
            : StyleChain(run.RunProperties?.RunStyle?.Val?.InnerText).Select(s => s.StyleRunProperties?.Bold).FirstOrDefault(b => b is not null) is { } styled && On(styled);

    private bool IsCaption(WordParagraph paragraph) =>
        paragraph.ParagraphProperties?.Justification?.Val?.InnerText == "center" && !paragraph.Descendants().Any(d => Unreadable.Contains(d.LocalName)) &&
        paragraph.Descendants<Run>().Where(r => r.Descendants<Text>().Any()).All(r => On(r.RunProperties?.Italic)) &&
        paragraph.Descendants<Text>().Any();

    private Block? Picture(WordParagraph paragraph, int index)
    {
        var drawings = paragraph.Descendants<Drawing>().ToList();
        if (drawings.Count != 1 || paragraph.Descendants().Any(d => d.LocalName is "pict" or "object") || paragraph.Descendants<Text>().Any(t => t.Text.Trim().Length > 0))
        {
            problems.Add($"paragraph {index + 1}: a picture shares its paragraph with text or another picture; give each picture a paragraph of its own.");
            return null;
        }

        var drawing = drawings[0];
        string? alt = drawing.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().FirstOrDefault()?.Description?.Value;
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

        // A picture shown many times is read once: each showing is a few hundred bytes of XML, its bytes megabytes.
        if (readParts.TryGetValue(image.Uri, out string? known))
        {
            return new Block { Type = BlockTypes.Image, ImageId = known, AltText = alt };
        }

        using var stream = image.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        for (int read; (read = stream.Read(buffer, 0, buffer.Length)) > 0;)
        {
            if (copy.Length + read > MaxImageBytes)
            {
                problems.Add($"paragraph {index + 1}: a picture is larger than {MaxImageBytes / (1024 * 1024)} MiB; paste a smaller one.");
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        byte[] bytes = copy.ToArray();
        string id = "img-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32];
        Images[id] = (bytes, image.ContentType);
        readParts[image.Uri] = id;
        return new Block { Type = BlockTypes.Image, ImageId = id, AltText = alt };
    }

    private string CellText(TableCell cell, int index) => string.Join("\n", cell.Descendants<WordParagraph>().Select(p => Inline(p, index)));

    /// <summary>A paragraph's text in the inline markup, walking its runs, links and fields in order.</summary>
    private string Inline(WordParagraph paragraph, int index)
    {
        var pieces = new List<(string Text, bool Bold)>();
        var fields = new Stack<Field>();
        Walk(paragraph, pieces, fields, index, 0);
        while (fields.Count > 0)
        {
            // A field never closed: a REF is still a reference.
            End(fields, pieces);
        }

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

    private static List<(string Text, bool Bold)> Merge(List<(string Text, bool Bold)> pieces)
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

    /// <summary>A complex field (w:fldChar) being read: its instruction, then its result (kept, or skipped for a reference).</summary>
    private sealed class Field
    {
        public StringBuilder Instruction { get; } = new();

        public bool InResult { get; set; }

        public string? Reference { get; set; }
    }

    /// <summary>Whether what is read now is shown text: outside every field's instruction and every reference's result.</summary>
    private static bool Shown(Stack<Field> fields) => fields.All(f => f.InResult && f.Reference is null);

    private void Walk(OpenXmlElement element, List<(string Text, bool Bold)> pieces, Stack<Field> fields, int index, int depth)
    {
        if (depth >= MaxDepth)
        {
            problems.Add($"paragraph {index + 1}: its content nests more than {MaxDepth} deep; it was not read.");
            return;
        }

        foreach (var child in element.ChildElements)
        {
            switch (child)
            {
                case Hyperlink link when Shown(fields):
                    pieces.Add((Link(LinkLabel(link), link.Id?.Value is { } rel ? main.HyperlinkRelationships.FirstOrDefault(h => h.Id == rel)?.Uri : null), false));
                    break;
                case SimpleField simple when Shown(fields):
                    if (Reference(simple.Instruction?.Value) is { } reference)
                    {
                        pieces.Add((reference, false));
                    }
                    else
                    {
                        Walk(simple, pieces, fields, index, depth + 1);
                    }

                    break;
                case Run run:
                    Run(run, pieces, fields);
                    break;
                case var other when InlineContainers.Contains(other.LocalName):
                    Walk(other, pieces, fields, index, depth + 1);
                    break;
                case var other when Unreadable.Contains(other.LocalName):
                    problems.Add($"paragraph {index + 1}: it holds an equation, an embedded object or a picture among its words; give a picture a paragraph of its own.");
                    break;
            }
        }
    }

    private void Run(Run run, List<(string Text, bool Bold)> pieces, Stack<Field> fields)
    {
        bool bold = Bold(run);
        foreach (var part in run.ChildElements)
        {
            switch (part)
            {
                case FieldChar fieldChar:
                    switch (fieldChar.FieldCharType?.InnerText)
                    {
                        case "begin":
                            fields.Push(new Field());
                            break;
                        case "separate" when fields.TryPeek(out var field) && !field.InResult:
                            field.InResult = true;
                            field.Reference = Reference(field.Instruction.ToString());
                            break;
                        case "end" when fields.Count > 0:
                            End(fields, pieces);
                            break;
                    }

                    break;
                case FieldCode code when fields.TryPeek(out var open) && !open.InResult:
                    open.Instruction.Append(code.Text);
                    break;
                case var shown when !Shown(fields):
                    break;
                case Text text:
                    pieces.Add((text.Text, bold));
                    break;
                case TabChar or PositionalTab:
                    pieces.Add(("\t", bold));
                    break;
                case Break or CarriageReturn:
                    pieces.Add(("\n", bold));
                    break;
                case NoBreakHyphen:
                    pieces.Add(("-", bold));
                    break;
                case SymbolChar symbol when Symbol(symbol.Char?.InnerText) is { } character:
                    pieces.Add((character, bold));
                    break;
            }
        }
    }

    /// <summary>A symbol (w:sym) as the character it names, when that is an ordinary one (symbol fonts use private code points: none).</summary>
    private static string? Symbol(string? hex) =>
        int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code) && code is >= 0x20 and < 0xD800 ? ((char)code).ToString() : null;

    /// <summary>Closes the innermost field: a reference with no result is still a reference; a field inside a reference's result is dropped with it.</summary>
    private void End(Stack<Field> fields, List<(string Text, bool Bold)> pieces)
    {
        var field = fields.Pop();
        string? reference = field.InResult ? field.Reference : Reference(field.Instruction.ToString());
        if (reference is not null && Shown(fields))
        {
            pieces.Add((reference, false));
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

    /// <summary>
    /// A link as the markup writes it: the bare address when the label is the address (or the mail address), else
    /// <c>[label](address)</c>; a label the markup cannot hold (blank, or with a bracket or line break) gives the bare address.
    /// </summary>
    private static string Link(string label, Uri? target)
    {
        if (target is null || !target.IsAbsoluteUri || target.Scheme is not ("http" or "https" or "mailto"))
        {
            return label;
        }

        string address = target.AbsoluteUri.Replace(")", "%29", StringComparison.Ordinal);
        bool showsItself = (Uri.TryCreate(label, UriKind.Absolute, out var shown) && shown.AbsoluteUri == target.AbsoluteUri) ||
            (target.Scheme == "mailto" && string.Equals("mailto:" + label, target.AbsoluteUri, StringComparison.OrdinalIgnoreCase));
        if (showsItself)
        {
            return label;
        }

        return label.Trim().Length == 0 || label.IndexOfAny(['[', ']', '\n', '\r']) >= 0 ? address : $"[{label}]({address})";
    }

    [GeneratedRegex(@"^\s*REF\s+(\S+)", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceField();

    [GeneratedRegex(@"^heading (\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();
}
