using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports.Publication;

namespace FactFunctions.Core.Tests.Reports;

public sealed partial class PaperHtmlTests
{
    [Theory]
    [InlineData(PaperKinds.SelectCommittee)]
    [InlineData(PaperKinds.SchoolsForum)]
    public void A_paper_reads_as_html_with_its_headings_in_order_and_its_tables_marked(string kind)
    {
        string html = PaperHtml.Render(SamplePapers.Render(kind), "fallback", SamplePapers.ImageLink);

        var levels = Heading().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(levels);
        Assert.Equal(1, levels[0]);
        for (int i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading {i} jumps from h{levels[i - 1]} to h{levels[i]}");
        }

        Assert.Contains("<th scope=\"col\">", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_and_letters_are_the_ones_word_shows()
    {
        string html = PaperHtml.Render(SamplePapers.Render(PaperKinds.SelectCommittee), "fallback", SamplePapers.ImageLink);

        // Paragraph numbers run on across sections, as one Word list numbers them; letters restart under each paragraph.
        var numbers = Number().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count > 30, $"only {numbers.Count} numbered paragraphs");
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.Contains("<ol type=\"a\" start=\"1\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_is_encoded_and_only_web_and_mail_links_are_links()
    {
        var sample = SampleProgramme.Load();
        var hostile = sample with
        {
            Projects = [.. sample.Projects!.Select((p, i) => i == 0 ? p with { Name = "<script>alert(1)</script> & \"quoted\"" } : p)],
        };
        string html = PaperHtml.Render(SamplePapers.Render(PaperKinds.SelectCommittee, hostile), "fallback", SamplePapers.ImageLink);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;", html, StringComparison.Ordinal);

        string links = PaperHtml.Render(DocumentWithLinks("javascript:alert(1)", "https://www.wiltshire.gov.uk/", "mailto:fact@example.org"), "Links", SamplePapers.ImageLink);
        Assert.DoesNotContain("href=\"javascript", links, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<p>link to javascript:alert(1)</p>", links, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.wiltshire.gov.uk/\">", links, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:fact@example.org\">", links, StringComparison.Ordinal);
    }

    /// <summary>
    /// One diagram shown twenty times is one link twenty times, never its bytes (issue 28, finding 2: a 5 MiB image in
    /// twenty blocks made a 140 MB page); the page is as large as its text whatever the pictures weigh.
    /// </summary>
    [Fact]
    public void An_image_shown_many_times_is_one_link_and_no_image_bytes_are_inlined()
    {
        var sample = SampleProgramme.Load();
        var repeated = Enumerable.Range(0, 20).Select(i => new Block { Type = BlockTypes.Image, ImageId = "fact-governance", AltText = $"Governance {i}" });
        var document = sample with { Programme = sample.Programme! with { Background = [.. sample.Programme!.Background!, .. repeated] } };
        byte[] docx = SamplePapers.Render(PaperKinds.SelectCommittee, document);

        string html = PaperHtml.Render(docx, "fallback", SamplePapers.ImageLink);
        string plain = PaperHtml.Render(SamplePapers.Render(PaperKinds.SelectCommittee), "fallback", SamplePapers.ImageLink);

        var sources = ImageSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(24, sources.Count);
        Assert.Equal(4, sources.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(21, sources.Count(s => s == sources[^1]));
        Assert.DoesNotContain("data:", html, StringComparison.Ordinal);
        Assert.True(html.Length < plain.Length + 20 * 200, $"twenty more images made the page {html.Length - plain.Length} characters longer");
    }

    private static byte[] DocumentWithLinks(params string[] targets)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (string target in targets)
            {
                var relationship = main.AddHyperlinkRelationship(new Uri(target), true);
                body.AppendChild(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new Hyperlink(new Run(new Text($"link to {target}"))) { Id = relationship.Id }));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    [GeneratedRegex("<span class=\"number\">([0-9]+)\\.</span>")]
    private static partial Regex Number();

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex("<h([1-6])>")]
    private static partial Regex Heading();
}
