using System.IO.Compression;
using System.Xml.Linq;

namespace FactFunctions.Reports.Word;

/// <summary>Zip-level handling of .docx packages: deterministic bytes (the safety checks are <see cref="TemplateInspector"/>'s).</summary>
public static class DocxPackage
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly DateTimeOffset FixedTimestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Rewrites a package with every entry's timestamp fixed, so the same content always gives the same bytes (and so
    /// the same sha256). Entry order and content are kept.
    /// </summary>
    public static byte[] Normalise(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var from = entry.Open();
                using var to = OpenNewEntry(archive, entry.FullName);
                if (entry.FullName == "_rels/.rels")
                {
                    WriteNumberedRelationships(from, to);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// A new entry for writing, with the fixed timestamp every package this system writes carries, so the same content
    /// always gives the same bytes.
    /// </summary>
    public static Stream OpenNewEntry(ZipArchive archive, string name, CompressionLevel compression = CompressionLevel.Fastest)
    {
        var entry = archive.CreateEntry(name, compression);
        entry.LastWriteTime = FixedTimestamp;
        return entry.Open();
    }

    /// <summary>
    /// The package's own relationships get random ids from the SDK; nothing refers to them by id, so they are
    /// renumbered in order to keep the bytes stable.
    /// </summary>
    private static void WriteNumberedRelationships(Stream from, Stream to)
    {
        var xml = XDocument.Load(from);
        int n = 1;
        foreach (var relationship in xml.Root?.Elements() ?? [])
        {
            relationship.SetAttributeValue("Id", $"rId{n++}");
        }

        xml.Save(to, SaveOptions.DisableFormatting);
    }
}
