using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Programme;

namespace FactFunctions.Benchmarks;

/// <summary>
/// The docxtemplater peer's template and data: the same headings and standing sections as our paper, the project
/// updates, and a milestones table (a looped row per project heading and per milestone) with the same rows.
/// </summary>
internal static class PeerTemplate
{
    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(
                Line("Wiltshire Council"),
                Line("{committee}"),
                Line("{meetingDate}"),
                Line("{title}"),
                Line("Executive summary"),
                Line("{#executiveSummary}{.}{/executiveSummary}"),
                Line("Background"),
                Line("{#background}{.}{/background}"),
                Line("Main considerations for the committee"),
                Line("{#projects}{name}"),
                Line("{#paragraphs}{.}{/paragraphs}{/projects}"),
                Line("Key milestones"),
                new Table(
                    new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }),
                    new TableGrid(new GridColumn { Width = "6400" }, new GridColumn { Width = "3238" }),
                    new TableRow(Cell("Activity"), Cell("Milestone Date")),
                    new TableRow(Cell("{#rows}{activity}"), Cell("{due}{/rows}"))),
                Line("Safeguarding considerations"),
                Line("{#safeguarding}{.}{/safeguarding}"),
                Line("Risk assessment"),
                Line("{#risks}{description}{/risks}"),
                Line("Conclusion"),
                Line("{#conclusion}{.}{/conclusion}"));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    public sealed record PaperData(string Committee, string MeetingDate, string? Title, string[] ExecutiveSummary, string[] Background,
        ProjectData[] Projects, RowData[] Rows, string[] Safeguarding, RiskData[] Risks, string[] Conclusion);

    public sealed record ProjectData(string? Name, string[] Paragraphs);

    public sealed record RowData(string? Activity, string? Due);

    public sealed record RiskData(string? Description);

    public static PaperData For(ProgrammeDocument document)
    {
        var request = Workloads.Paper(document);
        var text = document.Programme!;
        static string[] Texts(IReadOnlyList<FactFunctions.Programme.Block>? paragraphs) => (paragraphs ?? []).Select(p => p.Text ?? string.Empty).ToArray();
        var rows = FactFunctions.Reports.Papers.PaperComposer.KeyMilestones(request)
            .SelectMany(g => new[] { new RowData(g.Project.Name, string.Empty) }.Concat(g.Rows.Select(r => new RowData(r.Milestone.Activity, r.Milestone.Due))))
            .ToArray();
        return new PaperData(
            "Children’s Select Committee",
            "8 November 2022",
            text.Title,
            Texts(text.ExecutiveSummary),
            Texts(text.Background),
            (document.Projects ?? []).Select(p => new ProjectData(p.Name, (p.Updates ?? []).SelectMany(u => Texts(u.Content)).ToArray())).ToArray(),
            rows,
            Texts(text.Safeguarding),
            (text.Risks?.IfTaken ?? []).Select(r => new RiskData(r.Description)).ToArray(),
            Texts(text.Conclusion));
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Line(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static TableCell Cell(string text) => new(Line(text));
}
