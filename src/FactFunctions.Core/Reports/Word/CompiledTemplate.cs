using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Validation;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

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
public sealed partial class CompiledTemplate
{
    private const string Declaration = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private const string ContentTypesName = "[Content_Types].xml";
    private const string PackageRelsName = "_rels/.rels";
    private const string CorePartName = "docProps/core.xml";
    private const string CoreType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";
    private const string CoreContentType = "application/vnd.openxmlformats-package.core-properties+xml";
    private static readonly XNamespace ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static readonly XNamespace RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly IReadOnlyList<Entry> entries;
    private readonly int templateLength;
    private readonly string? corePart;
    private readonly string mainPart;
    private readonly string documentRels;

    private CompiledTemplate(IReadOnlyList<Entry> entries, int templateLength, long approximateBytes, string? corePart, string mainPart, string documentRels)
    {
        this.mainPart = mainPart;
        this.entries = entries;
        this.templateLength = templateLength;
        this.corePart = corePart;
        this.documentRels = documentRels;
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
        string? corePart;
        string mainName;
        string documentRels;
        using (var document = WordprocessingDocument.Open(new MemoryStream(template, writable: false), isEditable: false))
        {
            var main = document.MainDocumentPart ?? throw new InvalidOperationException("The template has no main document part.");
            corePart = document.CoreFilePropertiesPart?.Uri.OriginalString.TrimStart('/');
            mainName = main.Uri.OriginalString.TrimStart('/');
            int slash = mainName.LastIndexOf('/');
            documentRels = $"{mainName[..(slash + 1)]}_rels/{mainName[(slash + 1)..]}.rels";
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

        return new CompiledTemplate(entries, template.Length, approximateBytes, corePart, mainName, documentRels);
    }

    /// <summary>
    /// A paper: the template with every content control filled from <paramref name="fields"/> and removed (controls
    /// nobody supplied a value for are removed too). The same fields always give the same bytes.
    /// </summary>
    public byte[] Render(FieldSet fields)
    {
        var package = fields.Package;

        // Sized for the images up front: a paper with diagrams would otherwise regrow a large buffer several times.
        using var output = new MemoryStream((templateLength * 2) + package.Media.Sum(m => m.Content.Length + 512) + package.Charts.Sum(c => c.Content.Length));
        bool addCore = package.HasProperties && corePart is null;
        bool hasDocumentRels = entries.Any(e => e.Name == documentRels);
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var to = DocxPackage.OpenNewEntry(archive, entry.Name);
                if (entry.Content is { } main && entry.Name == mainPart && package.References.Count > 0)
                {
                    // References print the number Word gives the paragraph they name: known once the part is laid out.
                    var laidOut = new StringWriter(new StringBuilder(templateLength * 4), CultureInfo.InvariantCulture);
                    using (var writer = new PartWriter(laidOut))
                    {
                        writer.Text.Write(Declaration);
                        main.Write(writer, fields);
                    }

                    to.Write(Utf8.GetBytes(Numbered(laidOut.GetStringBuilder().ToString(), package)));
                }
                else if (entry.Content is { } block)
                {
                    using var writer = new PartWriter(new StreamWriter(to, Utf8, bufferSize: 4096, leaveOpen: true));
                    writer.Text.Write(Declaration);
                    block.Write(writer, fields);
                }
                else if (entry.Name == corePart && package.HasProperties)
                {
                    WriteXml(to, CoreProperties(package));
                }
                else if (entry.Name == ContentTypesName && (addCore || package.Media.Count > 0 || package.Charts.Count > 0))
                {
                    WriteXml(to, ContentTypes(XDocument.Load(new MemoryStream(entry.Bytes!)), package, addCore));
                }
                else if (entry.Name == PackageRelsName && addCore)
                {
                    var rels = XDocument.Load(new MemoryStream(entry.Bytes!));
                    AddRelationship(rels, new PaperRelationship(UniqueId(rels, "factCore"), CoreType, CorePartName, External: false));
                    WriteXml(to, rels);
                }
                else if (entry.Name == documentRels && package.Relationships.Count > 0)
                {
                    var rels = XDocument.Load(new MemoryStream(entry.Bytes!));
                    foreach (var relationship in package.Relationships)
                    {
                        AddRelationship(rels, relationship);
                    }

                    WriteXml(to, rels);
                }
                else
                {
                    to.Write(entry.Bytes);
                }
            }

            if (addCore)
            {
                using var to = DocxPackage.OpenNewEntry(archive, CorePartName);
                WriteXml(to, CoreProperties(package));
            }

            if (!hasDocumentRels && package.Relationships.Count > 0)
            {
                var rels = new XDocument(new XElement(RelationshipsNs + "Relationships"));
                foreach (var relationship in package.Relationships)
                {
                    AddRelationship(rels, relationship);
                }

                using var to = DocxPackage.OpenNewEntry(archive, documentRels);
                WriteXml(to, rels);
            }

            foreach (var media in package.Media)
            {
                // PNG and JPEG are compressed already: stored as they are, not deflated again for each paper.
                using var to = DocxPackage.OpenNewEntry(archive, media.PartName, CompressionLevel.NoCompression);
                to.Write(media.Content);
            }

            foreach (var chart in package.Charts)
            {
                using var to = DocxPackage.OpenNewEntry(archive, chart.PartName);
                to.Write(chart.Content);
            }
        }

