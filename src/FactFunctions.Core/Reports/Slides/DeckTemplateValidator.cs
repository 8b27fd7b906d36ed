using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using FactFunctions.Snapshots;
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

                foreach (string problem in DeckLayouts.Find(document.PresentationPart).Problems)
                {
                    errors.Add("layouts", problem);
                }
            }

            usable = DocxPackage.Normalise(stream.ToArray());
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or InvalidOperationException
            or IOException)
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

    private static void CheckRendersValid(string kind, byte[] template, ValidationErrors errors)
    {
        var snapshot = new ProgrammeSnapshot
        {
            Header = new SnapshotHeader { Id = "template-check", Kind = SnapshotKinds.OnDemand, AsOf = new DateOnly(2022, 10, 14), Counts = new SnapshotCounts(0, 0, 0, 0, 0, 0) },
            State = ProgrammeState.FromDocument(SampleProgramme.Load(), new DateOnly(2022, 10, 14)),
        };
        try
        {
            byte[] deck = PaperDefinitions.Get(kind).Render(template, new PaperRequest
            {
                Kind = kind,
                MeetingDate = new DateOnly(2022, 11, 8),
                Snapshot = snapshot,
                Images = SampleProgramme.StoredImages(),
            });
            using var document = PresentationDocument.Open(new MemoryStream(deck), false);
            foreach (var error in new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).Take(10))
            {
                errors.Add("template", $"A deck made from this template would not be valid: {error.Description} ({error.Path?.XPath})");
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException
            or ArgumentException or KeyNotFoundException)
        {
            errors.Add("template", "A deck could not be made from this template.");
        }
    }
}
