using System.Security;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

/// <summary>
/// How a draft marks its regions, two ways at once. For Word: an editable content control tagged <c>fact:</c> and the
/// region's id, titled, with placeholder text when empty; computed values sit in locked controls whose title says where
/// they are changed. For LibreOffice, which drops a control's tag and lock when it saves: a hidden paragraph before and
/// after each region whose text names it ("FACT-DRAFT start programme.purpose"). Hidden paragraphs and their text
/// survive a LibreOffice save (measured in issue 24), so the markers are what an upload is read by; the tags are checked
/// against them when they are still there.
/// </summary>
public static partial class DraftMarks
{
    public const string TagPrefix = "fact:";
    public const string LockedTag = "fact-locked";

    /// <summary>The grey of placeholder text: 7:1 against white, so it reads as a prompt and still passes contrast checks.</summary>
    private const string PlaceholderColour = "595959";

    /// <summary>The hidden paragraph, the region's editable control, and the closing hidden paragraph.</summary>
    public static IEnumerable<OpenXmlElement> Editable(DraftRegion region, IReadOnlyList<OpenXmlElement> content)
    {
        bool empty = content.Count == 0;
        var properties = new SdtProperties(
            new SdtAlias { Val = region.Title },
            new Tag { Val = TagPrefix + region.Id },
            new SdtId { Val = ControlId(region.Id) });
        if (empty)
        {
            properties.AppendChild(new ShowingPlaceholder());
        }

        yield return Marker(start: true, region.Id);
        yield return new SdtBlock(properties, new SdtContentBlock(empty ? [Placeholder(region)] : content.Select(e => e)));
        yield return Marker(start: false, region.Id);
    }

    /// <summary>Computed content in a locked control titled with where it is changed.</summary>
    public static SdtBlock Locked(string title, IEnumerable<OpenXmlElement> content) =>
        new(new SdtProperties(new SdtAlias { Val = title }, new Tag { Val = LockedTag }, new DocumentFormat.OpenXml.Wordprocessing.Lock { Val = LockingValues.SdtContentLocked }),
            new SdtContentBlock(content));

    /// <summary>The XML either side of a locked control's content, for a template's own control (any level: runs, paragraphs or rows).</summary>
    public static (string Open, string Close) LockedXml(string prefix, string title)
    {
        string p = prefix.Length == 0 ? string.Empty : prefix + ":";
        string open = $"<{p}sdt><{p}sdtPr><{p}alias {p}val=\"{SecurityElement.Escape(title)}\"/><{p}tag {p}val=\"{LockedTag}\"/>" +
            $"<{p}lock {p}val=\"sdtContentLocked\"/></{p}sdtPr><{p}sdtContent>";
        return (open, $"</{p}sdtContent></{p}sdt>");
    }

    /// <summary>The region a paragraph marks the start or end of; null when it is no marker.</summary>
    public static (bool Start, string Id)? MarkerOf(WordParagraph paragraph)
    {
        // Cheap first: a marker's text is one short line.
        string text = string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)).Trim();
        if (text.Length > 200 || !text.StartsWith("FACT-DRAFT ", StringComparison.Ordinal))
        {
            return null;
        }

        var match = MarkerText().Match(text);
        return match.Success ? (match.Groups[1].Value == "start", match.Groups[2].Value) : null;
    }

    /// <summary>The region id a control's tag names; null when the tag is not a region's.</summary>
    public static string? RegionOfTag(string? tag) => tag is not null && tag.StartsWith(TagPrefix, StringComparison.Ordinal) ? tag[TagPrefix.Length..] : null;

    private static WordParagraph Marker(bool start, string id)
    {
        static RunProperties Hidden() => new(new Vanish(), new FontSize { Val = "2" });
        return new WordParagraph(
            new ParagraphProperties(
                new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
                new ParagraphMarkRunProperties(new Vanish(), new FontSize { Val = "2" })),
            new Run(Hidden(), new Text($"FACT-DRAFT {(start ? "start" : "end")} {id}")));
    }

    private static WordParagraph Placeholder(DraftRegion region)
    {
        var paragraph = new WordParagraph(new ParagraphProperties(new ParagraphStyleId { Val = region.Place.Numbered ? DocumentBuilder.NumberedStyle : "Normal" }));
        var run = new Run(new RunProperties(new Italic(), new Color { Val = PlaceholderColour }));
        TemplateFiller.AppendText(run, region.Placeholder);
        paragraph.AppendChild(run);
        return paragraph;
    }

    private static int ControlId(string regionId) =>
        (int)(BitConverter.ToUInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(regionId)), 0) % 1_000_000_000) + 1;

    [GeneratedRegex(@"^FACT-DRAFT (start|end) ([A-Za-z0-9._#\-]{1,160})$")]
    private static partial Regex MarkerText();
}
