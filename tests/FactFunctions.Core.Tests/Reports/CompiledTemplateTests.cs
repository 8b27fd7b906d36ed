using System.IO.Compression;
using CsCheck;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using FactFunctions.Validation;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>
/// The compiled renderer against the oracle (<see cref="ReferenceFiller"/>, the template's document model filled in
/// place): the same XML for the real papers, and for random values in a template built to be awkward.
/// </summary>
public class CompiledTemplateTests
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    [Theory]
    [MemberData(nameof(PaperTests.Kinds), MemberType = typeof(PaperTests))]
    public void Sample_papers_match_the_document_model_fill(string kind)
    {
        var fields = PaperComposer.Compose(SamplePapers.Request(kind));

        AssertSameAsReference(BuiltInTemplates.For(kind), fields);
    }

    [Fact]
    public void A_paper_with_a_changes_annex_and_many_milestones_matches_the_document_model_fill()
    {
        var sample = SampleProgramme.Load();
        var document = sample with
        {
            Projects = sample.Projects!.Select((p, i) => p with
            {
                Milestones = [.. p.Milestones ?? [], .. Enumerable.Range(0, 60).Select(m => new MilestoneDocument { Id = $"extra-{m}",
                    Activity = $"Extra <step> & \"{m}\"\tnext", Due = "Spring term 2023", Status = "planned", Order = 100 + m })],
            }).ToList(),
        };
        var request = SamplePapers.Request(PaperKinds.SelectCommittee, document) with
        {
            Previous = new PreviousPaper(new DateOnly(2022, 6, 14), "earlier"),
            Changes = FactFunctions.Snapshots.SnapshotDiff.Compare(SamplePapers.Snapshot(), SamplePapers.Snapshot(document)),
        };

        AssertSameAsReference(BuiltInTemplates.For(PaperKinds.SelectCommittee), PaperComposer.Compose(request));
    }

    [Fact]
    public void Random_values_in_an_awkward_template_match_the_document_model_fill()
    {
        byte[] template = AwkwardTemplate();

        Set(depth: 2).Sample(build => AssertSameAsReference(template, build(null)), iter: 300);
    }

    [Fact]
    public void Parts_without_controls_are_copied_unchanged_and_the_compiled_template_is_reused()
    {
        byte[] template = BuiltInTemplates.For(PaperKinds.SchoolsForum);
        byte[] paper = SamplePapers.Render(PaperKinds.SchoolsForum);

        Assert.Equal(Entry(template, "word/styles.xml"), Entry(paper, "word/styles.xml"));
        Assert.Equal(Entry(template, "word/numbering.xml"), Entry(paper, "word/numbering.xml"));
        Assert.Same(PaperRenderer.For(template), PaperRenderer.For([.. template]));
        Assert.NotSame(PaperRenderer.For(template), PaperRenderer.For(BuiltInTemplates.For(PaperKinds.SelectCommittee)));
    }

    [Fact]
    public void Text_is_escaped_and_broken_into_runs_the_way_the_document_model_writes_it()
    {
        byte[] template = AwkwardTemplate();
        var fields = new FieldSet().Text("t.inline", "a < b && c > d\r\nnext\tcolumn\rlast\n").Text("h.title", "\u0001\uD800]]>");

        AssertSameAsReference(template, fields);
        string body = System.Text.Encoding.UTF8.GetString(Entry(PaperRenderer.Render(template, fields), "word/document.xml"));
        Assert.Contains("a &lt; b &amp;&amp; c &gt; d", body, StringComparison.Ordinal);
    }

    private static void AssertSameAsReference(byte[] template, FieldSet fields)
    {
        var expected = ReferenceFiller.Parts(template, fields);
        var actual = ReferenceFiller.Parts(PaperRenderer.Render(template, fields), expected.Keys);
        foreach (var (name, xml) in expected)
        {
            Assert.Equal(ReferenceFiller.Canonical(xml), ReferenceFiller.Canonical(actual[name]));
        }
    }

    private static byte[] Entry(byte[] package, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var stream = archive.GetEntry(name)!.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    // ---- Random field values -------------------------------------------------------------------------------------

    private static readonly string[] Tags =
        ["p.list", "t.inline", "t.norun", "p.inline", "nocontent", "", "t.block", "e.block", "t.nested", "r.outer", "t.name", "t.cell", "r.inner", "t.a", "p.cell", "h.title"];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Const(string.Empty),
        Gen.Const("a\r\nb\tc"),
        Gen.Const("<w:t>&amp;</w:t> ]]>"),
        Gen.Const("x\ry\n\nz\t"),
        Gen.Const("\uD800 lone \uDC00"),
        Gen.Const("\u0001\u000B\uFFFE"),
        Gen.Const("emoji 🎉  two spaces "));

    private static readonly Gen<FactFunctions.Programme.Block> ParagraphValue =
        Gen.Select(Text, Text.Array[0, 2], Gen.Bool, (text, items, withItems) => new FactFunctions.Programme.Block { Text = text, Items = withItems ? items : null });

    private static readonly Func<FieldSet, TemplateField?> Nothing = _ => null;

    private static readonly Gen<string?> WhenEmpty = Gen.Bool.Select(none => none ? null : "None.");

    private static Gen<Func<FieldSet, TemplateField?>> Field(int depth) => Gen.OneOf(
        Gen.Const(Nothing),
        Text.Select(text => (Func<FieldSet, TemplateField?>)(_ => new TextField(text))),
        Gen.Select(ParagraphValue.Array[0, 3], WhenEmpty, (paragraphs, whenEmpty) =>
            (Func<FieldSet, TemplateField?>)(_ => new ParagraphsField(paragraphs, whenEmpty))),
        Text.Select(text => (Func<FieldSet, TemplateField?>)(_ => new ElementsField(
        [
            new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Auto, Width = "0" }),
                new TableGrid(new GridColumn { Width = "2000" }), new TableRow(new TableCell(new WordParagraph(new Run(new Text(SafeText.Clean(text))))))),
            new WordParagraph(new Run(new Text(SafeText.Clean(text)) { Space = SpaceProcessingModeValues.Preserve })),
        ]))),
        depth == 0
            ? Gen.Const(Nothing)
            : Set(depth - 1).Array[0, 3].Select(items => (Func<FieldSet, TemplateField?>)(outer => new RepeatField(items.Select(item => item(outer)).ToList()))));

    private static Gen<Func<FieldSet?, FieldSet>> Set(int depth) =>
        Field(depth).Array[Tags.Length].Select(values => (Func<FieldSet?, FieldSet>)(outer =>
        {
            var set = new FieldSet(outer);
            for (int i = 0; i < Tags.Length; i++)
            {
                set[Tags[i]] = values[i](set);
            }

            return set;
        }));

    // ---- A template with every shape of control the renderer meets ---------------------------------------------------

    private static string Control(string? tag, string content, string? properties = null) =>
        $"<w:sdt><w:sdtPr>{(tag is null ? string.Empty : $"<w:tag w:val=\"{tag}\"/>")}{properties}</w:sdtPr>{content}</w:sdt>";

    private static string Content(string inner) => $"<w:sdtContent>{inner}</w:sdtContent>";

    internal static byte[] AwkwardTemplate()
    {
        string document =
            $"<w:document xmlns:w=\"{W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" +
            // Paragraph models at the top of the body: a heading and a bullet item.
            Control("p.list",
                Content("<w:p><w:pPr><w:pStyle " +
                    "w:val=\"Heading1\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>model</w:t></w:r><w:r><w:t>dropped</w:t></w:r></w:p>" +
                    "<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr><w:r><w:t>item</w:t></w:r></w:p>")) +
            // A paragraph declaring its own namespace, with inline controls of several kinds.
            "<w:p xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" w14:paraId=\"1A2B3C4D\"><w:r><w:t xml:space=\"preserve\">Dear </w:t></w:r>" +
            Control("t.inline", Content("<w:r><w:rPr><w:i/></w:rPr><w:t>first</w:t></w:r><w:r><w:t>second</w:t></w:r>")) +
            Control("t.norun", Content(string.Empty)) +
            Control("p.inline", Content("<w:r><w:rPr><w:u w:val=\"single\"/></w:rPr><w:t>x</w:t></w:r>")) +
            Control("nocontent", string.Empty) +
            Control(null, Content("<w:r><w:t>untagged</w:t></w:r>")) +
            "<w:r><w:t xml:space=\"preserve\"> end</w:t></w:r></w:p>" +
            Control("t.block", Content(string.Empty)) +
            Control("e.block", Content("<w:p/>")) +
            // A text control holding another control: the outer one is filled; the inner one is left as it is.
            Control("t.nested", Content("<w:p><w:r><w:t>outer</w:t></w:r>" + Control("t.a", Content("<w:r><w:t>inner</w:t></w:r>")) + "</w:p>")) +
            "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid>" +
            "<w:tr><w:tc><w:p><w:r><w:t>Head</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>" +
            Control("r.outer", Content(
                "<w:tr><w:tc><w:p>" + Control("t.name", Content("<w:r><w:rPr><w:b/></w:rPr><w:t>name</w:t></w:r>")) + "</w:p></w:tc>" +
                Control("t.cell", Content("<w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc>")) + "</w:tr>" +
                Control("r.inner", Content(
                    "<w:tr><w:tc><w:p>" + Control("t.a", Content("<w:r><w:t>a</w:t></w:r>")) + "</w:p></w:tc><w:tc>" +
                    Control("p.cell", Content("<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:t>p</w:t></w:r></w:p>")) + "</w:tc></w:tr>")))) +
            "</w:tbl><w:p/>" +
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>" +
            "</w:body></w:document>";
        string header = $"<w:hdr xmlns:w=\"{W}\"><w:p><w:r><w:t xml:space=\"preserve\">Paper: </w:t></w:r>{Control("h.title",
            Content("<w:r><w:t>title</w:t></w:r>"))}</w:p></w:hdr>";

        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            Feed(main, document);
            Feed(main.AddNewPart<HeaderPart>("rIdHeader"), header);
        }

        return stream.ToArray();
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        part.FeedData(data);
    }
}
