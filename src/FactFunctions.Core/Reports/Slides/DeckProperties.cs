using System.Globalization;
using System.Security;
using DocumentFormat.OpenXml.Packaging;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// A deck's title, author, date and language, written as its <c>docProps/core.xml</c> (the template's own part, or a new
/// one): never through the packaging layer's properties, which would name a new part after a random GUID and so give
/// the same deck different bytes each time.
/// </summary>
public static class DeckProperties
{
    public static void Write(PresentationDocument document, string title, string creator, DateOnly created)
    {
        var part = document.CoreFilePropertiesPart ?? document.AddCoreFilePropertiesPart();
        using var writer = new StreamWriter(part.GetStream(FileMode.Create), new System.Text.UTF8Encoding(false));
        string date = created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
        writer.Write(
            "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" +
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " +
            "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
            $"<dc:title>{SecurityElement.Escape(title)}</dc:title><dc:creator>{SecurityElement.Escape(creator)}</dc:creator><dc:language>en-GB</dc:language>" +
            $"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">{date}</dcterms:modified>" +
            "</cp:coreProperties>");
    }
}
