using System.IO.Compression;
using System.IO.Packaging;
using System.Xml;
using FactFunctions.Http;

namespace FactFunctions.Reports.Word;

/// <summary>
/// Decides whether an uploaded .docx is safe to carry into every paper: a zip that is not a bomb, a Word document
/// and nothing else, and nothing in it that makes a reader's office software fetch or run anything from outside the
/// file. Every part it copies into a paper is checked the way the package reader and office software will read it:
/// relationships through <see cref="Package"/> (which reads <c>TargetMode=" External"</c> as External), every zip
/// entry name as a part name, every XML part for linked images, include/DDE fields, altChunk and OLE objects.
/// </summary>
/// <remarks>
/// Allowed from outside the file: hyperlinks (relationship type exactly the hyperlink type, http, https or mailto,
/// referred to only from a hyperlink element), because clicking a link is the reader's choice.
/// </remarks>
public static class TemplateInspector
{
    /// <summary>
    /// The most a template may expand to. The built-in templates expand to about 30 KiB; a council template restyled
    /// with a logo and four embedded fonts to about 3–5 MiB. 16 MiB leaves room for that and bounds what one upload
    /// can make the process hold.
    /// </summary>
    public const long MaxUncompressedBytes = 16L * 1024 * 1024;

    public const int MaxEntries = 1_000;

    /// <summary>How deep elements may nest in any part: Word's own documents stay under about 30, and a reader that recursed without end would fail.</summary>
    public const int MaxXmlDepth = 256;

    private const string OfficeDocumentType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private const string StrictOfficeDocumentType = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument";

