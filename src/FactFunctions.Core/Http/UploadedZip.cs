using System.IO.Compression;

namespace FactFunctions.Http;

/// <summary>Why an uploaded zip package (a .docx template, an .xlsx workbook) is refused before any XML in it is read.</summary>
public sealed record ZipRefusal(string Problem, bool TooLarge);

/// <summary>
/// The checks every uploaded Office package passes first: it is a zip, it has a bounded number of entries, and what
/// actually comes out of it (declared sizes can lie) stays under a limit, so a zip bomb is refused without being expanded.
/// </summary>
public static class UploadedZip
{
    public static ZipRefusal? Check(byte[] upload, long maxExpandedBytes, int maxEntries, string what)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(upload, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            return new ZipRefusal($"The file is not a {what} (it is not a zip package).", false);
        }

        using (archive)
        {
            if (archive.Entries.Count > maxEntries)
            {
                return new ZipRefusal($"The package has {archive.Entries.Count} parts; at most {maxEntries} are allowed.", false);
            }

            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in archive.Entries)
            {
                try
                {
                    using var stream = entry.Open();
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                        if (total > maxExpandedBytes)
                        {
                            return new ZipRefusal($"The package expands to more than {maxExpandedBytes / (1024 * 1024)} MiB; it is refused as a possible zip bomb.", true);
                        }
                    }
                }
                catch (InvalidDataException)
                {
                    return new ZipRefusal($"The part '{entry.FullName}' is corrupt.", false);
                }
            }
        }

        return null;
    }
}
