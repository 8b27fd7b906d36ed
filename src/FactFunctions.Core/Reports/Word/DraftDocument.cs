using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

/// <summary>
/// A draft's body taken apart by its hidden markers (<see cref="DraftMarks"/>): each region's paragraphs and tables, in
/// order, and the text outside the regions, line by line, grouped by the region it comes before. Content controls and
/// custom XML are opened up; a control tagged for one region found in another, a region opened twice or never closed,
/// and tracked changes outside the regions are problems, never guessed around.
/// </summary>
public sealed class DraftDocument
{
    /// <summary>The key of the text after the last region.</summary>
    public const string End = "(end)";

    private readonly List<DraftSpan> regions = [];
    private readonly List<KeyValuePair<string, List<DraftLine>>> segments = [];
    private readonly List<string> problems = [];
    private readonly Dictionary<string, string?> comments = new(StringComparer.Ordinal);

    private DraftDocument()
    {
    }

    public IReadOnlyList<DraftSpan> Regions => regions;

    /// <summary>The lines of text outside the regions in order, by the id of the region they come before (<see cref="End"/> after the last).</summary>
    public IReadOnlyList<KeyValuePair<string, List<DraftLine>>> Segments => segments;

    public IReadOnlyList<string> Problems => problems;

    /// <summary>The comments' ids, each with the region it is in (null: outside the regions).</summary>
    public IReadOnlyDictionary<string, string?> CommentPlaces => comments;

    public static DraftDocument Read(MainDocumentPart main)
    {
        var read = new DraftDocument();
        var body = main.Document?.Body;
        if (body is null)
        {
            read.problems.Add("The document has no body.");
            return read;
        }

        DraftSpan? open = null;
        var outside = new List<DraftLine>();
        foreach (var (element, tag, locked) in Flatten(body.ChildElements, null, null, 0, read.problems))
        {
            if (element is WordParagraph paragraph && DraftMarks.MarkerOf(paragraph) is var (start, id))
            {
                if (start)
                {
                    if (open is not null)
                    {
                        read.problems.Add($"The region '{open.Id}' has no end before the region '{id}' starts; download a new draft and write in that.");
                    }

                    if (read.regions.Any(r => r.Id == id))
                    {
                        read.problems.Add($"The region '{id}' appears twice; a copied region cannot be read. Delete the copy.");
                    }

                    read.segments.Add(new(id, outside));
                    outside = [];
                    open = new DraftSpan(id);
                    read.regions.Add(open);
                }
                else if (open?.Id == id)
                {
                    open = null;
                }
                else
                {
                    read.problems.Add($"The end of the region '{id}' has no start; download a new draft and write in that.");
                }

                continue;
            }

            if (DraftMarks.RegionOfTag(tag) is { } tagged && tagged != open?.Id)
            {
                read.problems.Add(open is null
                    ? $"A control tagged for the region '{tagged}' stands outside every region: its tag was changed or it was copied. Put it back or delete it."
                    : $"A control tagged for the region '{tagged}' stands in the region '{open.Id}': its tag was changed. Put the tag back.");
            }

            foreach (string comment in element.Descendants<CommentRangeStart>().Select(c => c.Id?.Value)
                .Concat(element.Descendants<CommentReference>().Select(c => c.Id?.Value)).OfType<string>())
            {
                read.comments.TryAdd(comment, open?.Id);
            }

            if (open is not null)
            {
                open.Elements.Add(element);
                continue;
            }

            if (BlockReader.HasRevisions(element))
            {
                read.problems.Add("There are tracked changes outside the regions you write in; accept or reject the tracked changes first.");
            }

            outside.AddRange(Lines(element, locked));
        }

        if (open is not null)
        {
            read.problems.Add($"The region '{open.Id}' has no end; download a new draft and write in that.");
        }

        read.segments.Add(new(End, outside));
        return read;
    }

    /// <summary>The plain text of a region as one line: what a placeholder is compared with.</summary>
    public static string Plain(IEnumerable<OpenXmlElement> elements) =>
        Normal(string.Join(" ", elements.SelectMany(e => e.Descendants<Text>()).Select(t => t.Text)));

    private static IEnumerable<(OpenXmlElement Element, string? Tag, string? Locked)> Flatten(IEnumerable<OpenXmlElement> elements, string? tag, string? locked,
        int depth, List<string> problems)
    {
        foreach (var element in elements)
        {
            if (element is SdtBlock control)
            {
                if (depth >= BlockReader.MaxDepth)
                {
                    problems.Add($"Content controls nest more than {BlockReader.MaxDepth} deep; the content inside was not read.");
                    continue;
                }

                string? own = TemplateFiller.TagOf(control);
                string? title = own == DraftMarks.LockedTag ? control.SdtProperties?.GetFirstChild<SdtAlias>()?.Val?.Value : null;
                foreach (var inner in Flatten(TemplateFiller.Content(control)?.ChildElements ?? [], own ?? tag, title ?? locked, depth + 1, problems))
                {
                    yield return inner;
                }
            }
            else if (element.LocalName == "customXml")
            {
                if (depth >= BlockReader.MaxDepth)
                {
                    problems.Add($"Custom XML nests more than {BlockReader.MaxDepth} deep; the content inside was not read.");
                    continue;
                }

                foreach (var inner in Flatten(element.ChildElements.Where(c => c.LocalName != "customXmlPr"), tag, locked, depth + 1, problems))
                {
                    yield return inner;
                }
            }
            else if (element is WordParagraph or Table)
            {
                yield return (element, tag, locked);
            }
        }
    }

    /// <summary>A paragraph's text, or each cell paragraph's text of a table, without field codes; empty lines dropped.</summary>
    private static IEnumerable<DraftLine> Lines(OpenXmlElement element, string? locked)
    {
        var paragraphs = element is WordParagraph p ? [p] : element.Descendants<WordParagraph>();
        foreach (var paragraph in paragraphs)
        {
            string text = Normal(string.Concat(paragraph.Descendants<Text>().Select(t => t.Text)));
            if (text.Length > 0)
            {
                string? title = locked ?? paragraph.Descendants<SdtRun>().Where(r => TemplateFiller.TagOf(r) == DraftMarks.LockedTag)
                    .Select(r => r.SdtProperties?.GetFirstChild<SdtAlias>()?.Val?.Value).FirstOrDefault();
                yield return new DraftLine(text, title);
            }
        }
    }

    /// <summary>Text as drafts compare it: every run of white space one space, none at either end.</summary>
    public static string Normal(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
