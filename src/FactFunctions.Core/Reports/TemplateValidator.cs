using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using FactFunctions.Snapshots;
using FactFunctions.Validation;

namespace FactFunctions.Reports;

/// <summary>
/// Decides whether an uploaded template may be used: safe to open, every required field tag present, no unknown
/// tag, item tags inside their repeats, and a paper rendered from it (with the FACT sample) valid.
/// </summary>
public static class TemplateValidator
{
    /// <param name="Errors">Every problem, by field.</param>
    /// <param name="TooLarge">Whether the upload was refused for what it expands to.</param>
    /// <param name="Usable">The bytes to store when they differ from the upload's (a PowerPoint template turned into a presentation).</param>
    public sealed record Result(ValidationErrors Errors, bool TooLarge, byte[]? Usable = null);

    public static Result Validate(string kind, byte[] upload)
    {
        if (!PaperDefinitions.Get(kind).Format.IsWord)
        {
            return Slides.DeckTemplateValidator.Validate(kind, upload);
        }

        var errors = new ValidationErrors();
        var inspection = TemplateInspector.Inspect(upload);
        if (!inspection.Safe)
        {
            foreach (string problem in inspection.Problems)
            {
                errors.Add("template", problem);
            }

            return new Result(errors, inspection.TooLarge);
        }

        List<(string Tag, List<string> Ancestors)> controls;
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(upload), false);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is null)
            {
                errors.Add("template", "The file has no document body.");
                return new Result(errors, false);
            }

            // Papers add their images and charts under names of their own; a template that has one would give a paper two.
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(upload), System.IO.Compression.ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => PaperPackage.IsReservedPartName(e.FullName)))
            {
                errors.Add("template", $"The part '{entry.FullName}' has a name papers use for the images and charts they add; rename or remove it.");
            }

            controls = TemplateFiller.FilledParts(main).SelectMany(part => part.RootElement?.Descendants<SdtElement>() ?? [])
                .Select(control => (Tag: TemplateFiller.TagOf(control) ?? string.Empty,
                    Ancestors: control.Ancestors<SdtElement>().Select(a => TemplateFiller.TagOf(a) ?? string.Empty).ToList()))
                .ToList();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or InvalidOperationException)
        {
            errors.Add("template", "The file is not a Word document that can be opened.");
            return new Result(errors, false);
        }

        var found = controls.Select(c => c.Tag).ToHashSet(StringComparer.Ordinal);
        foreach (string missing in TemplateTags.Required(kind).Where(t => !found.Contains(t)).Order(StringComparer.Ordinal))
        {
            errors.Add($"tags.{missing}", "is required in this template but missing.");
        }

        foreach (var (tag, ancestors) in controls)
        {
            if (tag.Length == 0)
            {
                errors.Add("tags", "A content control has no tag; give it one of the field names or remove it.");
            }
            else if (!TemplateTags.Known.Contains(tag))
            {
                errors.Add($"tags.{tag}", "is not a field this system fills; correct or remove it.");
            }
            else if (TemplateTags.ItemParents.TryGetValue(tag, out var parents) && !ancestors.Any(parents.Contains))
            {
                errors.Add($"tags.{tag}", $"must sit inside the repeating control {string.Join(" or ", parents)}.");
            }
        }

        if (errors.IsEmpty)
        {
            CheckRendersValid(kind, upload, errors);
        }

        return new Result(errors, false);
    }

    /// <summary>The paper an upload is tried on: the FACT sample as of 14 October 2022, for the meeting of 8 November.</summary>
    internal static PaperRequest SampleRequest(string kind) => new()
    {
        Kind = kind,
        MeetingDate = new DateOnly(2022, 11, 8),
        Snapshot = new ProgrammeSnapshot
        {
            Header = new SnapshotHeader { Id = "template-check", Kind = SnapshotKinds.OnDemand, AsOf = new DateOnly(2022, 10, 14), Counts = new SnapshotCounts(0, 0, 0, 0, 0, 0) },
            State = ProgrammeState.FromDocument(SampleProgramme.Load(), new DateOnly(2022, 10, 14)),
        },
        Images = SampleProgramme.StoredImages(),
    };

    private static void CheckRendersValid(string kind, byte[] upload, ValidationErrors errors)
    {
        try
        {
            // Compiled here, not through the renderer's cache: an upload that is then refused must not stay in memory.
            byte[] paper = CompiledTemplate.Compile(upload).Render(PaperComposer.Compose(SampleRequest(kind)));
            using var document = WordprocessingDocument.Open(new MemoryStream(paper), false);
            foreach (var error in new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).Take(10))
            {
                errors.Add("template", $"A paper made from this template would not be valid Word: {error.Description} ({error.Path?.XPath})");
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            errors.Add("template", "A paper could not be made from this template.");
        }
    }
}
