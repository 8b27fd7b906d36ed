using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports;

/// <summary>
/// Fills a template's content controls from a <see cref="FieldSet"/> and removes the controls, so the paper keeps
/// the template's styling but carries no placeholder. Controls nobody supplied a value for are removed too.
/// </summary>
public static class TemplateFiller
{
    public static void Fill(OpenXmlElement scope, FieldSet fields)
    {
        var controls = new List<SdtElement>();
        FindOutermost(scope, controls);
        foreach (var control in controls)
        {
            var content = Content(control);
            switch (content is null ? null : fields[TagOf(control) ?? string.Empty])
            {
                case TextField text:
                    SetText(content!, text.Text);
                    Unwrap(control, content!);
                    break;
                case ParagraphsField paragraphs:
                    FillParagraphs(control, content!, paragraphs);
                    break;
                case RepeatField repeat:
                    Repeat(control, content!, repeat);
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

    public static string? TagOf(SdtElement control) => control.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    public static OpenXmlCompositeElement? Content(SdtElement control) =>
        control.ChildElements.OfType<OpenXmlCompositeElement>().FirstOrDefault(c => c.LocalName == "sdtContent");

    private static void FindOutermost(OpenXmlElement element, List<SdtElement> found)
    {
        foreach (var child in element.ChildElements)
        {
            if (child is SdtElement control)
            {
                found.Add(control);
            }
            else
            {
                FindOutermost(child, found);
            }
        }
    }

    private static void Unwrap(SdtElement control, OpenXmlCompositeElement content)
    {
        var children = content.ChildElements.ToList();
        content.RemoveAllChildren();
        ReplaceWith(control, children);
    }

    /// <summary>
    /// Puts <paramref name="elements"/> where <paramref name="control"/> was. Each is inserted after the one before:
    /// the SDK's sibling list is singly linked, so inserting after is constant time where inserting before walks
    /// the parent's children, which made long papers quadratic.
    /// </summary>
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

    /// <summary>Puts <paramref name="text"/> into the first run inside <paramref name="content"/>, keeping that run's formatting.</summary>
    private static void SetText(OpenXmlCompositeElement content, string text)
    {
        var first = content.Descendants<Run>().FirstOrDefault();
        if (first is null)
        {
            var paragraph = content.Descendants<WordParagraph>().FirstOrDefault();
            first = new Run();
            if (paragraph is not null)
            {
                paragraph.AppendChild(first);
            }
            else if (content is SdtContentRun)
            {
                content.AppendChild(first);
            }
            else
            {
                content.AppendChild(new WordParagraph(first));
            }
        }

        foreach (var other in content.Descendants<Run>().Where(r => r != first).ToList())
        {
            other.Remove();
        }

        var properties = first.RunProperties?.CloneNode(true);
        first.RemoveAllChildren();
        if (properties is not null)
        {
            first.AppendChild(properties);
        }

        AppendText(first, text);
    }

    /// <summary>Text into a run: line breaks become w:br, tabs w:tab, and characters XML cannot carry are replaced.</summary>
    public static void AppendText(Run run, string? text)
    {
        string clean = SafeText.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var lines = clean.Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            if (l > 0)
            {
                run.AppendChild(new Break());
            }

            var pieces = lines[l].Split('\t');
            for (int p = 0; p < pieces.Length; p++)
            {
                if (p > 0)
                {
                    run.AppendChild(new TabChar());
                }

                if (pieces[p].Length > 0)
                {
                    run.AppendChild(new Text(pieces[p]) { Space = SpaceProcessingModeValues.Preserve });
                }
            }
        }
    }

    private static void FillParagraphs(SdtElement control, OpenXmlCompositeElement content, ParagraphsField field)
    {
        if (content is not SdtContentBlock)
        {
            // Placed inline by whoever restyled the template: the paragraphs become lines of that run.
            SetText(content, string.Join("\n", field.Paragraphs.SelectMany(p => new[] { p.Text ?? string.Empty }.Concat(p.Items ?? []))));
            Unwrap(control, content);
            return;
        }

        var models = content.Elements<WordParagraph>().ToList();
        var model = models.FirstOrDefault() ?? new WordParagraph();
        var itemModel = models.Skip(1).FirstOrDefault() ?? model;
        var output = new List<WordParagraph>();
        foreach (var paragraph in field.Paragraphs)
        {
            output.Add(ParagraphLike(model, paragraph.Text));
            output.AddRange((paragraph.Items ?? []).Select(item => ParagraphLike(itemModel, item)));
        }

        if (output.Count == 0 && field.WhenEmpty is not null)
        {
            output.Add(ParagraphLike(model, field.WhenEmpty));
        }

        ReplaceWith(control, output);
    }

    /// <summary>A copy of <paramref name="model"/> (its paragraph and first run formatting) holding <paramref name="text"/>.</summary>
    public static WordParagraph ParagraphLike(WordParagraph model, string? text)
    {
        var paragraph = new WordParagraph();
        if (model.ParagraphProperties is { } properties)
        {
            paragraph.AppendChild(properties.CloneNode(true));
        }

        var run = new Run();
        if (model.Descendants<Run>().FirstOrDefault()?.RunProperties is { } runProperties)
        {
            run.AppendChild(runProperties.CloneNode(true));
        }

        AppendText(run, text);
        paragraph.AppendChild(run);
        return paragraph;
    }

    private static void Repeat(SdtElement control, OpenXmlCompositeElement content, RepeatField repeat)
    {
        var output = new List<OpenXmlElement>();
        foreach (var item in repeat.Items)
        {
            var copy = (OpenXmlCompositeElement)content.CloneNode(true);
            Fill(copy, item);
            output.AddRange(copy.ChildElements);
            copy.RemoveAllChildren();
        }

        ReplaceWith(control, output);
    }
}