    private static readonly HashSet<string> HyperlinkTypes = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        "http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink",
    };

    private static readonly HashSet<string> RelationshipNamespaces = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    };

    private static readonly HashSet<string> VmlNamespaces = new(StringComparer.Ordinal)
    {
        "urn:schemas-microsoft-com:vml",
        "urn:schemas-microsoft-com:office:office",
        "urn:schemas-microsoft-com:office:word",
    };

    private static readonly HashSet<string> PresentationNamespaces = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/presentationml/2006/main",
        "http://purl.oclc.org/ooxml/presentationml/main",
    };

    private static readonly HashSet<string> WordNamespaces = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    };

    /// <summary>The elements that may refer to an external hyperlink relationship: Word's and DrawingML's links.</summary>
    private static readonly HashSet<string> HyperlinkElements = new(StringComparer.Ordinal) { "hyperlink", "hlinkClick", "hlinkHover" };

    /// <summary>Relationship types (by their last segment) whose target is run, embedded or merged into the document.</summary>
    private static readonly HashSet<string> ForbiddenRelationships = new(StringComparer.OrdinalIgnoreCase)
    {
        "aFChunk", "oleObject", "package", "control", "activeXControlBinary", "vbaProject", "wordVbaData",
        "attachedTemplate", "subDocument", "frame", "keyMapCustomizations",
    };

    /// <summary>Content types (any part) of macros, embedded objects and ActiveX, and of a template's main part.</summary>
    private static readonly string[] ForbiddenContentTypes =
    [
        "vbaProject", "vbaData", "macroEnabled", "ms-office.vba", "oleObject", "activeX", "keyMapCustomizations",
        "wordprocessingml.template.main",
    ];

    /// <summary>Field codes that make office software read a file or URL, or talk to another program, when the document opens.</summary>
    private static readonly HashSet<string> ForbiddenFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "DDE", "DDEAUTO", "LINK", "RD", "DATABASE",
    };

    private static readonly string[] LinkSchemes = ["http", "https", "mailto"];

    /// <summary>The click actions a slide may carry: move to a slide or show, or none (not <c>ppaction://program</c>, <c>macro</c>, <c>ole</c>, <c>hlinkfile</c>).</summary>
    private static readonly string[] SafeActions = ["ppaction://hlinkshowjump", "ppaction://hlinksldjump", "ppaction://noaction", "ppaction://customshow"];

    /// <summary>The problems found (empty when the file is safe to open and to copy into papers).</summary>
    public static TemplateInspection Inspect(byte[] upload) => Inspect(upload, PaperFormat.Word);

    /// <summary>The problems found in a template of the given format (a deck's template passes the same checks as a Word one).</summary>
    public static TemplateInspection Inspect(byte[] upload, PaperFormat format) => Inspect(upload, format, MaxUncompressedBytes);

    /// <summary>
    /// The same checks with another limit on what the file expands to: a draft written in (<c>PUT /api/drafts</c>) may hold
    /// pasted pictures a template never does.
    /// </summary>
    public static TemplateInspection Inspect(byte[] upload, PaperFormat format, long maxExpandedBytes)
    {
        if (UploadedZip.Check(upload, maxExpandedBytes, MaxEntries, $".{format.Extension}") is { } refusal)
        {
            return new TemplateInspection([refusal.Problem], refusal.TooLarge);
        }

        var problems = new List<string>();
        List<string> entries;
        using (var archive = new ZipArchive(new MemoryStream(upload, writable: false), ZipArchiveMode.Read))
        {
            entries = [.. archive.Entries.Select(e => e.FullName).Where(name => name != "[Content_Types].xml" && !name.EndsWith('/'))];
            CheckEntryNames(archive, format, problems);
            if (problems.Count > 0)
            {
                return new TemplateInspection(problems, false);
            }
        }

        try
        {
            using var package = Package.Open(new MemoryStream(upload, writable: false), FileMode.Open, FileAccess.Read);
            CheckPackage(package, format, problems);

            // An entry with no content type is no part of the document, yet papers copy every entry: a macro project or a
            // script could ride along under a name no content type covers.
            var parts = new HashSet<string>(package.GetParts().Select(p => p.Uri.OriginalString.TrimStart('/')), StringComparer.OrdinalIgnoreCase);
            foreach (string entry in entries.Where(entry => !parts.Contains(entry)))
            {
                problems.Add($"The entry '{Printable(entry)}' has no content type, so it is no part of the document; remove it.");
            }
        }
        catch (Exception e) when (e is FileFormatException or XmlException or ArgumentException or InvalidOperationException or IOException)
        {
            // The reader's own words for a DTD or bad XML name its settings, not the file: say what is wrong with the file.
            problems.Add(e is XmlException
                ? "The package's [Content_Types].xml or a relationships part is not well-formed XML, or declares a DTD; save the template again."
                : $"The file is not a {(format.IsWord ? "Word" : "PowerPoint")} package that can be opened: {Printable(e.Message)}");
        }

        return new TemplateInspection(problems, false);
    }

    /// <summary>
    /// Every entry is copied into papers, so every entry must be a part name that office software reads as the same
    /// part: no backslashes, no leading slash, no empty, '.' or '..' segments, no two names differing only in case.
    /// </summary>
    private static void CheckEntryNames(ZipArchive archive, PaperFormat format, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in archive.Entries)
        {
            string name = entry.FullName;
            if (name == "[Content_Types].xml")
            {
                continue;
            }

            if (!IsPartName(name))
            {
                problems.Add($"The part name '{Printable(name)}' is not a valid package part name; templates must be saved by Office or a compatible editor.");
            }
            else if (!seen.Add(name))
            {
                problems.Add($"The part '{name}' appears twice (part names are compared without regard to case).");
            }
        }

        if (archive.GetEntry("[Content_Types].xml") is null)
        {
            problems.Add($"The package has no [Content_Types].xml, so it is not {format.DocumentName}.");
        }
    }

    private static bool IsPartName(string name)
    {
        if (name.Length == 0 || name[0] == '/' || name.Contains('\\', StringComparison.Ordinal) || name.Contains('[', StringComparison.Ordinal) ||
            name.Any(char.IsControl))
        {
            return false;
        }

        if (name.Split('/').Any(segment => segment.Length == 0 || segment.EndsWith('.')))
        {
            return false;
        }

        try
        {
            return PackUriHelper.CreatePartUri(new Uri(name, UriKind.Relative)).OriginalString == "/" + name;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void CheckPackage(Package package, PaperFormat format, List<string> problems)
    {
        var parts = package.GetParts().ToDictionary(p => p.Uri.OriginalString, StringComparer.OrdinalIgnoreCase);
        foreach (var relationship in Relationships(package.GetRelationships, "the package", problems))
        {
            if (relationship.RelationshipType is OfficeDocumentType or StrictOfficeDocumentType && relationship.TargetMode == TargetMode.Internal)
            {
                string target = PackUriHelper.ResolvePartUri(new Uri("/", UriKind.Relative), relationship.TargetUri).OriginalString;
                string? type = parts.TryGetValue(target, out var main) ? main.ContentType : null;
                if (type is null || !format.MainPartTypes.Contains(type))
                {
                    problems.Add($"The main part '{target}' is of type '{type ?? "missing"}'; {format.SaveAs}.");
                }
            }

            CheckRelationship(relationship, "the package", problems, null);
        }

        foreach (var part in parts.Values)
        {
            if (part.Uri.OriginalString.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string name = part.Uri.OriginalString.TrimStart('/');
            string contentType = part.ContentType;
            if (ForbiddenContentTypes.FirstOrDefault(t => contentType.Contains(t, StringComparison.OrdinalIgnoreCase)) is { } forbidden)
            {
                problems.Add(forbidden.Contains("template", StringComparison.Ordinal)
                    ? $"The part '{name}' is a Word template's main part; save the template as a Word document (.docx)."
                    : $"The part '{name}' holds macros, an embedded object or an ActiveX control ({contentType}); templates may not carry them.");
            }

            var externalLinks = new HashSet<string>(StringComparer.Ordinal);
            foreach (var relationship in Relationships(part.GetRelationships, $"'{name}'", problems))
            {
                CheckRelationship(relationship, $"'{name}'", problems, externalLinks);
            }

            if (IsXml(contentType))
            {
                CheckXml(part, name, externalLinks, problems);
            }
        }
    }

    /// <summary>The relationships as the package reader sees them; a malformed relationships part is a problem, not an exception.</summary>
    private static List<PackageRelationship> Relationships(Func<PackageRelationshipCollection> read, string source, List<string> problems)
    {
        try
        {
            return [.. read()];
        }
        catch (Exception e) when (e is XmlException or ArgumentException or FileFormatException or InvalidOperationException or UriFormatException)
        {
            problems.Add($"The relationships of {source} are malformed (a target must be a relative part name inside the package, or an external link).");
            return [];
        }
    }

    private static void CheckRelationship(PackageRelationship relationship, string source, List<string> problems, HashSet<string>? externalLinks)
    {
        string type = relationship.RelationshipType;
        string shortType = type[(type.LastIndexOf('/') + 1)..];
        Uri target = relationship.TargetUri;
        if (ForbiddenRelationships.Contains(shortType))
        {
            problems.Add($"{Capitalised(source)} has a relationship of type {shortType} (to {Printable(target.OriginalString)}); templates may not " +
                $"merge, embed or attach other files.");
            return;
        }

        if (relationship.TargetMode == TargetMode.External)
        {
            if (!HyperlinkTypes.Contains(type))
            {
                problems.Add($"{Capitalised(source)} refers to an outside resource ({shortType} → {Printable(target.OriginalString)}); templates must be self-contained.");
            }
            else if (!target.IsAbsoluteUri || !LinkSchemes.Contains(target.Scheme, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{Capitalised(source)} has a link to '{Printable(target.OriginalString)}'; links must be http, https or mailto addresses.");
            }
            else
            {
                externalLinks?.Add(relationship.Id);
            }
        }
        else if (target.IsAbsoluteUri || target.OriginalString.StartsWith("//", StringComparison.Ordinal) || target.OriginalString.Contains('\\', StringComparison.Ordinal))
        {
            problems.Add($"{Capitalised(source)} has an internal relationship with the absolute target '{Printable(target.OriginalString)}'; " +
                $"internal targets must be part names inside the package.");
        }
    }

    /// <summary>
    /// Reads an XML part as office software will: no DTDs, no linked images (<c>r:link</c>, VML <c>src</c>/<c>href</c>),
    /// no altChunk, OLE or ActiveX elements, no include/DDE fields (simple or complex), and external hyperlinks referred
    /// to only from hyperlink elements.
    /// </summary>
    private static void CheckXml(PackagePart part, string name, HashSet<string> externalLinks, List<string> problems)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersFromEntities = 0 };
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var fields = new FieldInstructions();
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, settings);
            bool inInstruction = false;
            while (reader.Read())
            {
                if (reader.Depth > MaxXmlDepth)
                {
                    found.Add($"nests elements more than {MaxXmlDepth} deep; save it again from Office or a compatible editor.");
                    break;
                }

                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        inInstruction = reader.LocalName is "instrText" or "delInstrText";
                        CheckElement(reader, externalLinks, fields, found);
                        break;
                    case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inInstruction:
                        fields.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                        inInstruction = false;
                        break;
                }
            }

            fields.End(found);
        }
        catch (XmlException)
        {
            problems.Add($"The part '{name}' is not well-formed XML, or declares a DTD; templates must be saved by Office or a compatible editor.");
            return;
        }

        foreach (string problem in found)
        {
            problems.Add($"The part '{name}' {problem}");
        }
    }

    private static void CheckElement(XmlReader reader, HashSet<string> externalLinks, FieldInstructions fields, SortedSet<string> found)
    {
        string element = reader.LocalName;
        switch (element)
        {
            case "altChunk":
                found.Add("merges another file into the document (altChunk); templates must be self-contained.");
                break;
            case "object" or "control" when WordNamespaces.Contains(reader.NamespaceURI):
            case "oleObj" or "control" or "embed" when PresentationNamespaces.Contains(reader.NamespaceURI):
            case "OLEObject" when VmlNamespaces.Contains(reader.NamespaceURI):
                found.Add($"has an embedded or linked object ({element}); templates may not carry them.");
                break;
            case "hlinkClick" or "hlinkHover" or "hlinkMouseOver" when Attribute(reader, "action") is { Length: > 0 } action && !SafeActions.Any(safe =>
                action.StartsWith(safe, StringComparison.OrdinalIgnoreCase)):
                found.Add($"has a click action '{Printable(action)}' that runs a program, a macro or an object; templates may only link or move between slides.");
                break;
            case "fldChar":
                string? kind = Attribute(reader, "fldCharType");
                if (kind == "begin")
                {
                    fields.Begin();
                }
                else if (kind is "separate" or "end")
                {
                    fields.Close(found, kind == "end");
                }

                break;
            case "fldSimple":
                FieldInstructions.Check(Attribute(reader, "instr") ?? string.Empty, found);
                break;
        }

        bool vmlElement = VmlNamespaces.Contains(reader.NamespaceURI);
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            if (RelationshipNamespaces.Contains(reader.NamespaceURI))
            {
                if (reader.LocalName == "link")
                {
                    found.Add($"has a linked (not embedded) picture in {element} (r:link); pictures must be embedded.");
                }
                else if (externalLinks.Contains(reader.Value) && !(reader.LocalName == "id" && HyperlinkElements.Contains(element)))
                {
                    found.Add($"uses the link '{Printable(reader.Value)}' as the source of {element}; outside addresses may only be hyperlinks.");
                }
            }
            // VML names its pictures and fills with src (no namespace) or o:href.
            else if (VmlNamespaces.Contains(reader.NamespaceURI) || (vmlElement && reader.NamespaceURI.Length == 0))
            {
                if (reader.LocalName is "src" or "href" && reader.Value.Trim().Length > 0)
                {
                    found.Add($"has a picture or fill in {element} that names an outside file ({Printable(reader.Value)}).");
                }
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }

    private static string? Attribute(XmlReader reader, string localName)
    {
        for (bool more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            if (reader.LocalName == localName)
            {
                string value = reader.Value;
                reader.MoveToElement();
                return value;
            }
        }

        reader.MoveToElement();
        return null;
    }

    private static bool IsXml(string contentType) =>
        contentType.EndsWith("xml", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+xml", StringComparison.OrdinalIgnoreCase);

    private static string Capitalised(string source) => char.ToUpperInvariant(source[0]) + source[1..];

    /// <summary>Names and targets from an upload go into problem text; control characters are shown escaped.</summary>
    private static string Printable(string text)
    {
        string shown = text.Length > 200 ? text[..200] + "…" : text;
        return string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    /// <summary>
    /// Complex fields: an instruction is the text of every instrText between a field's begin and its separate (or
    /// end), possibly split across runs, and fields nest.
    /// </summary>
    private sealed class FieldInstructions
    {
        private readonly Stack<System.Text.StringBuilder?> open = new();

        public void Begin() => open.Push(new System.Text.StringBuilder());

        public void Append(string text)
        {
            if (open.TryPeek(out var current) && current is not null)
            {
                current.Append(text);
            }
        }

        public void Close(SortedSet<string> found, bool end)
        {
            if (!open.TryPeek(out var current))
            {
                return;
            }

            if (current is not null)
            {
                Check(current.ToString(), found);
            }

            // After separate the field's result follows, which is not instruction text; its end then pops it.
            open.Pop();
            if (!end)
            {
                open.Push(null);
            }
        }

        public void End(SortedSet<string> found)
        {
            while (open.TryPop(out var current))
            {
                if (current is not null)
                {
                    Check(current.ToString(), found);
                }
            }
        }

        public static void Check(string instruction, SortedSet<string> found)
        {
            string[] words = instruction.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                return;
            }

            string field = words[0].TrimStart('\\');
            if (ForbiddenFields.Contains(field))
            {
                found.Add($"has a {field.ToUpperInvariant()} field, which reads another file or program when the document opens; templates may not carry one.");
            }
            else if (string.Equals(field, "HYPERLINK", StringComparison.OrdinalIgnoreCase) && words.Length > 1 && !words[1].StartsWith('\\'))
            {
                string target = words[1].Trim('"');
                if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || !LinkSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
                {
                    found.Add($"has a HYPERLINK field to '{Printable(target)}'; links must be http, https or mailto addresses.");
                }
            }
        }
    }
}
