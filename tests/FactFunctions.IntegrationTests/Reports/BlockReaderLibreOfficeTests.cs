using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;

namespace FactFunctions.IntegrationTests.Reports;

/// <summary>
/// Issue 24's foundation against the real thing: a paper re-saved by LibreOffice Writer (which rewrites runs, numbering,
/// styles and fields) reads back as the same blocks as the paper itself, in a numbered place and a plain one.
/// </summary>
public sealed class BlockReaderLibreOfficeTests
{
    private static readonly IReadOnlyList<Block> Written =
    [
        new Block { Type = BlockTypes.Paragraph, Id = "opening", Text = "The pilot has run since **Spring 2023** in Westbury and Warminster." },
        new Block { Type = BlockTypes.Subheading, Text = "What families told us" },
        new Block { Type = BlockTypes.Bulleted, Items = ["One place for help: [All Together](https://example.org/all-together)", "Write to name@example.org\tor call"] },
        new Block
        {
            Type = BlockTypes.Paragraph, Text = "As paragraph {ref:opening} says, the outcomes framework has two horizons:", Items = ["short-term indicators", "longer-term ones"],
        },
        new Block { Type = BlockTypes.Text, Text = "See https://example.org/framework for the framework <w:t> & \"quotes\"." },
        new Block { Type = BlockTypes.Table, Rows = [["Indicator", "Horizon"], ["MASH referrals", "Short"], ["Attendance", "Long"]] },
    ];

    public static TheoryData<string> Kinds => [PaperKinds.SelectCommittee, PaperKinds.SchoolsForum];

    [LibreOfficeTheory]
    [MemberData(nameof(Kinds))]
    public async Task A_paper_resaved_by_LibreOffice_reads_back_as_the_same_blocks(string kind)
    {
        byte[] paper = Render(kind);
        byte[] resaved = await LibreOffice.ConvertAsync(paper, "paper", "docx", "docx:MS Word 2007 XML", "docx");

        // What was written, in the reader's canonical form: the lettered items are their paragraph's; in the Forum's
        // paper (not numbered) a text block is a paragraph.
        var expected = Written.Select(b => b.Type == BlockTypes.Text && kind == PaperKinds.SchoolsForum ? b with { Type = BlockTypes.Paragraph } : b);
        string written = FactFunctions.TestSupport.BlockText.Show(expected);
        Assert.Equal(written, FactFunctions.TestSupport.BlockText.Show(Read(kind, paper)));
        Assert.Equal(written, FactFunctions.TestSupport.BlockText.Show(Read(kind, resaved)));

        // LibreOffice did rewrite it: the cross-reference is a field of its own making, the lists its own numbering.
        using var word = WordprocessingDocument.Open(new MemoryStream(resaved), false);
        string xml = word.MainDocumentPart!.Document!.OuterXml;
        Assert.DoesNotContain("w:fldSimple", xml, StringComparison.Ordinal);
        Assert.Contains("REF _RefFact", xml, StringComparison.Ordinal);
    }

    private static byte[] Render(string kind)
    {
        var (document, _) = FactFunctions.TestSupport.OneUpdateSample.With(Written);
        var request = new PaperRequest
        {
            Kind = kind,
            MeetingDate = new DateOnly(2022, 11, 8),
            Snapshot = new FactFunctions.Snapshots.ProgrammeSnapshot
            {
                Header = new FactFunctions.Snapshots.SnapshotHeader
                {
                    Id = "read-back",
                    Kind = FactFunctions.Snapshots.SnapshotKinds.OnDemand,
                    AsOf = new DateOnly(2022, 10, 14),
                    Counts = new FactFunctions.Snapshots.SnapshotCounts(0, 0, 0, 0, 0, 0),
                },
                State = ProgrammeState.FromDocument(document, new DateOnly(2022, 10, 14)),
            },
            Images = SampleProgramme.StoredImages(),
        };
        return PaperDefinitions.Get(kind).Render(FactFunctions.Reports.BuiltInTemplates.For(kind), request);
    }

    /// <summary>The first project's update, from its heading to the next heading or section, as blocks.</summary>
    private static IReadOnlyList<Block> Read(string kind, byte[] paper)
    {
        using var word = WordprocessingDocument.Open(new MemoryStream(paper), false);
        var main = word.MainDocumentPart!;
        var styles = (main.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? []).ToDictionary(s => s.StyleId!.Value!, s => s.StyleName?.Val?.Value ?? string.Empty);
        string Name(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is { } id ? styles.GetValueOrDefault(id) ?? id : string.Empty;
        var body = main.Document!.Body!.ChildElements.ToList();
        string project = FactFunctions.TestSupport.OneUpdateSample.With(Written).Project;
        int start = body.FindIndex(e => e is Paragraph p && p.InnerText == project && Name(p).Equals("heading 2", StringComparison.OrdinalIgnoreCase));
        Assert.True(start >= 0, $"No heading '{project}' in the {kind} paper.");
        int end = body.FindIndex(start + 1, e => e is Paragraph p &&
            (Name(p).ToLowerInvariant() is "heading 1" or "heading 2" || Name(p).Contains("Section", StringComparison.Ordinal)));
        var ids = Written.Where(b => b.Id is not null).ToDictionary(b => PaperPackage.Bookmark(b.Id!), b => b.Id!, StringComparer.Ordinal);
        var reader = new BlockReader(main, new BlockPlace(Numbered: kind == PaperKinds.SelectCommittee, SubheadingLevel: 3), n => ids.GetValueOrDefault(n));
        var read = reader.Read(body[(start + 1)..end]);
        Assert.Empty(reader.Problems);
        return read;
    }

}
