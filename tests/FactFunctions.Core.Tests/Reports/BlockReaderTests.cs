using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using FactFunctions.TestSupport;
using FactFunctions.Validation;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>
/// Issue 24's foundation: blocks written into a real paper (a project's update in the Select Committee paper, numbered,
/// and in the Schools Forum paper, not numbered) and read back by <see cref="BlockReader"/> are the same blocks, for
/// random lists of every kind with hostile text.
/// </summary>
public sealed class BlockReaderTests
{
    private static readonly string[] Words =
    [
        "the", "Forum", "noted", "**bold phrase**", "[the offer](https://example.org/offer)", "https://example.org/a", "name@example.org",
        "<w:t>not markup</w:t>", "&amp;", "👩‍👩‍👧", "نص", "\t", "a\nb", "x**", "*", "{{moustache}}", "\u0001", "\uD800", "e\u0301",
    ];

    private static string Text(Random random, IReadOnlyList<string> ids)
    {
        var words = Enumerable.Range(0, random.Next(1, 8)).Select(_ => Words[random.Next(Words.Length)]).ToList();
        if (ids.Count > 0 && random.Next(4) == 0)
        {
            words.Insert(random.Next(words.Count + 1), $"{{ref:{ids[random.Next(ids.Count)]}}}");
        }

        // Starts and ends with a word, so the text is never blank.
        return $"Start {string.Join(' ', words)} end";
    }

