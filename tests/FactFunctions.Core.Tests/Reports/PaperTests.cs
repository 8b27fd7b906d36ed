using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using FactFunctions.Snapshots;
using FactFunctions.Validation;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Core.Tests.Reports;

public class PaperTests
{
    public static TheoryData<string> Kinds => new() { PaperKinds.SelectCommittee, PaperKinds.SchoolsForum };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_sample_paper_has_no_schema_errors(string kind)
    {
        AssertValid(SamplePapers.Render(kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_built_in_template_has_no_schema_errors(string kind)
    {
        AssertValid(BuiltInTemplates.For(kind));
    }

    [Fact]
    public void The_key_milestones_table_has_the_seed_rows_in_order_under_their_project_headings()
    {
        using var document = Open(SamplePapers.Render(PaperKinds.SelectCommittee));

        var rows = MilestoneTableRows(document);

        Assert.Equal(
            [
                "# Early Support Assessment",
                "Audit Report presented to the FACT Operational Board | 1 November 2022",
                "Decision to formally transition the project to business as usual | 1 November 2022",
                "ESA project evaluated and closed | 31 December 2022",
                "# Transitional Safeguarding",
                "Workshops gathering feedback | October – December 2022",
                "Report presented to the Operational Board | January 2023",
                "Report presented to the Executive Board | January/February 2023",
                "Decision on future activity | February 2023",
                "# Family Help",
                "FACT/SVPP Workforce Development Lead selected | October 2022",
                "Consultation on Family Hubs model | October 2022 – February 2023",
                "Local stakeholder events begun in Westbury/Warminster | October 2022",
                "Evaluation partner confirmed | October 2022",
                "Migration of existing Family Help information to Wiltshire Together platform | December 2022",
                "Recruitment of additional resources | December 2022",
                "Formal pilot activity begins | January 2023",
                "Continual assessment and learning | January 2023-August 2024",
                "Formal evaluation concluded and decision on future rollout | July 2024-September 2024",
            ],
            rows);
    }

    [Fact]
    public void Body_paragraphs_are_numbered_by_one_word_list_not_typed_numbers()
    {
        using var document = Open(SamplePapers.Render(PaperKinds.SelectCommittee));
        var main = document.MainDocumentPart!;

        var numbered = main.Document!.Body!.Descendants<WordParagraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == DocumentBuilder.NumberedStyle)
            .ToList();
        var style = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Single(s => s.StyleId == DocumentBuilder.NumberedStyle);
        var numbering = style.StyleParagraphProperties!.NumberingProperties!;

        Assert.True(numbered.Count >= 50, $"only {numbered.Count} numbered paragraphs");
        Assert.Equal(0, numbering.NumberingLevelReference!.Val!.Value);
        Assert.NotNull(main.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().SingleOrDefault(n => n.NumberID!.Value == numbering.NumberingId!.Val!.Value));
        Assert.DoesNotContain(numbered, p => System.Text.RegularExpressions.Regex.IsMatch(p.InnerText, @"^\d+\.\s"));
        Assert.All(numbered, p => Assert.Null(p.ParagraphProperties!.NumberingProperties));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_content_control_or_placeholder_is_left_in_a_paper(string kind)
    {
        using var document = Open(SamplePapers.Render(kind));
        var main = document.MainDocumentPart!;

        Assert.Empty(main.Document!.Descendants<SdtElement>());
        Assert.DoesNotContain("«", main.Document.InnerText, StringComparison.Ordinal);
        Assert.All(main.FooterParts, f => Assert.Empty(f.Footer!.Descendants<SdtElement>()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_table_repeats_its_header_row_and_the_footer_numbers_pages(string kind)
    {
        using var document = Open(SamplePapers.Render(kind));
        var main = document.MainDocumentPart!;

        var tables = main.Document!.Body!.Descendants<Table>().ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.NotNull(t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>()));
        Assert.Contains(main.FooterParts.SelectMany(f => f.Footer!.Descendants<SimpleField>()), f => f.Instruction!.Value!.Contains("PAGE", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_same_snapshot_and_template_give_the_same_bytes(string kind)
    {
        Assert.Equal(SamplePapers.Render(kind), SamplePapers.Render(kind));
        Assert.Equal(BuiltInTemplates.Build(kind), BuiltInTemplates.Build(kind));
    }

    [Fact]
    public void The_cover_names_the_committee_meeting_and_previous_report()
    {
        using var document = Open(SamplePapers.Render(PaperKinds.SelectCommittee));
        string text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<WordParagraph>().Select(p => p.InnerText));

        Assert.Contains("Children’s Select Committee\n8 November 2022", text, StringComparison.Ordinal);
        Assert.Contains("1. Notes the updates since the last report to Children’s Select Committee in March 2020", text, StringComparison.Ordinal);
        Assert.Contains("Date of report: 14 October 2022", text, StringComparison.Ordinal);
        Assert.Contains("For 2020/21, Wiltshire was ranked 10 of 156 Local Authorities by the DfE and is in Quartile Banding A", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Annex: Changes since the last report", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changes_annex_follows_when_there_was_an_earlier_paper()
    {
        var before = SamplePapers.Snapshot();
        var edited = SampleProgramme.Load();
        var familyHelp = edited.Projects!.Single(p => p.Id == "family-help");
        var milestones = familyHelp.Milestones!.ToList();
        milestones[3] = milestones[3] with { Due = "December 2022" };
        var projects = edited.Projects!.ToList();
        projects[projects.IndexOf(familyHelp)] = familyHelp with { Milestones = milestones };
        var after = SamplePapers.Snapshot(edited with { Projects = projects }) with { };
        var request = SamplePapers.Request(PaperKinds.SelectCommittee) with
        {
            Snapshot = after,
            Previous = new PreviousPaper(new DateOnly(2022, 9, 6), "earlier"),
            Changes = SnapshotDiff.Compare(before with { Header = before.Header with { Id = "earlier" } }, after),
        };

        using var document = Open(PaperRenderer.Render(BuiltInTemplates.For(PaperKinds.SelectCommittee), PaperComposer.Compose(request)));
        string text = string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<WordParagraph>().Select(p => p.InnerText));

        Assert.Contains("Annex: Changes since the last report", text, StringComparison.Ordinal);
        Assert.Contains("Family Help: “Evaluation partner confirmed” re-dated from October 2022 to December 2022.", text, StringComparison.Ordinal);
        Assert.Contains("Children’s Select Committee in September 2022", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2_000)]
    public void Papers_with_0_1_and_2000_milestones_are_valid_and_list_them_all(int count)
    {
        var document = SampleProgramme.Load() with
        {
            Projects =
            [
                new ProjectDocument
                {
                    Id = "load",
                    Name = "Load project",
                    Status = "active",
                    Milestones = Enumerable.Range(0, count).Select(i => new MilestoneDocument
                    {
                        Id = $"m{i}",
                        Activity = $"Milestone {i}",
                        Due = "December 2022",
                        Status = "planned",
                        Order = i,
                    }).ToList(),
                },
            ],
        };

        foreach (string kind in PaperKinds.All)
        {
            byte[] paper = SamplePapers.Render(kind, document);
            AssertValid(paper);
            if (kind == PaperKinds.SelectCommittee)
            {
                using var open = Open(paper);
                Assert.Equal(count, MilestoneTableRows(open).Count(r => !r.StartsWith('#')));
            }
        }
    }

    public static TheoryData<string> HostileTexts => new()
    {
        "control \u0001\u0002\u001F characters",
        "lone surrogate \uD800 here and \uDC00 there",
        new string('x', 100_000),
        "نص من اليمين إلى اليسار עברית",
        "emoji 👩‍👩‍👧 🎉",
        "<w:t>not markup</w:t> & </w:p>",
        "{{moustache}} {%if%} ${x}",
        "line\nbreak\ttab\r\nwindows",
        "\uFFFE\uFFFF noncharacters",
    };

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Hostile_text_everywhere_still_gives_valid_papers(string hostile)
    {
        var sample = SampleProgramme.Load();
        var document = sample with
        {
            Programme = sample.Programme! with
            {
                Title = hostile,
                Principles = [hostile, hostile],
                Background = [hostile, new FactFunctions.Programme.Block { Text = hostile, Items = [hostile] }],
                Governance = [],
                Risks = new RiskRegisters { IfNotTaken = [new Risk { Description = hostile }], IfTaken = [new Risk { Description = hostile, Mitigation = hostile }] },
                Author = new Person { Name = hostile, Role = hostile, Email = hostile },
                RiskRegister = [new RegisterRisk { Description = hostile, Rating = RiskRating.High, Owner = hostile, Mitigation = hostile }],
                DecisionsRequested = [hostile, new FactFunctions.Programme.Block { Type = BlockTypes.Lettered, Items = [hostile] }],
            },
            Projects = sample.Projects!.Select(p => p with
            {
                Name = hostile,
                Aim = hostile,
                RagOverride = Rag.Amber,
                RagReason = hostile,
                Milestones = (p.Milestones ?? []).Select(m => m with { Activity = hostile }).ToList(),
                Updates = (p.Updates ?? []).Select(u => u with
                {
                    Paragraphs = null,
                    Blocks =
                    [
                        hostile,
                        new FactFunctions.Programme.Block { Text = hostile, Items = [hostile, hostile] },
                        new FactFunctions.Programme.Block { Type = BlockTypes.Subheading, Text = hostile },
                        new FactFunctions.Programme.Block { Type = BlockTypes.Bulleted, Items = [hostile] },
                        new FactFunctions.Programme.Block { Type = BlockTypes.Image, ImageId = "fact-governance", AltText = hostile, Caption = hostile },
                        new FactFunctions.Programme.Block { Type = BlockTypes.Table, Rows = [[hostile, "b"], ["c", hostile]] },
                        new FactFunctions.Programme.Block { Type = BlockTypes.Text, Text = $"**{hostile}** [{hostile}](https://example.org/{Uri
                            .EscapeDataString(hostile)}) {hostile}" },
                    ],
                    Audience = Audience.Both,
                }).ToList(),
            }).ToList(),
            Indicators = sample.Indicators!.Select(i => i with
            {
                Name = hostile,
                Category = hostile,
                Unit = hostile,
                Values = (i.Values ?? []).Select(v => v with { Note = hostile, Comparator = hostile, Band = hostile }).ToList(),
            }).ToList(),
        };

        foreach (string kind in PaperKinds.All)
        {
            // Charts too (the highlight report always draws them; the Select Committee paper when asked).
            byte[] paper = PaperDefinitions.Get(kind).Render(BuiltInTemplates.For(kind), SamplePapers.Request(kind, document) with { IndicatorCharts = true });
            AssertValid(paper);
            string first = SafeText.Clean(hostile).Split('\n', '\t', '\r')[0];
            if (IsDeck(paper))
            {
                // A slide holds a line of at most DeckComposer.MaxLineLength characters: the start of the text is there.
                Assert.Contains(first[..Math.Min(first.Length, 40)], string.Join("\n", FactFunctions.TestSupport.DeckAccessibility.SlideTexts(paper)), StringComparison.Ordinal);
                continue;
            }

            using var open = Open(paper);
            Assert.Contains(first, open.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
        }
    }

    /// <summary>Whether a rendered paper is a deck (the presentation kind) rather than a Word document.</summary>
    internal static bool IsDeck(byte[] paper)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(paper), System.IO.Compression.ZipArchiveMode.Read);
        return zip.GetEntry("ppt/presentation.xml") is not null;
    }

    /// <summary>A deck valid to the schema, safe by the template inspection and meeting the accessibility rules for slides.</summary>
    internal static void AssertValidDeck(byte[] pptx)
    {
        using (var document = PresentationDocument.Open(new MemoryStream(pptx), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).Take(10).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        }

        var inspection = TemplateInspector.Inspect(pptx, PaperFormat.Slides);
        Assert.True(inspection.Safe, string.Join("\n", inspection.Problems));
        var accessibility = FactFunctions.TestSupport.DeckAccessibility.Problems(pptx);
        Assert.True(accessibility.Count == 0, string.Join("\n", accessibility));
    }

    internal static void AssertValid(byte[] docx)
    {
        if (IsDeck(docx))
        {
            AssertValidDeck(docx);
            return;
        }

        using var document = Open(docx);
        var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).Take(10).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
        var inspection = TemplateInspector.Inspect(docx);
        Assert.True(inspection.Safe, string.Join("\n", inspection.Problems));

        // And the accessibility rules published council documents must meet.
        var accessibility = FactFunctions.TestSupport.PaperAccessibility.Problems(docx);
        Assert.True(accessibility.Count == 0, string.Join("\n", accessibility));
    }

    internal static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), false);

    /// <summary>The Key milestones table as lines: "# Project" for a group row, "Activity | Due" for a milestone.</summary>
    internal static List<string> MilestoneTableRows(WordprocessingDocument document)
    {
        var table = document.MainDocumentPart!.Document!.Body!.Descendants<Table>()
            .Single(t => t.Elements<TableRow>().First().InnerText == "ActivityMilestone Date");
        return table.Elements<TableRow>().Skip(1).Select(row =>
        {
            var cells = row.Elements<TableCell>().ToList();
            return cells.Count == 1 ? $"# {cells[0].InnerText}" : $"{cells[0].InnerText} | {cells[1].InnerText}";
        }).ToList();
    }
}
