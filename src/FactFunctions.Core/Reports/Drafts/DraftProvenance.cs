using System.Text.Json;
using DocumentFormat.OpenXml.CustomProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.VariantTypes;
using FactFunctions.Dates;
using FactFunctions.Reports.Papers;
using FactFunctions.Validation;

namespace FactFunctions.Reports.Drafts;

/// <summary>
/// What a draft was made from, kept in the file as the custom document property <see cref="PropertyName"/> (custom
/// properties survive a LibreOffice save; a custom XML part and document variables do not): the paper and meeting, the
/// settings it was made with, and a hash of each region's blocks and of the text between regions as the lead first
/// saw them. An upload compares against these to tell the lead's edits from other people's changes since.
/// </summary>
public sealed record DraftProvenance
{
    public const string PropertyName = "FactDraft";

    /// <summary>The most the property may hold: a draft with hundreds of regions needs a few tens of KiB.</summary>
    public const int MaxLength = 512 * 1024;

    private const string FormatId = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { MaxDepth = 8 };

    public int Version { get; init; } = 1;

    public required string Kind { get; init; }

    public required DateOnly MeetingDate { get; init; }

    public string? Board { get; init; }

    public required DateOnly ReportDate { get; init; }

    public bool StartFromPrevious { get; init; }

    public DateOnly? UpdatesSince { get; init; }

    public DateTimeOffset MadeAt { get; init; }

    public required IReadOnlyList<DraftRegionState> Regions { get; init; }

    /// <summary>The hash of the text outside the regions, every line in order.</summary>
    public required string Outside { get; init; }

    /// <summary>The draft's bookmarks that name blocks (a REF field to one is a <c>{ref:id}</c>): bookmark → block id.</summary>
    public IReadOnlyDictionary<string, string>? Bookmarks { get; init; }

    /// <summary>
    /// What a draft writes, and nothing else: the property is the file's, so untrusted. A Word paper's kind, dates the API
    /// takes, a board's id, each region once (an id is only ever compared with the regions the draft is made with now).
    /// </summary>
    private static bool Sound(DraftProvenance read) =>
        read is { Version: 1, Regions: { Count: <= 10_000 } regions, Outside: { Length: 32 } }
        && PaperDefinitions.Word.Any(p => p.Kind == read.Kind)
        && InputDates.InRange(read.MeetingDate) && InputDates.InRange(read.ReportDate) && (read.UpdatesSince is not { } since || InputDates.InRange(since))
        && (read.Board is null || Ids.IsSlug(read.Board))
        && regions.All(r => r is { Id.Length: > 0 and <= 200, Hash.Length: 32, SubheadingLevel: >= 1 and <= 6 } && r.Placeholder?.Length is null or <= 1_000)
        && (read.Bookmarks is null || (read.Bookmarks.Count <= 10_000 && read.Bookmarks.All(b => b.Key.Length <= 40 && b.Value is { Length: > 0 and <= 200 })))
        && regions.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count() == regions.Count;

    /// <summary>Writes the property into an open, editable document (replacing one already there).</summary>
    public void WriteTo(WordprocessingDocument document)
    {
        var part = document.CustomFilePropertiesPart ?? document.AddCustomFilePropertiesPart();
        var properties = part.Properties ?? new Properties();
        foreach (var old in properties.Elements<CustomDocumentProperty>().Where(p => p.Name?.Value == PropertyName).ToList())
        {
            old.Remove();
        }

        int next = properties.Elements<CustomDocumentProperty>().Select(p => p.PropertyId?.Value ?? 1).DefaultIfEmpty(1).Max() + 1;
        properties.AppendChild(new CustomDocumentProperty(new VTLPWSTR(JsonSerializer.Serialize(this, Json)))
        {
            FormatId = FormatId,
            PropertyId = next,
            Name = PropertyName,
        });
        part.Properties = properties;
        properties.Save();
    }

    /// <summary>The provenance a document carries; null with why when it carries none that can be read.</summary>
    public static (DraftProvenance? Provenance, string? Problem) ReadFrom(WordprocessingDocument document)
    {
        string? text;
        try
        {
            text = document.CustomFilePropertiesPart?.Properties?.Elements<CustomDocumentProperty>()
                .FirstOrDefault(p => p.Name?.Value == PropertyName)?.InnerText;
        }
        catch (Exception e) when (e is System.Xml.XmlException or InvalidOperationException or OpenXmlPackageException)
        {
            return (null, "its document properties cannot be read; save it again from Word or LibreOffice.");
        }

        if (string.IsNullOrEmpty(text))
        {
            return (null, $"is not a draft made here: it has no '{PropertyName}' document property. Download a draft (GET) and write in that.");
        }

        if (text.Length > MaxLength)
        {
            return (null, $"has a '{PropertyName}' property larger than a draft writes; download a new draft.");
        }

        try
        {
            var read = JsonSerializer.Deserialize<DraftProvenance>(text, Json);
            return read is not null && Sound(read)
                ? (read, null)
                : (null, $"has a '{PropertyName}' property that is not what a draft writes; download a new draft.");
        }
        catch (JsonException)
        {
            return (null, $"has a '{PropertyName}' property that is not what a draft writes; download a new draft.");
        }
    }
}
