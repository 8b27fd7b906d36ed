using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.Reports.Publication;
using FactFunctions.Reports.Word;
using FactFunctions.TestSupport;
using DrawingWord = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>
/// The Select Committee paper generated from the FACT sample for the meeting of 8 November 2022, read beside the real
/// paper (<c>../shared/seeds/childrens-select-committee-report-2022-10.txt</c>, copied beside this test so the test
/// needs nothing outside the repository): every numbered paragraph of the seed in order with the seed's number, its
/// headings, its lettering, its cross-reference, its links and its four diagrams.
/// </summary>
public sealed partial class SeedPaperTests
{
    /// <summary>The seed numbers "21. School Readiness" as a paragraph; the paper keeps it a heading, so later numbers are one lower.</summary>
    private const int NumberedHeading = 21;

    private static readonly Lazy<string> Seed = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "FactFunctions.Core.Tests", "Reports", "Seeds", "childrens-select-committee-report-2022-10.txt")));

    private static readonly Lazy<(List<(int Number, string Text)> Numbered, List<string> Headings, List<string> Lettered, WordprocessingDocument Document)> Paper = new(() =>
    {
        var document = WordprocessingDocument.Open(new MemoryStream(SamplePapers.Render(PaperKinds.SelectCommittee)), false);
        var numbered = new List<(int, string)>();
        var headings = new List<string>();
        var lettered = new List<string>();
        foreach (var paragraph in document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>())
        {
            string style = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "Normal";
            string text = Normalise(paragraph.InnerText);
            if (style == DocumentBuilder.NumberedStyle)
            {
                numbered.Add((numbered.Count + 1, text));
            }
            else if (style.StartsWith("Heading", StringComparison.Ordinal))
            {
                headings.Add(text);
            }
            else if (style == DocumentBuilder.LetteredStyle)
            {
                lettered.Add(text);
            }
        }

        return (numbered, headings, lettered, document);
    });

    private static string Normalise(string text) => Whitespace().Replace(text.Replace('’', '\'').Replace('‘', '\''), " ").Trim();

    /// <summary>The seed's numbered paragraphs: a line starting "N. ", continued until a blank line.</summary>
    private static List<(int Number, string Text)> SeedParagraphs()
    {
        var found = new List<(int, string)>();
        var lines = Seed.Value.Split('\n');

        // The body starts at "Purpose of report"; the cover's "1. Notes the updates…" is the proposal, not paragraph 1.
        int body = Array.FindIndex(lines, l => l.Trim() == "Purpose of report");
        for (int i = body; i < lines.Length; i++)
        {
            var match = SeedNumber().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            string text = match.Groups[2].Value;
            for (int j = i + 1; j < lines.Length && lines[j].Trim().Length > 0; j++)
            {
                text += " " + lines[j].Trim();
            }

            found.Add((int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), Normalise(text)));
        }

        return found.Where(p => p.Item1 >= 1 && p.Item1 <= 65).DistinctBy(p => p.Item1).ToList();
    }

    private static string Start(string text, int words = 7) => string.Join(' ', text.Split(' ').Take(words));

    [Fact]
    public void Every_numbered_paragraph_of_the_seed_is_in_the_paper_in_order_with_the_seeds_number()
    {
        var seed = SeedParagraphs();
        Assert.Equal(Enumerable.Range(1, 65), seed.Select(p => p.Number));
        var paper = Paper.Value.Numbered;
        foreach (var (number, text) in seed)
        {
            if (number == NumberedHeading)
            {
                Assert.Contains(Start(text, 4), Paper.Value.Headings.Select(h => Start(h, 4)));
                continue;
            }

            int expected = number < NumberedHeading ? number : number - 1;
            Assert.True(expected <= paper.Count, $"The paper has {paper.Count} numbered paragraphs; the seed's {number} is missing.");
            Assert.True(paper[expected - 1].Text.StartsWith(Start(text), StringComparison.Ordinal),
                $"Seed paragraph {number} ('{Start(text)}…') should be the paper's paragraph {expected}, which reads '{Start(paper[expected - 1].Text, 12)}…'.");
        }

        Assert.Equal(64, paper.Count);
    }

    [Fact]
    public void The_headings_are_the_seeds_in_the_seeds_order()
    {
        string[] seedHeadings =
        [
            "Executive summary", "Proposal", "Reason for proposal", "Purpose of report", "Background", "Main considerations for the committee",
            "Early Support Assessment", "Inclusive Approaches", "Young People's Service", "School Readiness", "Joint Working (formerly Integrated Commissioning)",
            "Transitional Safeguarding", "What has worked?", "What challenges remain?", "Behaviour that Challenges", "SEND waiting lists", "Family Help",
            "Governance", "Key milestones", "Safeguarding Considerations", "Environmental impact of the proposal", "Equality and diversity impact of the proposal",
            "Risk assessment", "Financial implications", "Legal implications", "Options considered", "Conclusion",
        ];
        var headings = Paper.Value.Headings;
        int at = -1;
        foreach (string heading in seedHeadings)
        {
            int found = headings.FindIndex(at + 1, h => h.StartsWith(heading, StringComparison.Ordinal));
            Assert.True(found > at, $"The heading '{heading}' is missing or out of order; the paper's headings are: {string.Join(" | ", headings)}");
            at = found;
        }

        Assert.DoesNotContain(headings, h => h.StartsWith("Public health", StringComparison.Ordinal) || h.StartsWith("Procurement", StringComparison.Ordinal));
    }

    [Fact]
    public void Lists_keep_the_seeds_lettering_and_the_cross_reference_reads_paragraph_13()
    {
        // a–e under "What has worked?", then f–k under "What challenges remain?": one lettered run of eleven items.
        string html = PaperHtml.Render(SamplePapers.Render(PaperKinds.SelectCommittee), "paper", SamplePapers.ImageLink);
        Assert.Contains("<ol type=\"a\" start=\"6\">\n<li>Further developing and offering information and training", html, StringComparison.Ordinal);
        Assert.Contains("<ol type=\"a\" start=\"1\">\n<li>Increased understanding of Transitional Safeguarding", html, StringComparison.Ordinal);

        var familyHelp = Paper.Value.Numbered.Single(p => p.Text.StartsWith("The project will draw in the issues", StringComparison.Ordinal));
        Assert.Contains("described in paragraph 13 of this report", familyHelp.Text, StringComparison.Ordinal);
        Assert.StartsWith("An implementation plan was put in place", Paper.Value.Numbered[12].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_four_diagrams_have_alt_text_and_the_links_are_clickable()
    {
        var main = Paper.Value.Document.MainDocumentPart!;
        var pictures = main.Document!.Body!.Descendants<DrawingWord.DocProperties>().ToList();
        Assert.Equal(4, pictures.Count);
        Assert.All(pictures, p => Assert.True(p.Description?.Value?.Length > 40, $"{p.Name}: alt text '{p.Description}' says too little"));
        Assert.Equal(4, main.ImageParts.Count());

        var targets = main.Document.Body.Descendants<Hyperlink>()
            .Select(h => main.HyperlinkRelationships.Single(r => r.Id == h.Id).Uri.AbsoluteUri)
            .ToList();
        Assert.Contains("https://cms.wiltshire.gov.uk/documents/s175345/6_FACT.pdf", targets);
        Assert.Contains("mailto:simon.thomas@wiltshire.gov.uk", targets);
        Assert.Empty(PaperAccessibility.Problems(SamplePapers.Render(PaperKinds.SelectCommittee)));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^\s*(\d{1,2})\.\s+(\S.*)$")]
    private static partial Regex SeedNumber();
}
