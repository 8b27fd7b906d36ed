using DocumentFormat.OpenXml.Packaging;

namespace FactFunctions.Reports.Publication;

/// <summary>
/// The pictures a paper's HTML shows, numbered in one stable order (the main part's PNG and JPEG parts as its
/// relationships list them), so the page names each distinct image once and the image route finds it again.
/// </summary>
public static class PaperImages
{
    public const int MaxIndex = 9_999;

    public static IReadOnlyList<ImagePart> Of(MainDocumentPart main) =>
        [.. main.ImageParts.Where(p => p.ContentType is "image/png" or "image/jpeg")];
}
