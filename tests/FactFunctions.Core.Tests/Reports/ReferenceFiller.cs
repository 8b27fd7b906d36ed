using System.IO.Compression;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Reports.Word;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>
/// The oracle for <see cref="CompiledTemplate"/>: the same rules applied the slow, obvious way, by filling the SDK's
/// document model of the template in place (this was the renderer before papers were written from compiled
/// templates). Used only to check that both give the same XML.
/// </summary>
internal static class ReferenceFiller
{
    /// <summary>The filled XML of each document, header and footer part, by part name.</summary>
    public static Dictionary<string, XElement> Parts(byte[] template, FieldSet fields)
    {
        var parts = new Dictionary<string, XElement>(StringComparer.Ordinal);
        using var document = WordprocessingDocument.Open(new MemoryStream(template, writable: false), isEditable: false);
        foreach (var part in TemplateFiller.FilledParts(document.MainDocumentPart!))
        {
            var root = part.RootElement!;
            Fill(root, fields);
            Number(root, fields.Package);
            parts[part.Uri.OriginalString.TrimStart('/')] = XElement.Parse(root.OuterXml, LoadOptions.PreserveWhitespace);
        }

        return parts;
    }

    /// <summary>
    /// References printed as the number of the paragraph holding their bookmark, counted on the document model: the
    /// numbered-style paragraphs up to and including it.
    /// </summary>
    private static void Number(OpenXmlElement root, PaperPackage package)
    {
        var paragraphs = root.Descendants<Paragraph>().ToList();
        foreach (var (placeholder, bookmark) in package.References)
        {
            string number = "?";
            var start = root.Descendants<BookmarkStart>().FirstOrDefault(b => b.Name?.Value == bookmark);
            if (start?.Ancestors<Paragraph>().FirstOrDefault() is { } target &&
                target.ParagraphProperties?.ParagraphStyleId?.Val?.Value == DocumentBuilder.NumberedStyle)
            {
                number = paragraphs.TakeWhile(p => p != target).Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == DocumentBuilder.NumberedStyle) + 1 + string.Empty;
            }

            foreach (var text in root.Descendants<Text>().Where(t => t.Text.Contains(placeholder, StringComparison.Ordinal)))
            {
                text.Text = text.Text.Replace(placeholder, number, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The same parts read from a rendered paper.</summary>
    public static Dictionary<string, XElement> Parts(byte[] paper, IEnumerable<string> names)
    {
        using var archive = new ZipArchive(new MemoryStream(paper), ZipArchiveMode.Read);
        return names.ToDictionary(n => n, n =>
        {
            using var stream = archive.GetEntry(n)!.Open();
            return XElement.Load(stream, LoadOptions.PreserveWhitespace);
        });
    }

    /// <summary>
    /// XML compared by meaning: names, attributes (namespace declarations aside, as they may sit on different
    /// elements) and content, with an empty element the same however it is written.
    /// </summary>
    public static string Canonical(XElement element)
    {
        var text = new System.Text.StringBuilder();
        Write(element, text);
        return text.ToString();
    }

    private static void Write(XElement element, System.Text.StringBuilder text)
    {
        text.Append('<').Append(element.Name);
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal))
        {
            text.Append(' ').Append(attribute.Name).Append("=\"").Append(attribute.Value).Append('"');
        }

        text.Append('>');
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XElement child:
                    Write(child, text);
                    break;
                case XText value:
                    text.Append(System.Security.SecurityElement.Escape(value.Value));
                    break;
                default:
                    break;
            }
        }

        text.Append("</").Append(element.Name).Append('>');
    }

    private static void Fill(OpenXmlElement scope, FieldSet fields)
    {
        var controls = new List<SdtElement>();
        TemplateFiller.FindOutermost(scope, controls);
        foreach (var control in controls)
        {
            var content = TemplateFiller.Content(control);
            switch (content is null ? null : fields[TemplateFiller.TagOf(control) ?? string.Empty])
            {
                case TextField text:
                    TemplateFiller.SetText(content!, text.Text);
                    Unwrap(control, content!);
                    break;
                case LinkField link when content is SdtContentRun:
                    TemplateFiller.SetText(content!, link.Text);
                    var hyperlink = new Hyperlink { Id = link.RelationshipId };
                    foreach (var child in content!.ChildElements.ToList())
                    {
                        child.Remove();
                        hyperlink.AppendChild(child);
                    }

                    ReplaceWith(control, [hyperlink]);
                    break;
                case LinkField link:
                    TemplateFiller.SetText(content!, link.Text);
                    Unwrap(control, content!);
                    break;
                case ParagraphsField paragraphs:
                    FillParagraphs(control, content!, paragraphs);
                    break;
                case RepeatField repeat:
                    var output = new List<OpenXmlElement>();
                    foreach (var item in repeat.Items)
                    {
                        var copy = (OpenXmlCompositeElement)content!.CloneNode(true);
                        Fill(copy, item);
                        output.AddRange(copy.ChildElements);
                        copy.RemoveAllChildren();
                    }

                    ReplaceWith(control, output);
                    break;
                case ElementsField elements when content is SdtContentBlock:
                    ReplaceWith(control, elements.Elements.Select(e => e.CloneNode(true)));
                    break;
                default:
                    control.Remove();
                    break;
            }
        }
    }

    private static void Unwrap(SdtElement control, OpenXmlCompositeElement content)
    {
        var children = content.ChildElements.ToList();
        content.RemoveAllChildren();
        ReplaceWith(control, children);
    }

    private static void ReplaceWith(SdtElement control, IEnumerable<OpenXmlElement> elements)
    {
        OpenXmlElement anchor = control;
        foreach (var element in elements)
        {
            anchor.InsertAfterSelf(element);
            anchor = element;
        }

        control.Remove();
    }

    private static void FillParagraphs(SdtElement control, OpenXmlCompositeElement content, ParagraphsField field)
    {
        if (content is not SdtContentBlock)
        {
            TemplateFiller.SetText(content, string.Join("\n", field.Paragraphs.SelectMany(p => new[] { p.Text ?? string.Empty }.Concat(p.Items ?? []))));
            Unwrap(control, content);
            return;
        }

        var models = content.Elements<WordParagraph>().ToList();
        var model = models.FirstOrDefault() ?? new WordParagraph();
        var itemModel = models.Skip(1).FirstOrDefault() ?? model;
        var output = new List<WordParagraph>();
        foreach (var paragraph in field.Paragraphs)
        {
            output.Add(TemplateFiller.ParagraphLike(model, paragraph.Text));
            output.AddRange((paragraph.Items ?? []).Select(item => TemplateFiller.ParagraphLike(itemModel, item)));
        }

        if (output.Count == 0 && field.WhenEmpty is not null)
        {
            output.Add(TemplateFiller.ParagraphLike(model, field.WhenEmpty));
        }

        ReplaceWith(control, output);
    }
}
