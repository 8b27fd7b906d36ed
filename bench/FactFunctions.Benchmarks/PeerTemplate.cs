using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Programme;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace FactFunctions.Benchmarks;

/// <summary>
/// The docxtemplater peer's template and data, doing the work our paper does: every standing section of the
/// programme with its paragraphs and lettered items, the same four diagrams (carried in the template, as docxtemplater's
/// free edition cannot add pictures; the output holds the same image bytes as ours), the project updates, the risks and
/// a milestones table (a looped row per project heading and per milestone) with the same rows.
/// </summary>
internal static class PeerTemplate
{
    private const long EmuPerPixel = 9525;
    private const long TextWidthEmu = 6_120_000;

    public static byte[] Build(ProgrammeDocument document)
    {
        var text = document.Programme!;
        using var stream = new MemoryStream();
        using (var wordDocument = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = wordDocument.AddMainDocumentPart();
            var body = new Body(Line("Wiltshire Council"), Line("{committee}"), Line("{meetingDate}"), Line("{title}"));
            uint drawing = 1;
            foreach (var (name, blocks) in Sections(text))
            {
                body.Append(Line(name), Line($"{{#{Key(name)}}}{{text}}{{#items}}{{.}}{{/items}}{{/{Key(name)}}}"));
                foreach (var image in blocks.Where(b => b.ImageId is not null))
                {
                    body.Append(Picture(main, image.ImageId!, drawing++));
                }

                if (name == "Main considerations for the committee")
                {
                    body.Append(Line("{#projects}{name}"), Line("{#paragraphs}{.}{/paragraphs}{/projects}"));
                    foreach (var image in (document.Projects ?? []).SelectMany(p => p.Updates ?? []).SelectMany(u => u.Content).Where(b => b.ImageId is not null))
                    {
                        body.Append(Picture(main, image.ImageId!, drawing++));
                    }
                }
            }

            body.Append(
                Line("Principles"),
                Line("{#principles}{.}{/principles}"),
                Line("Kindness and care"),
                Line("{#kindness}{.}{/kindness}"),
                Line("Key milestones"),
                new Table(
                    new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }),
                    new TableGrid(new GridColumn { Width = "6400" }, new GridColumn { Width = "3238" }),
                    new TableRow(Cell("Activity"), Cell("Milestone Date")),
                    new TableRow(Cell("{#rows}{activity}"), Cell("{due}{/rows}"))),
                Line("Risk assessment"),
                Line("{#risks}{description}{/risks}"),
                Line("Achievements"),
                Line("{#achievements}{.}{/achievements}"));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    public static Dictionary<string, object?> For(ProgrammeDocument document)
    {
        var request = Workloads.Paper(document);
        var text = document.Programme!;
        static string[] Texts(IReadOnlyList<Block>? paragraphs) => (paragraphs ?? []).Where(p => p.ImageId is null).Select(p => p.Text ?? string.Empty).ToArray();
        var rows = FactFunctions.Reports.Papers.PaperComposer.KeyMilestones(request)
            .SelectMany(g => new[] { new { activity = g.Project.Name, due = (string?)string.Empty } }
                .Concat(g.Rows.Select(r => new { activity = r.Milestone.Activity, due = r.Milestone.Due })))
            .ToArray();
        var data = new Dictionary<string, object?>
        {
            ["committee"] = "Children’s Select Committee",
            ["meetingDate"] = "8 November 2022",
            ["title"] = text.Title,
            ["projects"] = (document.Projects ?? []).Select(p => new { name = p.Name, paragraphs = (p.Updates ?? []).SelectMany(u => Texts(u.Content)).ToArray() })
                .ToArray(),
            ["rows"] = rows,
            ["risks"] = (text.Risks?.IfTaken ?? []).Select(r => new { description = r.Description }).ToArray(),
            ["principles"] = text.Principles ?? [],
            ["kindness"] = text.KindnessAndCare ?? [],
            ["achievements"] = text.Achievements ?? [],
        };
        foreach (var (name, blocks) in Sections(text))
        {
            data[Key(name)] = blocks.Where(b => b.ImageId is null).Select(b => new { text = b.Text ?? string.Empty, items = b.Items ?? [] }).ToArray();
        }

        return data;
    }

    /// <summary>The standing sections our select-committee paper prints, in its order, with their blocks.</summary>
    private static IEnumerable<(string Name, IReadOnlyList<Block> Blocks)> Sections(ProgrammeText text) =>
        new (string, IReadOnlyList<Block>?)[]
        {
            ("Executive summary", text.ExecutiveSummary), ("Reason for proposal", text.ReasonForProposal), ("Purpose of report", text.Purpose),
            ("Background", text.Background), ("Main considerations for the committee", text.MainConsiderations), ("Governance", text.Governance),
            ("Safeguarding considerations", text.Safeguarding), ("Equalities impact", text.Equalities), ("Environmental impact", text.Environmental),
            ("Financial implications", text.Financial), ("Legal implications", text.Legal), ("Options considered", text.Options),
            ("Conclusion", text.Conclusion), ("Appendices", text.Appendices), ("Proposals", text.DecisionsRequested),
        }.Select(s => (s.Item1, s.Item2 ?? []));

    private static string Key(string heading) => new([.. heading.Where(char.IsLetter)]);

    /// <summary>An inline picture of the sample diagram <paramref name="imageId"/>, as wide as the text at most, like ours.</summary>
    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Picture(MainDocumentPart main, string imageId, uint id)
    {
        var image = SampleProgramme.StoredImages()[imageId];
        var part = main.AddImagePart(ImagePartType.Png);
        using (var content = new MemoryStream(image.Content))
        {
            part.FeedData(content);
        }

        long width = Math.Min(TextWidthEmu, image.File.Width * EmuPerPixel);
        long height = (long)Math.Round(width * (double)image.File.Height / image.File.Width);
        var inline = new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.DocProperties { Id = id, Name = $"Diagram {id}" },
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = id, Name = $"Diagram {id}" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = width, Cy = height }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }));
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new Run(new Drawing(inline)));
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Line(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableCell Cell(string text) => new(Line(text));
}
