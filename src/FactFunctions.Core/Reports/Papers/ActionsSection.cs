using DocumentFormat.OpenXml;
using FactFunctions.Programme.Outcomes;
using FactFunctions.Reports.Word;

namespace FactFunctions.Reports.Papers;

/// <summary>
/// "Actions from previous meetings": a table with a header row (action, meeting, owner, due, status) of the actions a
/// paper carries (<see cref="CarriedActions"/>); nothing at all when it carries none, so a paper without actions is as
/// it was.
/// </summary>
public static class ActionsSection
{
    private static readonly int[] Widths = [3338, 1700, 1700, 1400, 1500];

    public static IReadOnlyList<OpenXmlElement> Elements(BlockWriter writer, IReadOnlyList<CarriedAction> carried, int headingLevel)
    {
        if (carried.Count == 0)
        {
            return [];
        }

        var table = DocumentBuilder.Table(Widths, DocumentBuilder.HeaderRow(Widths, "Action", "Meeting", "Owner", "Due", "Status"));
        foreach (var c in carried)
        {
            table.AppendChild(DocumentBuilder.Row(
                DocumentBuilder.Cell(Widths[0], DocumentBuilder.TextLine(c.Action.Text)),
                DocumentBuilder.Cell(Widths[1], DocumentBuilder.TextLine(PaperComposer.LongDate(c.Meeting))),
                DocumentBuilder.Cell(Widths[2], DocumentBuilder.TextLine(c.Action.Owner ?? "–")),
                DocumentBuilder.Cell(Widths[3], DocumentBuilder.TextLine(c.Action.Due ?? "–")),
                DocumentBuilder.Cell(Widths[4], DocumentBuilder.TextLine(Status(c), bold: c.Overdue))));
        }

        return writer.Locked(DraftLocks.Actions, [writer.Heading(headingLevel, "Actions from previous meetings"), table]);
    }

    /// <summary>The status as a person reads it: "Overdue", "Open", "Done on 3 March 2023".</summary>
    public static string Status(CarriedAction c) => c switch
    {
        { Overdue: true } => "Overdue",
        { Action.Status: ActionStatus.Done, Action.DoneOn: { } done } => $"Done on {PaperComposer.LongDate(done)}",
        { Action.Status: ActionStatus.Done } => "Done",
        _ => "Open",
    };
}
