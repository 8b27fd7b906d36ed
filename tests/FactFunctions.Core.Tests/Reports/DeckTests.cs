using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Programme.Outcomes;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Slides;
using FactFunctions.Snapshots;
using FactFunctions.TestSupport;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>
/// The verbal update's slides from the sample to 2025, for the Schools Forum of 15 January 2026 (the meeting after the
/// October 2025 one, where an action was recorded): what they say, in what order, and what a template must have.
/// </summary>
public sealed class DeckTests
{
    internal const string NewAction = "Share the attendance figures for the pilot schools with the Forum.";

    /// <summary>The request the next Forum's slides are made from, with the October 2025 meeting's outcome recorded.</summary>
    internal static PaperRequest NextForum(Func<ProgrammeDocument, ProgrammeDocument>? edit = null)
    {
        var document = SampleProgramme.LoadTo2025();
        document = document with
        {
            Outcomes =
            [
                .. document.Outcomes ?? [],
                new MeetingOutcomeDocument
                {
                    Board = "schools-forum",
                    Date = new DateOnly(2025, 10, 9),
                    Resolution = ["The Schools Forum noted the update."],
                    Actions = [new MeetingAction { Id = "attendance-figures", Text = NewAction, Owner = "Simon Thomas", Due = "January 2026", Status = ActionStatus.Open }],
                },
            ],
        };
        document = edit?.Invoke(document) ?? document;
        var asOf = new DateOnly(2026, 1, 5);
        var board = new PaperBoard("schools-forum", "Schools Forum", new DateOnly(2025, 10, 9), null);
        return new PaperRequest
        {
            Kind = PaperKinds.Presentation,
            MeetingDate = new DateOnly(2026, 1, 15),
            Snapshot = new ProgrammeSnapshot
            {
                Header = new SnapshotHeader { Id = "to-2025", Kind = SnapshotKinds.OnDemand, AsOf = asOf, Counts = new SnapshotCounts(0, 0, 0, 0, 0, 0) },
                State = ProgrammeState.FromDocument(document, asOf),
            },
            Images = SampleProgramme.StoredImages(),
            Board = board,
            ActionBoards = [board],
        };
    }

    internal static byte[] Render(PaperRequest request) => PaperDefinitions.Get(PaperKinds.Presentation).Render(BuiltInTemplates.For(PaperKinds.Presentation), request);