        return output.ToArray();
    }

    private sealed record Entry(string Name, Block? Content, byte[]? Bytes);

    /// <summary>
    /// Replaces each reference's placeholder with the number of the paragraph holding its bookmark: how many paragraphs
    /// in the numbered style come before the bookmark, counting its own. A bookmark missing, or on a paragraph that is
    /// not numbered, prints "?" rather than a wrong number.
    /// </summary>
    private static string Numbered(string xml, PaperPackage package)
    {
        var numbered = NumberedParagraph().Matches(xml).Select(m => m.Index).ToArray();
        foreach (var (placeholder, bookmark) in package.References)
        {
            int at = xml.IndexOf($"w:name=\"{bookmark}\"", StringComparison.Ordinal);
            string number = "?";
            if (at >= 0)
            {
                int paragraph = Math.Max(xml.LastIndexOf("<w:p>", at, StringComparison.Ordinal), xml.LastIndexOf("<w:p ", at, StringComparison.Ordinal));
                int count = numbered.Count(i => i < at);
                if (count > 0 && numbered[count - 1] > paragraph)
                {
                    number = count.ToString(CultureInfo.InvariantCulture);
                }
            }

            xml = xml.Replace(placeholder, number, StringComparison.Ordinal);
        }

        return xml;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<w:pStyle w:val=\"" + DocumentBuilder.NumberedStyle + "\"\\s*/>")]
    private static partial System.Text.RegularExpressions.Regex NumberedParagraph();

    private static void WriteXml(Stream to, XDocument document)
    {
        using var writer = XmlWriter.Create(to, new XmlWriterSettings { Encoding = Utf8, Indent = false, CloseOutput = false });
        document.Declaration = new XDeclaration("1.0", "utf-8", "yes");
        document.Save(writer);
    }

    /// <summary>
    /// The paper's document properties: title, author, the date it speaks as of, and its language. Fixed by the fields,
    /// so the same fields still give the same bytes.
    /// </summary>
    private static XDocument CoreProperties(PaperPackage package)
    {
        XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace dcterms = "http://purl.org/dc/terms/";
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var root = new XElement(cp + "coreProperties",
            new XAttribute(XNamespace.Xmlns + "cp", cp), new XAttribute(XNamespace.Xmlns + "dc", dc),
            new XAttribute(XNamespace.Xmlns + "dcterms", dcterms), new XAttribute(XNamespace.Xmlns + "xsi", xsi));
        if (package.Title is { } title)
        {
            root.Add(new XElement(dc + "title", SafeText.Clean(title)));
        }

        if (package.Creator is { } creator)
        {
            root.Add(new XElement(dc + "creator", SafeText.Clean(creator)));
        }

        root.Add(new XElement(dc + "language", package.Language));
        if (package.Created is { } created)
        {
            root.Add(new XElement(dcterms + "created", new XAttribute(xsi + "type", "dcterms:W3CDTF"),
                created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new XDocument(root);
    }

    private static XDocument ContentTypes(XDocument types, PaperPackage package, bool addCore)
    {
        var root = types.Root!;
        foreach (var media in package.Media.DistinctBy(m => m.Extension))
        {
            if (!root.Elements(ContentTypesNs + "Default").Any(d => string.Equals((string?)d.Attribute("Extension"), media.Extension, StringComparison.OrdinalIgnoreCase)))
            {
                root.AddFirst(new XElement(ContentTypesNs + "Default", new XAttribute("Extension", media.Extension), new XAttribute("ContentType", media.ContentType)));
            }
        }

        foreach (var chart in package.Charts)
        {
            root.Add(new XElement(ContentTypesNs + "Override", new XAttribute("PartName", "/" + chart.PartName), new XAttribute("ContentType", PaperPackage.ChartContentType)));
        }

        if (addCore)
        {
            root.Add(new XElement(ContentTypesNs + "Override", new XAttribute("PartName", "/" + CorePartName), new XAttribute("ContentType", CoreContentType)));
        }

        return types;
    }

    private static void AddRelationship(XDocument rels, PaperRelationship relationship)
    {
        if (rels.Root!.Elements(RelationshipsNs + "Relationship").Any(r => (string?)r.Attribute("Id") == relationship.Id))
        {
            throw new InvalidOperationException($"The template already has a relationship '{relationship.Id}'.");
        }

        var element = new XElement(RelationshipsNs + "Relationship",
            new XAttribute("Id", relationship.Id), new XAttribute("Type", relationship.Type), new XAttribute("Target", relationship.Target));
        if (relationship.External)
        {
            element.Add(new XAttribute("TargetMode", "External"));
        }

        rels.Root.Add(element);
    }

    private static string UniqueId(XDocument rels, string stem)
    {
        var taken = rels.Root!.Elements(RelationshipsNs + "Relationship").Select(r => (string?)r.Attribute("Id")).ToHashSet(StringComparer.Ordinal);
        string id = stem;
        for (int n = 2; taken.Contains(id); n++)
        {
            id = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return id;
    }

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

        /// <summary>True inside a draft's locked control: the controls within it are not locked again.</summary>
        public bool InLocked { get; init; }

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

        /// <summary>The prefix WordprocessingML has where the control was ("w"; empty when it is the default namespace).</summary>
        public string Prefix
        {
            get
            {
                string name = TextOpen[1..TextOpen.IndexOfAny([' ', '>', '/'])];
                int colon = name.IndexOf(':', StringComparison.Ordinal);
                return colon < 0 ? string.Empty : name[..colon];
            }
        }
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

            if (!writer.InLocked && fields.Package.Draft?.LockTitle(Tag) is { } title)
            {
                // A draft: the computed value in a locked control saying where it is changed; nothing when there is no value.
                var content = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                using (var inner = new PartWriter(content) { InLocked = true })
                {
                    WriteValue(inner, fields);
                }

                if (content.GetStringBuilder().Length > 0)
                {
                    var (open, close) = DraftMarks.LockedXml(Markup!.Prefix, title);
                    writer.Text.Write(open);
                    writer.Text.Write(content.ToString());
                    writer.Text.Write(close);
                }

                return;
            }

            WriteValue(writer, fields);
        }

        private void WriteValue(PartWriter writer, FieldSet fields)
        {
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
                case LinkField link when !IsBlock:
                    // A run-level control sits in a paragraph, where a hyperlink may wrap its run.
                    string prefix = Markup!.Prefix.Length == 0 ? string.Empty : Markup.Prefix + ":";
                    writer.Text.Write($"<{prefix}hyperlink xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"{link.RelationshipId}\">");
                    WriteShaped(writer, Text!, link.Text);
                    writer.Text.Write($"</{prefix}hyperlink>");
                    break;
                case LinkField link:
                    WriteShaped(writer, Paragraph ?? Text!, link.Text);
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
