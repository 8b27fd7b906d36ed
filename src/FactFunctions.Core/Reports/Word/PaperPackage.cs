namespace FactFunctions.Reports.Word;

/// <summary>
/// What a paper adds to its package beyond filling content controls: its document properties (title, author, date,
/// language: what accessibility checkers and screen readers announce), and the hyperlinks and images its blocks
/// refer to by relationship id. Ids and part names are numbered in the order they are added, so the same fields give
/// the same package.
/// </summary>
public sealed class PaperPackage
{
    public const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    public const string ImageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
    public const string ChartType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
    public const string ChartContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

    private readonly List<PaperRelationship> relationships = [];
    private readonly List<PaperMedia> media = [];
    private readonly List<PaperChart> charts = [];
    private readonly Dictionary<string, string> references = new(StringComparer.Ordinal);
    private int drawings;

    public string? Title { get; set; }

    public string? Creator { get; set; }

    public DateTimeOffset? Created { get; set; }

    public string Language { get; set; } = "en-GB";

    /// <summary>Set when the paper is made as a draft to write in: its regions and locks (<see cref="DraftMarks"/>); null for a paper.</summary>
    public DraftLayout? Draft { get; set; }

    public bool HasProperties => Title is not null || Creator is not null || Created is not null;

    public IReadOnlyList<PaperRelationship> Relationships => relationships;

    public IReadOnlyList<PaperMedia> Media => media;

    /// <summary>The native Word charts the paper adds (chart parts, with their data cached inside).</summary>
    public IReadOnlyList<PaperChart> Charts => charts;

    /// <summary>Placeholder text → the bookmark whose paragraph number replaces it once the paper is laid out.</summary>
    public IReadOnlyDictionary<string, string> References => references;

    /// <summary>Part names papers add (images, charts): a template that already has one would make a paper with two.</summary>
    public static bool IsReservedPartName(string name) =>
        name.StartsWith("word/media/fact-image-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("word/charts/fact-chart-", StringComparison.OrdinalIgnoreCase);

    /// <summary>The next drawing id (unique in the document, as Word requires).</summary>
    public uint NextDrawingId() => (uint)(10_000 + ++drawings);

    /// <summary>The Word bookmark name for a block id: letters, digits and underscores, at most 40 characters.</summary>
    public static string Bookmark(string blockId) =>
        "_RefFact" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(blockId)))[..16];

    /// <summary>Placeholder text for a reference to <paramref name="blockId"/>, replaced by the paragraph's number when the paper is written.</summary>
    public string Reference(string blockId)
    {
        string placeholder = $"\uE000{references.Count}\uE001";
        references[placeholder] = Bookmark(blockId);
        return placeholder;
    }

    /// <summary>The relationship id of an external hyperlink to <paramref name="target"/> (one per distinct target).</summary>
    public string Hyperlink(Uri target)
    {
        var existing = relationships.FirstOrDefault(r => r.External && r.Target == target.AbsoluteUri);
        if (existing is not null)
        {
            return existing.Id;
        }

        string id = $"factLink{relationships.Count(r => r.External) + 1}";
        relationships.Add(new PaperRelationship(id, HyperlinkType, target.AbsoluteUri, External: true));
        return id;
    }

    /// <summary>The relationship id of an image part holding <paramref name="content"/> (one per distinct key).</summary>
    public string Image(string key, byte[] content, string contentType)
    {
        var existing = media.FirstOrDefault(m => m.Key == key);
        if (existing is not null)
        {
            return existing.RelationshipId;
        }

        int n = media.Count + 1;
        string extension = contentType == "image/png" ? "png" : "jpeg";
        var item = new PaperMedia(key, $"factImage{n}", $"word/media/fact-image-{n}.{extension}", extension, contentType, content);
        media.Add(item);
        relationships.Add(new PaperRelationship(item.RelationshipId, ImageType, $"media/fact-image-{n}.{extension}", External: false));
        return item.RelationshipId;
    }

    /// <summary>The relationship id of a new chart part holding <paramref name="chartSpace"/> (a <c>c:chartSpace</c> document).</summary>
    public string Chart(byte[] chartSpace)
    {
        int n = charts.Count + 1;
        var chart = new PaperChart($"factChart{n}", $"word/charts/fact-chart-{n}.xml", chartSpace);
        charts.Add(chart);
        relationships.Add(new PaperRelationship(chart.RelationshipId, ChartType, $"charts/fact-chart-{n}.xml", External: false));
        return chart.RelationshipId;
    }
}