    [Fact]
    public void The_next_Forum_hears_about_the_projects_in_delivery_their_figures_and_the_open_actions_overdue_first()
    {
        byte[] deck = Render(NextForum());
        PaperTests.AssertValidDeck(deck);
        var slides = DeckAccessibility.SlideTexts(deck);
        Assert.Equal(
            [
                "Families and Children’s Transformation (FACT) – Programme Update", "Westbury and Warminster locality pilot",
                "Westbury and Warminster locality pilot: key figures", "School and Family Support", "School and Family Support: key figures", "Open actions",
            ],
            slides.Select(s => s.Split('\n')[0]));
        Assert.Contains("Verbal update to the Schools Forum, 15 January 2026", slides[0], StringComparison.Ordinal);

        // The lead's words since the October meeting, cut at the end of a clause; the next steps from the open milestones.
        Assert.Contains("Since the meeting of 9 October 2025", slides[1], StringComparison.Ordinal);
        Assert.Contains("are down a fifth on 2023. The retrospective analysis of fixed-term exclusions the Forum asked for in June has begun.", slides[1],
            StringComparison.Ordinal);
        Assert.Contains("Retrospective analysis of fixed-term exclusions in the pilot schools (overdue, was due Autumn 2025)", slides[1], StringComparison.Ordinal);
        Assert.Contains("Suspensions in the pilot schools: 47 suspensions a term (2024-25)", slides[2], StringComparison.Ordinal);

        // The open actions: June's, now overdue, before October's.
        int june = slides[^1].IndexOf("Analyse retrospectively", StringComparison.Ordinal), october = slides[^1].IndexOf(NewAction, StringComparison.Ordinal);
        Assert.True(june > 0 && october > june, slides[^1]);
        Assert.Contains("Overdue", slides[^1], StringComparison.Ordinal);

        // A native chart with its figures cached in the part.
        using var document = PresentationDocument.Open(new MemoryStream(deck), false);
        var chart = DeckAccessibility.Slides(document).ElementAt(2).ChartParts.Single();
        string xml = new StreamReader(chart.GetStream()).ReadToEnd();
        Assert.Contains("<c:lineChart>", xml, StringComparison.Ordinal);
        Assert.Contains("<c:pt idx=\"0\"><c:v>64</c:v></c:pt>", xml, StringComparison.Ordinal);
        Assert.Contains("<c:pt idx=\"2\"><c:v>47</c:v></c:pt>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_request_gives_the_same_bytes_and_the_html_tells_the_same_slides()
    {
        byte[] deck = Render(NextForum());
        Assert.Equal(deck, Render(NextForum()));

        var (title, body) = FactFunctions.Reports.Publication.PaperHtml.RenderBody(PaperKinds.Presentation, deck, "fallback", _ => string.Empty);
        Assert.StartsWith("Families and Children’s Transformation (FACT)", title, StringComparison.Ordinal);
        Assert.Contains("<h2>Westbury and Warminster locality pilot: key figures</h2>", body, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">2024-25</th><td>47</td>", body, StringComparison.Ordinal);
        Assert.Contains("<h3>Next steps</h3>", body, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Status</th>", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_in_an_action_and_more_actions_than_a_slide_holds_still_give_a_valid_deck_that_counts_them()
    {
        const string Hostile = "<a:t>not markup</a:t> & \u0001 \uD800 \u202E reversed 👩‍👩‍👧";
        byte[] deck = Render(NextForum(d => d with
        {
            Outcomes =
            [
                .. d.Outcomes ?? [],
                new MeetingOutcomeDocument
                {
                    Board = "schools-forum",
                    Date = new DateOnly(2025, 10, 9).AddDays(-7),
                    Actions = [.. Enumerable.Range(1, 8).Select(i => new MeetingAction
                    {
                        Id = $"hostile-{i}", Text = $"{Hostile} {new string('x', 400)}", Owner = Hostile, Due = Hostile, Status = ActionStatus.Open,
                    })],
                },
            ],
        }));
        PaperTests.AssertValidDeck(deck);
        string closing = DeckAccessibility.SlideTexts(deck)[^1];
        Assert.StartsWith($"Open actions ({DeckComposer.MaxActions} of 10)", closing, StringComparison.Ordinal);
        Assert.Contains("<a:t>not markup</a:t> &", closing, StringComparison.Ordinal);

        // No character that reverses what follows it ("Pay \u202Eexe.gpj" shows as "Pay jpg.exe") reaches a slide.
        Assert.DoesNotContain('\u202E', closing);
    }

    [Fact]
    public void A_milestone_is_overdue_by_the_report_date_not_the_day_the_snapshot_was_taken()
    {
        // Taken on 4 December 2026, the slides dated 5 January 2026: the March 2026 evaluation is still to come.
        var request = NextForum();
        var taken = new DateOnly(2026, 12, 4);
        request = request with
        {
            ReportDate = new DateOnly(2026, 1, 5),
            Snapshot = request.Snapshot with { State = ProgrammeState.FromDocument(request.Snapshot.State.ToDocument(), taken) },
        };
        string pilot = DeckAccessibility.SlideTexts(Render(request))[1];
        Assert.Contains("Evaluation of the pilot reported to the FACT Executive Board (March 2026)", pilot, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_cut_at_a_sentence_or_between_letters_never_inside_one()
    {
        Assert.Equal("One sentence that is long enough to count.", DeckComposer.Cut("One sentence that is long enough to count. Another that runs on and on past the end.", 60));
        string accents = DeckComposer.Cut(new string('x', 58) + "e\u0301\u0301\u0301 and more words after it", 60);
        Assert.EndsWith("…", accents, StringComparison.Ordinal);
        Assert.True(accents.EndsWith("e\u0301\u0301\u0301…", StringComparison.Ordinal) || accents.EndsWith("x…", StringComparison.Ordinal), accents);
        Assert.Equal("Pay exe.gpj now", DeckComposer.Cut("Pay \u202Eexe.gpj\u202C now"));
    }

    [Fact]
    public void Actions_due_together_keep_the_order_the_meeting_recorded_them_in()
    {
        byte[] deck = Render(NextForum(d => d with
        {
            Outcomes =
            [
                new MeetingOutcomeDocument
                {
                    Board = "schools-forum",
                    Date = new DateOnly(2025, 10, 9),
                    Actions =
                    [
                        .. Enumerable.Range(0, 12).Select(i => new MeetingAction { Id = $"a{i}", Text = $"Action number {i}.", Status = ActionStatus.Open, Due = "March 2026" }),
                    ],
                },
            ],
        }));
        string closing = DeckAccessibility.SlideTexts(deck)[^1];
        Assert.Equal(["Action number 0.", "Action number 1.", "Action number 2.", "Action number 3.", "Action number 4."],
            closing.Split('\n').Where(l => l.StartsWith("Action number", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_template_without_the_two_layouts_is_refused_naming_them_and_a_potx_is_kept_as_a_presentation()
    {
        byte[] template = BuiltInTemplates.For(PaperKinds.Presentation);
        byte[] noLayouts = Edit(template, "ppt/slideLayouts/slideLayout1.xml", xml => xml.Replace("type=\"title\"", "type=\"secHead\"", StringComparison.Ordinal));
        noLayouts = Edit(noLayouts, "ppt/slideLayouts/slideLayout2.xml", xml => xml.Replace("type=\"obj\"", "type=\"blank\"", StringComparison.Ordinal));
        var refused = TemplateValidator.Validate(PaperKinds.Presentation, noLayouts);
        var layouts = refused.Errors.ToDictionary()["layouts"];
        Assert.Contains(layouts, e => e.Contains("Title Slide", StringComparison.Ordinal));
        Assert.Contains(layouts, e => e.Contains("Title and Content", StringComparison.Ordinal));
        Assert.Null(refused.Usable);

        byte[] potx = Edit(template, "[Content_Types].xml", xml => xml.Replace("presentation.main+xml", "template.main+xml", StringComparison.Ordinal));
        var accepted = TemplateValidator.Validate(PaperKinds.Presentation, potx);
        Assert.True(accepted.Errors.IsEmpty, string.Join("; ", accepted.Errors.ToDictionary().SelectMany(e => e.Value)));
        using var document = PresentationDocument.Open(new MemoryStream(accepted.Usable!), false);
        Assert.Equal(DocumentFormat.OpenXml.PresentationDocumentType.Presentation, document.DocumentType);

        // A Word template is no deck's template.
        var word = TemplateValidator.Validate(PaperKinds.Presentation, BuiltInTemplates.For(PaperKinds.SchoolsForum));
        Assert.Contains(word.Errors.ToDictionary()["template"], e => e.Contains("PowerPoint presentation (.pptx)", StringComparison.Ordinal));
    }

    /// <summary>Each edit of the built-in template, and the refusal it must get (null: refused or used, never an exception).</summary>
    public static TheoryData<string, string, string, string, string?> HostileTemplates => new()
    {
        // Values the SDK's enumerations and numbers cannot read.
        { "layout type", "ppt/slideLayouts/slideLayout2.xml", "type=\"obj\"", "type=\"bogus\"", "Title and Content layout" },
        { "placeholder type", "ppt/slideLayouts/slideLayout2.xml", "<p:ph type=\"title\"/>", "<p:ph type=\"bogus\"/>", "title placeholder" },
        { "placeholder index", "ppt/slideLayouts/slideLayout2.xml", "<p:ph idx=\"1\"/>", "<p:ph idx=\"abc\"/>", "content placeholder" },
        { "huge index", "ppt/slideLayouts/slideLayout2.xml", "<p:ph idx=\"1\"/>", "<p:ph idx=\"99999999999\"/>", "content placeholder" },
        { "slide size", "ppt/presentation.xml", "cx=\"12192000\"", "cx=\"abc\"", "would not be valid" },
        { "slide naming a missing part", "ppt/presentation.xml", "<p:sldSz", "<p:sldIdLst><p:sldId id=\"256\" r:id=\"rIdNone\"/></p:sldIdLst><p:sldSz", null },
        { "slide naming the master", "ppt/presentation.xml", "<p:sldSz", "<p:sldIdLst><p:sldId id=\"256\" r:id=\"rId1\"/></p:sldIdLst><p:sldSz", null },
        // What the schema cannot see and PowerPoint needs.
        { "master list naming the theme", "ppt/presentation.xml", "<p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/>",
            "<p:sldMasterId id=\"2147483648\" r:id=\"rId2\"/>", "not a slide master" },
        { "no slide size", "ppt/presentation.xml", "<p:sldSz cx=\"12192000\" cy=\"6858000\"/>", string.Empty, "no slide size" },
        { "no theme", "ppt/_rels/presentation.xml.rels",
            "<Relationship Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme\" Target=\"/ppt/theme/theme1.xml\" Id=\"rId2\" />",
            string.Empty, "has no theme" },
        { "outside theme", "ppt/_rels/presentation.xml.rels", "Id=\"rId2\"", "Id=\"rId2\" TargetMode=\"External\"", "outside resource" },
        // A click that runs a program, a macro or an object.
        { "program action", "ppt/slideLayouts/slideLayout2.xml", "<p:cNvPr id=\"2\" name=\"Title 1\"/>",
            "<p:cNvPr id=\"2\" name=\"Title 1\"><a:hlinkClick r:id=\"\" action=\"ppaction://program\"/></p:cNvPr>", "runs a program" },
        { "macro action", "ppt/slideLayouts/slideLayout2.xml", "<p:cNvPr id=\"2\" name=\"Title 1\"/>",
            "<p:cNvPr id=\"2\" name=\"Title 1\"><a:hlinkClick r:id=\"\" action=\"PPACTION://macro?name=AutoOpen\"/></p:cNvPr>", "runs a program" },
        { "small body text", "ppt/slideMasters/slideMaster1.xml", "sz=\"2400\"", "sz=\"1000\"", "10pt" },
    };

    [Theory]
    [MemberData(nameof(HostileTemplates))]
    public void A_hostile_template_is_refused_or_used_whole_never_an_exception(string name, string part, string find, string replace, string? refusal)
    {
        byte[] template = BuiltInTemplates.For(PaperKinds.Presentation);
        string xml = new StreamReader(new ZipArchive(new MemoryStream(template)).GetEntry(part)!.Open()).ReadToEnd();
        Assert.True(xml.Contains(find, StringComparison.Ordinal), $"{name}: '{find}' is not in {part}");
        var result = TemplateValidator.Validate(PaperKinds.Presentation, Edit(template, part, x => x.Replace(find, replace, StringComparison.Ordinal)));
        if (refusal is not null)
        {
            var errors = result.Errors.ToDictionary().SelectMany(e => e.Value).ToList();
            Assert.True(errors.Any(e => e.Contains(refusal, StringComparison.Ordinal)), $"{name}: {string.Join(" | ", errors)}");
            Assert.Null(result.Usable);
        }
        else if (result.Errors.IsEmpty)
        {
            // Accepted: what it makes is a valid deck, and the slide the template named is not in it.
            PaperTests.AssertValidDeck(PaperDefinitions.Get(PaperKinds.Presentation).Render(result.Usable!, NextForum()));
        }
    }

    private static byte[] Edit(byte[] package, string name, Func<string, string> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(name)!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(edit(xml));
        }

        return stream.ToArray();
    }
}