    private static List<Block> Blocks(Random random)
    {
        var blocks = new List<Block>();
        var ids = new List<string>();
        int count = random.Next(1, 9);
        for (int i = 0; i < count; i++)
        {
            string? id = random.Next(3) == 0 ? $"block-{i}" : null;
            var block = random.Next(7) switch
            {
                0 => new Block { Type = BlockTypes.Paragraph, Text = Text(random, ids), Id = id },
                1 => new Block { Type = BlockTypes.Text, Text = Text(random, ids), Id = id },
                2 => new Block { Type = BlockTypes.Subheading, Text = Text(random, ids), Id = id },
                3 => new Block { Type = BlockTypes.Lettered, Items = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Text(random, ids))] },
                4 => new Block { Type = BlockTypes.Bulleted, Items = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Text(random, ids))] },
                5 => new Block { Type = BlockTypes.Paragraph, Text = Text(random, ids), Id = id, Items = [Text(random, ids)] },
                _ => new Block
                {
                    Type = BlockTypes.Table,
                    Rows = [.. Enumerable.Range(0, random.Next(1, 4))
                        .Select(_ => (IReadOnlyList<string>)[.. Enumerable.Range(0, 2).Select(_ => Words[random.Next(Words.Length)])])],
                },
            };
            if (block.Type is BlockTypes.Lettered or BlockTypes.Bulleted or BlockTypes.Table)
            {
                block = block with { Id = null };
            }

            blocks.Add(block);
            if (block.Id is not null)
            {
                ids.Add(block.Id);
            }
        }

        return blocks;
    }

    /// <summary>The blocks as the reader gives them back: cleaned text, lettered lists as their paragraph's items, runs of one kind of list as one.</summary>
    private static List<Block> Canonical(IEnumerable<Block> blocks, bool numbered)
    {
        static string Clean(string? text) => SafeText.Clean(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var result = new List<Block>();
        foreach (var original in blocks)
        {
            var block = original with
            {
                Text = original.Text is null ? null : Clean(original.Text),
                Items = original.Items is null ? null : [.. original.Items.Select(Clean)],
                Rows = original.Rows is null ? null : [.. original.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Clean)])],
            };
            if (!numbered && block.Type == BlockTypes.Text)
            {
                block = block with { Type = BlockTypes.Paragraph };
            }

            if (block.Type == BlockTypes.Paragraph && block.Items is { Count: 0 })
            {
                block = block with { Items = null };
            }

            var last = result.Count > 0 ? result[^1] : null;
            if (block.Type == BlockTypes.Lettered && last is { Type: BlockTypes.Paragraph or BlockTypes.Lettered })
            {
                result[^1] = last with { Items = [.. last.Items ?? [], .. block.Items!] };
            }
            else if (block.Type == BlockTypes.Bulleted && last is { Type: BlockTypes.Bulleted })
            {
                result[^1] = last with { Items = [.. last.Items!, .. block.Items!] };
            }
            else
            {
                result.Add(block);
            }
        }

        return result;
    }

    public static TheoryData<string> Kinds => [PaperKinds.SelectCommittee, PaperKinds.SchoolsForum];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Random_blocks_with_hostile_text_written_into_a_paper_are_read_back_the_same(string kind)
    {
        bool numbered = kind == PaperKinds.SelectCommittee;
        for (int seed = 0; seed < 60; seed++)
        {
            var blocks = Blocks(new Random(seed));
            var read = ReadBack(kind, blocks);
            string expected = BlockText.Show(Canonical(blocks, numbered)), actual = BlockText.Show(read);
            Assert.True(expected == actual, $"seed {seed}:\nexpected\n{expected}\nread\n{actual}");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Random_blocks_with_hostile_text_written_into_a_draft_are_read_back_the_same_through_its_markers(string kind)
    {
        // Issue 24's property test for the draft itself: the update's region, found by its hidden markers, and every
        // other region of the draft read back as what they hold.
        bool numbered = kind == PaperKinds.SelectCommittee;
        for (int seed = 0; seed < 40; seed++)
        {
            var blocks = Blocks(new Random(seed));
            var (document, _) = OneUpdateSample.With(blocks);
            var request = SamplePapers.Request(kind, document) with { Draft = new DraftSettings(StartFromPrevious: false, UpdatesSince: null) };
            var fields = PaperDefinitions.GetWord(kind).Compose(request);
            byte[] draft = PaperRenderer.Render(BuiltInTemplates.For(kind), fields);
            using var word = WordprocessingDocument.Open(new MemoryStream(draft), false);
            var main = word.MainDocumentPart!;
            var taken = DraftDocument.Read(main);
            Assert.Empty(taken.Problems);
            Assert.Equal(fields.Package.Draft!.Regions.Select(r => r.Id).Order(StringComparer.Ordinal), taken.Regions.Select(r => r.Id).Order(StringComparer.Ordinal));
            var bookmarks = blocks.Where(b => b.Id is not null).ToDictionary(b => PaperPackage.Bookmark(b.Id!), b => b.Id!);
            var span = taken.Regions.Single(r => r.Id.StartsWith(DraftRegion.UpdatePrefix, StringComparison.Ordinal) && r.Id.EndsWith(".read-back", StringComparison.Ordinal));
            var reader = new BlockReader(main, new BlockPlace(numbered, SubheadingLevel: 3), n => bookmarks.GetValueOrDefault(n));
            string expected = BlockText.Show(Canonical(blocks, numbered)), actual = BlockText.Show(reader.Read(span.Elements));
            Assert.True(reader.Problems.Count == 0, string.Join("\n", reader.Problems));
            Assert.True(expected == actual, $"seed {seed}:\nexpected\n{expected}\nread\n{actual}");
        }
    }

    [Fact]
    public void A_picture_comes_back_as_its_bytes_with_its_alt_text_and_caption_and_one_without_alt_text_is_a_problem()
    {
        var image = SampleProgramme.StoredImages()["fact-governance"];
        Block[] blocks = [new Block { Type = BlockTypes.Image, ImageId = image.Id, AltText = "The FACT boards and how they report", Caption = "Figure 1: governance" }];
        var read = Assert.Single(ReadBack(PaperKinds.SchoolsForum, blocks));
        Assert.Equal("img-" + image.Sha256[..32], read.ImageId);
        Assert.Equal("The FACT boards and how they report", read.AltText);
        Assert.Equal("Figure 1: governance", read.Caption);

        // The same paper with the alt text taken out in Word: a problem naming the paragraph, no block.
        var problems = ReadProblems(PaperKinds.SchoolsForum, blocks, main =>
        {
            foreach (var properties in main.Document!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>())
            {
                properties.Description = null;
            }
        });
        Assert.Contains(problems, p => p.Contains("has no alt text", StringComparison.Ordinal));
    }

    [Fact]
    public void Tracked_changes_are_a_problem_never_half_read()
    {
        Block[] blocks = [new Block { Type = BlockTypes.Paragraph, Text = "The Forum noted the update." }];
        var problems = ReadProblems(PaperKinds.SchoolsForum, blocks, main =>
        {
            var paragraph = main.Document!.Body!.Descendants<Paragraph>().First(p => p.InnerText == "The Forum noted the update.");
            paragraph.AppendChild(new InsertedRun(new Run(new Text(" And welcomed it."))) { Id = "1", Author = "A member" });
        });
        Assert.Contains(problems, p => p.Contains("accept or reject the tracked changes first", StringComparison.Ordinal));
    }

    /// <summary>The problems the reader finds in the region after <paramref name="edit"/> changed the rendered paper.</summary>
    private static IReadOnlyList<string> ReadProblems(string kind, IReadOnlyList<Block> blocks, Action<MainDocumentPart> edit) =>
        ReadEdited(kind, blocks, edit).Problems;

    /// <summary>The blocks and problems the reader finds in the region after <paramref name="edit"/> changed the rendered paper.</summary>
    private static (IReadOnlyList<Block> Blocks, IReadOnlyList<string> Problems) ReadEdited(string kind, IReadOnlyList<Block> blocks, Action<MainDocumentPart> edit)
    {
        var (paper, name) = RenderWith(kind, blocks);
        using var stream = new MemoryStream();
        stream.Write(paper);
        using var word = WordprocessingDocument.Open(stream, true);
        var main = word.MainDocumentPart!;
        edit(main);
        var region = Region(main, name, kind);
        var bookmarks = blocks.Where(b => b.Id is not null).ToDictionary(b => PaperPackage.Bookmark(b.Id!), b => b.Id!, StringComparer.Ordinal);
        var reader = new BlockReader(main, new BlockPlace(Numbered: kind == PaperKinds.SelectCommittee, SubheadingLevel: 3), n => bookmarks.GetValueOrDefault(n));
        return (reader.Read(region), reader.Problems);
    }

    private const string W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    /// <summary>The paragraph whose text is <paramref name="text"/> replaced by one written as raw WordprocessingML.</summary>
    private static void Replace(MainDocumentPart main, string text, string xml)
    {
        var paragraph = main.Document!.Body!.Descendants<Paragraph>().First(p => p.InnerText.StartsWith(text, StringComparison.Ordinal));
        paragraph.InsertAfterSelf(new Paragraph($"<w:p {W}>{xml}</w:p>"));
        paragraph.Remove();
    }

    [Fact]
    public void Values_Word_would_never_write_are_read_as_absent_not_thrown_on()
    {
        Block[] blocks = [new Block { Type = BlockTypes.Paragraph, Text = "Odd values." }];
        var (read, problems) = ReadEdited(PaperKinds.SchoolsForum, blocks, main => Replace(main, "Odd values.",
            "<w:pPr><w:pStyle w:val=\"NoSuchStyle\"/><w:numPr><w:ilvl w:val=\"one\"/><w:numId w:val=\"x\"/></w:numPr></w:pPr>" +
            "<w:r><w:rPr><w:b w:val=\"True\"/></w:rPr><w:t>Odd</w:t></w:r><w:r><w:fldChar w:fldCharType=\"foo\"/></w:r>" +
            "<w:r><w:sym w:font=\"Symbol\" w:char=\"zz\"/><w:t xml:space=\"preserve\"> values.</w:t></w:r>"));
        Assert.Empty(problems);
        Assert.Equal("paragraph text=[**Odd** values.]", Assert.Single(read) is var b ? $"{b.Type} text=[{b.Text}]" : null);
    }

    [Fact]
    public void Fields_nest_a_reference_without_its_result_is_still_one_and_links_the_markup_cannot_hold_stay_readable()
    {
        Block[] blocks = [new Block { Type = BlockTypes.Paragraph, Id = "target", Text = "The target." }, new Block { Type = BlockTypes.Paragraph, Text = "Fields here." }];
        string bookmark = PaperPackage.Bookmark("target");
        string Field(string instruction, string result) =>
            $"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">{instruction}</w:instrText></w:r>" +
            $"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>{result}<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
        var (read, problems) = ReadEdited(PaperKinds.SchoolsForum, blocks, main =>
        {
            string link = main.AddHyperlinkRelationship(new Uri("https://example.org/a_(b)"), true).Id;
            string blank = main.AddHyperlinkRelationship(new Uri("https://example.org/blank"), true).Id;
            Replace(main, "Fields here.",
                "<w:r><w:t xml:space=\"preserve\">See </w:t></w:r>" +
                Field(" QUOTE ", Field($" REF {bookmark} \\h ", "<w:r><w:t>9</w:t></w:r>") + "<w:r><w:t xml:space=\"preserve\"> and</w:t></w:r>") +
                $"<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> REF {bookmark} </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" +
                $"<w:r><w:t xml:space=\"preserve\">, </w:t></w:r><w:hyperlink r:id=\"{link}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                "<w:r><w:t>the page</w:t></w:r></w:hyperlink><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>" +
                $"<w:hyperlink r:id=\"{blank}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
                "<w:r><w:t xml:space=\"preserve\"> </w:t></w:r></w:hyperlink>");
        });
        Assert.Empty(problems);
        string text = read[1].Text!;
        Assert.Equal("See {ref:target} and{ref:target}, [the page](https://example.org/a_(b%29) https://example.org/blank", text);
        var pieces = InlineText.Parse(text);
        Assert.Contains(pieces, p => p is LinkPiece { Label: "the page" } l && l.Target.AbsoluteUri.StartsWith("https://example.org/a_(b", StringComparison.Ordinal));
    }

    [Fact]
    public void Content_controls_and_character_styles_are_read_through_and_an_empty_table_or_a_picture_beside_words_is_a_problem()
    {
        Block[] blocks = [new Block { Type = BlockTypes.Paragraph, Text = "Inside a control." }, new Block { Type = BlockTypes.Paragraph, Text = "After it." }];
        var (read, problems) = ReadEdited(PaperKinds.SchoolsForum, blocks, main =>
        {
            var strong = new Style(new StyleName { Val = "Strong" }, new StyleRunProperties(new Bold())) { Type = StyleValues.Character, StyleId = "Strong" };
            main.StyleDefinitionsPart!.Styles!.AppendChild(strong);
            var paragraph = main.Document!.Body!.Descendants<Paragraph>().First(p => p.InnerText == "Inside a control.");
            paragraph.InsertAfterSelf(new SdtBlock(new SdtProperties(new Tag { Val = "fact:region" }), new SdtContentBlock(paragraph.CloneNode(true))));
            paragraph.Remove();
            Replace(main, "After it.", "<w:r><w:rPr><w:rStyle w:val=\"Strong\"/></w:rPr><w:t>After</w:t></w:r><w:r><w:t xml:space=\"preserve\"> it.</w:t></w:r>");
            var after = main.Document.Body.Descendants<Paragraph>().First(p => p.InnerText == "After it.");
            after.InsertAfterSelf(new Table(new TableProperties()));
        });
        Assert.Equal(["Inside a control.", "**After** it."], read.Select(b => b.Text));
        Assert.Contains(problems, p => p.Contains("a table has no cells", StringComparison.Ordinal));
    }

    [Fact]
    public void A_picture_that_shares_its_paragraph_with_words_is_a_problem()
    {
        var image = SampleProgramme.StoredImages()["fact-governance"];
        Block[] blocks = [new Block { Type = BlockTypes.Image, ImageId = image.Id, AltText = "The boards" }];
        var problems = ReadProblems(PaperKinds.SchoolsForum, blocks, main =>
            main.Document!.Body!.Descendants<Drawing>().First().Parent!.InsertAfterSelf(new Run(new Text("and words"))));
        Assert.Contains(problems, p => p.Contains("shares its paragraph with text", StringComparison.Ordinal));
    }

    /// <summary>Renders the paper with <paramref name="blocks"/> as the only update (no indicators, no free sections) and reads that region back.</summary>
    internal static IReadOnlyList<Block> ReadBack(string kind, IReadOnlyList<Block> blocks)
    {
        var (paper, name) = RenderWith(kind, blocks);
        using var word = WordprocessingDocument.Open(new MemoryStream(paper), false);
        var main = word.MainDocumentPart!;
        var region = Region(main, name, kind);
        var bookmarks = blocks.Where(b => b.Id is not null).ToDictionary(b => PaperPackage.Bookmark(b.Id!), b => b.Id!, StringComparer.Ordinal);
        var reader = new BlockReader(main, new BlockPlace(Numbered: kind == PaperKinds.SelectCommittee, SubheadingLevel: 3), n => bookmarks.GetValueOrDefault(n));
        var read = reader.Read(region);
        Assert.Empty(reader.Problems);
        return read;
    }

    private static (byte[] Paper, string Project) RenderWith(string kind, IReadOnlyList<Block> blocks)
    {
        var (document, project) = OneUpdateSample.With(blocks);
        return (SamplePapers.Render(kind, document), project);
    }

    /// <summary>The project's update: from its heading to the next heading or section.</summary>
    private static List<DocumentFormat.OpenXml.OpenXmlElement> Region(MainDocumentPart main, string name, string kind)
    {
        var body = main.Document!.Body!.ChildElements.ToList();
        int start = body.FindIndex(e => e is Paragraph p && p.InnerText == name && Style(p) == "Heading2");
        Assert.True(start >= 0, $"No heading '{name}' in the {kind} paper.");
        int end = body.FindIndex(start + 1, e => e is Paragraph p && Style(p) is "Heading1" or "Heading2" or DocumentBuilder.SectionStyle);
        return body[(start + 1)..end];
    }

    private static string? Style(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
}
