using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Validation;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

/// <summary>
/// The rules for filling a content control, as operations on the SDK's document model. <see cref="CompiledTemplate"/>
/// runs them once per template on marked copies of each control to learn the XML around a value; no paper is filled
/// through the document model.
/// </summary>
public static class TemplateFiller
{
    /// <summary>The parts whose content controls are filled: the main document, then its headers, then its footers.</summary>
    public static IEnumerable<OpenXmlPart> FilledParts(MainDocumentPart main) =>
        new OpenXmlPart[] { main }.Concat(main.HeaderParts).Concat(main.FooterParts);

    public static string? TagOf(SdtElement control) => control.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;

    public static OpenXmlCompositeElement? Content(SdtElement control) =>
        control.ChildElements.OfType<OpenXmlCompositeElement>().FirstOrDefault(c => c.LocalName == "sdtContent");

    /// <summary>The controls under <paramref name="element"/> that are not inside another control.</summary>
    public static void FindOutermost(OpenXmlElement element, List<SdtElement> found)
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

    /// <summary>Puts <paramref name="text"/> into the first run inside <paramref name="content"/>, keeping that run's formatting.</summary>
    public static void SetText(OpenXmlCompositeElement content, string text)
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
}
