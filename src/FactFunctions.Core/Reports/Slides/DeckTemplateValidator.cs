using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using FactFunctions.Validation;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// Decides whether an uploaded deck template may be used: the same inspection as a Word template (zip bombs, macros,
/// OLE, ActiveX, outside links, part names), the two layouts the slides are made on, and a deck made from it (with the
/// FACT sample) valid. A PowerPoint template (.potx) is kept as the presentation it describes.
/// </summary>
public static class DeckTemplateValidator
{
    public static TemplateValidator.Result Validate(string kind, byte[] upload)
    {
        var errors = new ValidationErrors();
        var inspection = TemplateInspector.Inspect(upload, PaperFormat.Slides);
        if (!inspection.Safe)
        {
            foreach (string problem in inspection.Problems)
            {
                errors.Add("template", problem);
            }

            return new TemplateValidator.Result(errors, inspection.TooLarge);
        }

        byte[] usable;
        try
        {
            using var stream = new MemoryStream();
            stream.Write(upload);
            using (var document = PresentationDocument.Open(stream, true))
            {
                if (document.DocumentType == PresentationDocumentType.Template)
                {
                    document.ChangeDocumentType(PresentationDocumentType.Presentation);
                }

                if (document.PresentationPart?.Presentation is null)
                {
                    errors.Add("template", "The file has no presentation part.");
                    return new TemplateValidator.Result(errors, false);
                }

                foreach (string problem in Structure(document.PresentationPart))
                {
                    errors.Add("template", problem);
                }

                var (layouts, problems) = DeckLayouts.Find(document.PresentationPart);
                foreach (string problem in problems.Concat(layouts is null ? [] : SmallText(layouts)))
                {
                    errors.Add("layouts", problem);
                }
            }

            usable = DocxPackage.Normalise(stream.ToArray());
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or InvalidOperationException
            or IOException or FormatException or OverflowException)
        {
            errors.Add("template", "The file is not a PowerPoint presentation that can be opened.");
            return new TemplateValidator.Result(errors, false);
        }

        if (errors.IsEmpty)
        {
            CheckRendersValid(kind, usable, errors);
        }

        return new TemplateValidator.Result(errors, false, errors.IsEmpty ? usable : null);
    }

    /// <summary>
    /// What the schema cannot see and PowerPoint needs: a slide size, a theme, and a master list naming slide masters,
    /// each with its theme (a master list naming the theme, or no theme, gave decks PowerPoint would have to repair).
    /// </summary>
    private static IEnumerable<string> Structure(PresentationPart presentation)
    {
        var root = presentation.Presentation!;
        if (root.SlideSize is null)
        {
            yield return "The presentation has no slide size (p:sldSz); save it again from PowerPoint or Impress.";
        }

        if (presentation.ThemePart is null)
        {
            yield return "The presentation has no theme; save it again from PowerPoint or Impress.";
        }

        var masters = root.SlideMasterIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideMasterId>().ToList() ?? [];
        if (masters.Count == 0)
        {
            yield return "The presentation lists no slide master.";
        }

        foreach (var id in masters)
        {
            string name = id.RelationshipId?.Value ?? string.Empty;
            if (name.Length == 0 || !presentation.TryGetPartById(name, out var part) || part is not SlideMasterPart master)
            {
                yield return $"The presentation's slide master list names '{name}', which is not a slide master.";
            }
            else if (master.ThemePart is null)
            {
                yield return $"The slide master '{master.Uri}' has no theme.";
            }
        }
    }

    /// <summary>Slides are read across a room: the title and first-level text the layouts and their master set must be 18pt or more.</summary>
    private static IEnumerable<string> SmallText(DeckLayouts layouts)
    {
        const int Smallest = 1800;
        var master = layouts.Content.SlideMasterPart?.SlideMaster?.TextStyles;
        var sources = new (string Where, DocumentFormat.OpenXml.OpenXmlElement? Element)[]
        {
            ("master's title", master?.TitleStyle?.Level1ParagraphProperties),
            ("master's body", master?.BodyStyle?.Level1ParagraphProperties),
            ("Title Slide layout's", layouts.Title.SlideLayout),
            ("Title and Content layout's", layouts.Content.SlideLayout),
        };
        foreach (var (where, element) in sources)
        {
            // First-level text only: the slides write no deeper level, and a template may keep smaller sizes for them.
            var firstLevel = element?.Descendants().Where(e => e.LocalName == "defRPr" && e.Parent?.LocalName is "lvl1pPr" or "titleStyle" or "bodyStyle");
            foreach (var size in firstLevel?.Select(e => e.GetAttributes().FirstOrDefault(a => a.LocalName == "sz").Value)
                .Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : (int?)null).OfType<int>()
                .Where(n => n < Smallest).Distinct() ?? [])
            {
                yield return $"The {where} text is {size / 100m}pt; slides are read across a room, so text must be at least {Smallest / 100}pt.";
            }
        }
    }

    private static void CheckRendersValid(string kind, byte[] template, ValidationErrors errors)
    {
        try
        {
            byte[] deck = PaperDefinitions.Get(kind).Render(template, TemplateValidator.SampleRequest(kind));
            using var document = PresentationDocument.Open(new MemoryStream(deck), false);
            foreach (var error in new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).Take(10))
            {
                errors.Add("template", $"A deck made from this template would not be valid: {error.Description} ({error.Path?.XPath})");
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException
            or ArgumentException or KeyNotFoundException or FormatException or OverflowException)
        {
            errors.Add("template", "A deck could not be made from this template.");
        }
    }
}
