using DocumentFormat.OpenXml.Packaging;

namespace FactFunctions.Reports;

/// <summary>Renders a paper: a copy of the template with every content control filled and removed.</summary>
public static class PaperRenderer
{
    public static byte[] Render(byte[] template, FieldSet fields)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        stream.Position = 0;
        using (var document = WordprocessingDocument.Open(stream, isEditable: true))
        {
            var main = document.MainDocumentPart ?? throw new InvalidOperationException("The template has no main document part.");
            TemplateFiller.Fill(main.Document!.Body!, fields);
            foreach (var header in main.HeaderParts)
            {
                TemplateFiller.Fill(header.Header!, fields);
            }

            foreach (var footer in main.FooterParts)
            {
                TemplateFiller.Fill(footer.Footer!, fields);
            }
        }

        return DocxPackage.Normalise(stream.ToArray());
    }
}
