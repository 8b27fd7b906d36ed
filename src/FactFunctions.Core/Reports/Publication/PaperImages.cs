using DocumentFormat.OpenXml.Packaging;

namespace FactFunctions.Reports.Publication;

/// <summary>
/// The pictures a paper's HTML shows, numbered in one stable order (the main part's PNG and JPEG parts as its
/// relationships list them), so the page names each distinct image once and the image route finds it again.
/// </summary>
public static class PaperImages
{
    public const int MaxIndex = 9_999;

    /// <summary>No image a paper can carry is larger (stored images are at most 5 MiB; a template expands to at most 16 MiB).</summary>
    public const long MaxBytes = 32L * 1024 * 1024;

    public static IReadOnlyList<ImagePart> Of(MainDocumentPart main) =>
        [.. main.ImageParts.Where(p => p.ContentType is "image/png" or "image/jpeg")];

    /// <summary>The <paramref name="index"/>-th image of the paper in <paramref name="docx"/> (a seekable stream), or null.</summary>
    public static (byte[] Content, string ContentType)? Read(Stream docx, int index)
    {
        using var document = WordprocessingDocument.Open(docx, false);
        if (document.MainDocumentPart is not { } main || Of(main).ElementAtOrDefault(index) is not { } part)
        {
            return null;
        }

        using var content = part.GetStream(FileMode.Open, FileAccess.Read);
        using var copy = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = content.Read(buffer)) > 0)
        {
            if (copy.Length + read > MaxBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return (copy.ToArray(), part.ContentType);
    }
}
