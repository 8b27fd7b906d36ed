using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports;

/// <summary>
/// A template taken apart once per template version: the XML of its document, header and footer parts as literal text
/// with a hole where each outermost content control was, and every other part's bytes. Rendering a paper writes the
/// literal text and fills the holes straight into the new package's zip entries; no document model is built per paper.
/// </summary>
/// <remarks>
/// What goes around a value is learnt by running <see cref="TemplateFiller"/>'s operations once on a copy of each
/// control with a marker where the value goes, and serialising the result with the OpenXml SDK: so a paper keeps the
/// template's formatting exactly as the SDK writes it, and the rules (the first run's formatting for text, the first
/// and second paragraphs as models for paragraph lists, rows repeated per item) live in one place.
/// </remarks>
public sealed class CompiledTemplate
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly IReadOnlyList<Entry> entries;
    private readonly int templateLength;

    private CompiledTemplate(IReadOnlyList<Entry> entries, int templateLength, long approximateBytes)
    {
        this.entries = entries;
        this.templateLength = templateLength;
        ApproximateBytes = approximateBytes;
    }

    /// <summary>
    /// About how much memory this compiled form holds: the copied parts' bytes, and the filled parts' XML as .NET
    /// strings (two bytes a character). What the template cache counts against its limit.
    /// </summary>
    public long ApproximateBytes { get; }

    /// <summary>Takes a template apart. Throws what the SDK throws for a package it cannot open.</summary>
    public static CompiledTemplate Compile(byte[] template)
    {
        var compiler = new Compiler();
        var filled = new Dictionary<string, Block>(StringComparer.Ordinal);
        using (var document = WordprocessingDocument.Open(new MemoryStream(template, writable: false), isEditable: false))
        {
            var main = document.MainDocumentPart ?? throw new InvalidOperationException("The template has no main document part.");
            foreach (var part in TemplateFiller.FilledParts(main))
            {
                var root = part.RootElement ?? throw new InvalidOperationException($"The part {part.Uri} has no content.");
                filled[part.Uri.OriginalString.TrimStart('/')] = compiler.Compile([root], Scope.Empty);
            }
        }

        var entries = new List<Entry>();
        long approximateBytes = 0;
        using (var archive = new ZipArchive(new MemoryStream(template, writable: false), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                if (filled.TryGetValue(entry.FullName, out var block))
                {
                    entries.Add(new Entry(entry.FullName, block, null));
                    approximateBytes += 2 * entry.Length;
                    continue;
                }

                using var from = entry.Open();
                using var bytes = new MemoryStream();
                from.CopyTo(bytes);
                entries.Add(new Entry(entry.FullName, null, bytes.ToArray()));
                approximateBytes += bytes.Length;
            }
        }

        return new CompiledTemplate(entries, template.Length, approximateBytes);
    }

    /// <summary>
    /// A paper: the template with every content control filled from <paramref name="fields"/> and removed (controls
    /// nobody supplied a value for are removed too). The same fields always give the same bytes.
    /// </summary>
    public byte[] Render(FieldSet fields)
    {
        using var output = new MemoryStream(templateLength * 2);
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var to = DocxPackage.OpenNewEntry(archive, entry.Name);
                if (entry.Content is { } block)
                {
                    using var writer = new PartWriter(new StreamWriter(to, Utf8, bufferSize: 4096, leaveOpen: true));
                    writer.Text.Write(Declaration);
                    block.Write(writer, fields);
                }
                else
                {
                    to.Write(entry.Bytes);
                }
            }
        }

        return output.ToArray();
    }

    private sealed record Entry(string Name, Block? Content, byte[]? Bytes);

    /// <summary>
    /// Where a part is written: text, and for elements made in code (<see cref="ElementsField"/>) one XmlWriter per
    /// part over the same text, flushed after each use so the two stay in order. Such elements declare the prefixes
    /// they use themselves.
    /// </summary>
    private sealed class PartWriter(TextWriter text) : IDisposable
    {
        private static readonly XmlWriterSettings Fragment = new() { ConformanceLevel = ConformanceLevel.Fragment, OmitXmlDeclaration = true, CloseOutput = false };
        private XmlWriter? xml;

        public TextWriter Text => text;

        public void WriteElements(IEnumerable<OpenXmlElement> elements)
        {
            xml ??= XmlWriter.Create(text, Fragment);
            foreach (var element in elements)
            {
                element.WriteTo(xml);
            }

            xml.Flush();
        }

        public void Dispose()
        {
            xml?.Dispose();
            text.Dispose();
        }
    }

    private abstract class Node
    {
        public abstract void Write(PartWriter writer, FieldSet fields);
    }

    private sealed class Block(IReadOnlyList<Node> nodes)
    {
        public void Write(PartWriter writer, FieldSet fields)
        {
            foreach (var node in nodes)
            {
                node.Write(writer, fields);
            }
        }
    }

    private sealed class Literal(string xml) : Node
    {
        public override void Write(PartWriter writer, FieldSet fields) => writer.Text.Write(xml);
    }

    /// <summary>The XML either side of where a value's runs go.</summary>
    private sealed record Shape(string Before, string After);

    /// <summary>How text is written inside a run, with the prefixes in scope where the control was.</summary>
    private sealed record RunMarkup(string TextOpen, string TextClose, string Break, string Tab)
    {
        private static readonly SearchValues<char> Breaks = SearchValues.Create("\r\n\t");
        private static readonly SearchValues<char> Escaped = SearchValues.Create("<>&");

        /// <summary>What <see cref="TemplateFiller.AppendText"/> puts in a run, written as text: w:br per line break, w:tab per tab.</summary>
        public void Write(TextWriter writer, string? text)
        {
            var rest = SafeText.Clean(text).AsSpan();
            while (true)
            {
                int stop = rest.IndexOfAny(Breaks);
                var piece = stop < 0 ? rest : rest[..stop];
                if (piece.Length > 0)
                {
                    writer.Write(TextOpen);
                    Escape(writer, piece);
                    writer.Write(TextClose);
                }

                if (stop < 0)
                {
                    return;
                }

                char c = rest[stop];
                writer.Write(c == '\t' ? Tab : Break);
                rest = rest[(c == '\r' && stop + 1 < rest.Length && rest[stop + 1] == '\n' ? stop + 2 : stop + 1)..];
            }
        }

        private static void Escape(TextWriter writer, ReadOnlySpan<char> text)
        {
            while (true)
            {
                int at = text.IndexOfAny(Escaped);
                if (at < 0)
                {
                    writer.Write(text);
                    return;
                }

                writer.Write(text[..at]);
                writer.Write(text[at] switch { '<' => "&lt;", '>' => "&gt;", _ => "&amp;" });
                text = text[(at + 1)..];
            }
        }
    }

    /// <summary>Where a content control was. What is written depends on the kind of value the fields hold for its tag.</summary>
    private sealed class Hole : Node
    {
        public required string Tag { get; init; }

        /// <summary>False for a control with no content element: it is removed whatever its value.</summary>
        public bool HasContent { get; init; }

        /// <summary>True when the control holds paragraphs and tables (not runs, rows or cells).</summary>
        public bool IsBlock { get; init; }

        public Shape? Text { get; init; }

        public Shape? Paragraph { get; init; }

        public Shape? Item { get; init; }

        public Block? Repeat { get; init; }

        public RunMarkup? Markup { get; init; }

        public override void Write(PartWriter writer, FieldSet fields)
        {
            if (!HasContent)
            {
                return;
            }

            switch (fields[Tag])
            {
                case TextField text:
                    WriteShaped(writer, Text!, text.Text);
                    break;
                case ParagraphsField paragraphs when !IsBlock:
                    // Placed inline by whoever restyled the template: the paragraphs become lines of that run.
                    WriteShaped(writer, Text!, string.Join("\n", paragraphs.Paragraphs.SelectMany(p => new[] { p.Text ?? string.Empty }.Concat(p.Items ?? []))));
                    break;
                case ParagraphsField paragraphs:
                    foreach (var paragraph in paragraphs.Paragraphs)
                    {
                        WriteShaped(writer, Paragraph!, paragraph.Text);
                        foreach (string item in paragraph.Items ?? [])
                        {
                            WriteShaped(writer, Item!, item);
                        }
                    }

                    if (paragraphs.Paragraphs.Count == 0 && paragraphs.WhenEmpty is not null)
                    {
                        WriteShaped(writer, Paragraph!, paragraphs.WhenEmpty);
                    }

                    break;
                case RepeatField repeat:
                    foreach (var item in repeat.Items)
                    {
                        Repeat!.Write(writer, item);
                    }

                    break;
                case ElementsField elements when IsBlock:
                    writer.WriteElements(elements.Elements);
                    break;
                default:
                    break;
            }
        }

        private void WriteShaped(PartWriter writer, Shape shape, string? text)
        {
            writer.Text.Write(shape.Before);
            Markup!.Write(writer.Text, text);
            writer.Text.Write(shape.After);
        }
    }

    /// <summary>The namespace declarations in force at a point of a part, so a fragment serialised alone needs none of its own.</summary>
    private sealed class Scope(IReadOnlyDictionary<string, string> declarations)
    {
        public static readonly Scope Empty = new(new Dictionary<string, string>(StringComparer.Ordinal));

        public IReadOnlyDictionary<string, string> Declarations => declarations;

        /// <summary>This scope with the declarations of <paramref name="outermostFirst"/> added, inner ones winning.</summary>
        public Scope With(IEnumerable<OpenXmlElement> outermostFirst)
        {
            var merged = new Dictionary<string, string>(declarations, StringComparer.Ordinal);
            foreach (var element in outermostFirst)
            {
                foreach (var (prefix, uri) in element.NamespaceDeclarations)
                {
                    merged[prefix] = uri;
                }
            }

            return new Scope(merged);
        }
    }

    private sealed class Compiler
    {
        private const string WrapperNamespace = "urn:factfunctions:compiled-template-scope";

        /// <summary>Marks that cannot occur in a template: a fresh random name per compilation.</summary>
        private readonly string nonce = "factfunctions-" + Guid.NewGuid().ToString("N");

        /// <summary>Sibling elements as literal XML and holes. The elements are copied, never changed.</summary>
        public Block Compile(IEnumerable<OpenXmlElement> elements, Scope scope)
        {
            var holes = new List<Hole>();
            var copies = new List<OpenXmlElement>();
            foreach (var element in elements)
            {
                if (element is SdtElement control)
                {
                    copies.Add(Marker(holes.Count));
                    holes.Add(Hole(control, scope));
                    continue;
                }

                var copy = element.CloneNode(true);
                var controls = new List<SdtElement>();
                TemplateFiller.FindOutermost(copy, controls);
                foreach (var inner in controls)
                {
                    holes.Add(Hole(inner, scope.With(inner.Ancestors().Reverse())));
                    inner.Parent!.ReplaceChild(Marker(holes.Count - 1), inner);
                }

                copies.Add(copy);
            }

            string xml = Serialize(copies, scope);
            string open = "<!--" + nonce + ":";
            var nodes = new List<Node>();
            int at = 0;
            while (xml.IndexOf(open, at, StringComparison.Ordinal) is var start and >= 0)
            {
                if (start > at)
                {
                    nodes.Add(new Literal(xml[at..start]));
                }

                int end = xml.IndexOf("-->", start, StringComparison.Ordinal);
                nodes.Add(holes[int.Parse(xml.AsSpan(start + open.Length, end - start - open.Length), System.Globalization.CultureInfo.InvariantCulture)]);
                at = end + 3;
            }

            if (at < xml.Length)
            {
                nodes.Add(new Literal(xml[at..]));
            }

            return new Block(nodes);
        }

        private Hole Hole(SdtElement control, Scope scope)
        {
            string tag = TemplateFiller.TagOf(control) ?? string.Empty;
            if (TemplateFiller.Content(control) is not { } content)
            {
                return new Hole { Tag = tag };
            }

            var inside = scope.With([control, content]);
            bool block = content is SdtContentBlock;

            // Text: the control's content with its first run emptied (other runs go), the value in that run.
            var text = (OpenXmlCompositeElement)content.CloneNode(true);
            TemplateFiller.SetText(text, string.Empty);
            text.Descendants<Run>().First().AppendChild(Marker(0));

            Shape? paragraph = null, item = null;
            if (block)
            {
                var models = content.Elements<WordParagraph>().Take(2).ToList();
                var model = models.FirstOrDefault() ?? new WordParagraph();
                paragraph = ParagraphShape(model, inside);
                item = models.Count > 1 ? ParagraphShape(models[1], inside) : paragraph;
            }

            return new Hole
            {
                Tag = tag,
                HasContent = true,
                IsBlock = block,
                Text = Split(Serialize(text.ChildElements, inside)),
                Paragraph = paragraph,
                Item = item,
                Repeat = Compile(content.ChildElements, inside),
                Markup = Markup(inside),
            };
        }

        private Shape ParagraphShape(WordParagraph model, Scope scope)
        {
            var paragraph = TemplateFiller.ParagraphLike(model, string.Empty);
            paragraph.Descendants<Run>().First().AppendChild(Marker(0));
            return Split(Serialize([paragraph], scope));
        }

        private RunMarkup Markup(Scope scope)
        {
            var text = Split(Serialize([new Text(nonce) { Space = SpaceProcessingModeValues.Preserve }], scope), nonce);
            return new RunMarkup(text.Before, text.After, Serialize([new Break()], scope), Serialize([new TabChar()], scope));
        }

        private OpenXmlMiscNode Marker(int hole) => new(XmlNodeType.Comment, $"<!--{nonce}:{hole}-->");

        private Shape Split(string xml) => Split(xml, $"<!--{nonce}:0-->");

        private static Shape Split(string xml, string marker)
        {
            int at = xml.IndexOf(marker, StringComparison.Ordinal);
            return new Shape(xml[..at], xml[(at + marker.Length)..]);
        }

        /// <summary>
        /// Elements as the SDK writes them, inside a wrapper that declares <paramref name="scope"/>'s namespaces, so the
        /// text has only the declarations the elements make themselves, as it would in place.
        /// </summary>
        private string Serialize(IEnumerable<OpenXmlElement> elements, Scope scope)
        {
            var text = new StringBuilder();
            using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, ConformanceLevel = ConformanceLevel.Fragment }))
            {
                writer.WriteStartElement(nonce, "scope", WrapperNamespace);
                foreach (var (prefix, uri) in scope.Declarations.Where(d => d.Key != nonce))
                {
                    if (prefix.Length == 0)
                    {
                        writer.WriteAttributeString("xmlns", uri);
                    }
                    else
                    {
                        writer.WriteAttributeString("xmlns", prefix, null, uri);
                    }
                }

                writer.WriteComment(nonce + "-start");
                foreach (var element in elements)
                {
                    element.WriteTo(writer);
                }

                writer.WriteComment(nonce + "-end");
                writer.WriteEndElement();
            }

            string xml = text.ToString();
            string start = $"<!--{nonce}-start-->", end = $"<!--{nonce}-end-->";
            int from = xml.IndexOf(start, StringComparison.Ordinal) + start.Length;
            return xml[from..xml.IndexOf(end, from, StringComparison.Ordinal)];
        }
    }
}
