using System.IO.Compression;
using System.Xml.Linq;

namespace FactFunctions.Reports;

/// <summary>Zip-level handling of .docx packages: deterministic bytes, and the safety checks an uploaded template must pass.</summary>
public static class DocxPackage
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const long MaxUncompressedBytes = 64L * 1024 * 1024;
    public const int MaxEntries = 2_000;

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
    public static Stream OpenNewEntry(ZipArchive archive, string name)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
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

    /// <summary>
    /// Checks an uploaded file before any XML in it is parsed: a zip, not too many entries, not too large once
    /// decompressed (zip bombs), no macros, no references to anything outside the file except hyperlinks.
    /// Returns the problems found (empty when it is safe to open).
    /// </summary>
    public static List<string> Inspect(byte[] upload, out bool tooLarge)
    {
        tooLarge = false;
        var problems = new List<string>();
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(upload), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            problems.Add("The file is not a .docx (it is not a zip package).");
            return problems;
        }

        using (archive)
        {
            if (archive.Entries.Count > MaxEntries)
            {
                problems.Add($"The package has {archive.Entries.Count} parts; at most {MaxEntries} are allowed.");
                return problems;
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                // Declared sizes can lie, so count what actually comes out, stopping at the limit.
                try
                {
                    using var stream = entry.Open();
                    var buffer = new byte[81920];
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        total += read;
                        if (total > MaxUncompressedBytes)
                        {
                            tooLarge = true;
                            problems.Add($"The package expands to more than {MaxUncompressedBytes / (1024 * 1024)} MiB; it is refused as a possible zip bomb.");
                            return problems;
                        }
                    }
                }
                catch (InvalidDataException)
                {
                    problems.Add($"The part '{entry.FullName}' is corrupt.");
                    return problems;
                }
            }

            var contentTypes = archive.GetEntry("[Content_Types].xml");
            if (contentTypes is null)
            {
                problems.Add("The package has no [Content_Types].xml, so it is not a Word document.");
                return problems;
            }

            string types = ReadEntry(contentTypes);
            if (types.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || archive.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add("The file is macro-enabled (.docm); upload a .docx without macros.");
            }

            if (!types.Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal) &&
                !types.Contains("wordprocessingml.template.main+xml", StringComparison.Ordinal))
            {
                problems.Add("The package is not a Word document (.docx or .dotx).");
            }

            foreach (var rels in archive.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
            {
                XDocument xml;
                try
                {
                    xml = XDocument.Parse(ReadEntry(rels));
                }
                catch (System.Xml.XmlException)
                {
                    problems.Add($"The relationships part '{rels.FullName}' is not valid XML.");
                    continue;
                }

                foreach (var relationship in xml.Root?.Elements() ?? [])
                {
                    bool external = string.Equals((string?)relationship.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                    string type = (string?)relationship.Attribute("Type") ?? string.Empty;
                    if (external && !type.EndsWith("/hyperlink", StringComparison.Ordinal))
                    {
                        problems.Add($"The template refers to an outside resource ({type[(type.LastIndexOf('/') + 1)..]} → {(string?)relationship.Attribute("Target")}); templates must be self-contained.");
                    }
                }
            }
        }

        return problems;
    }

    private static string ReadEntry(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
