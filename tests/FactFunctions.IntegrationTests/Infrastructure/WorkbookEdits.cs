using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>Edits to an .xlsx as a person would make them, through the OpenXml SDK: type text, a number or a formula in a cell.</summary>
public sealed class WorkbookEdits : IDisposable
{
    private readonly MemoryStream stream = new();
    private readonly SpreadsheetDocument document;

    public WorkbookEdits(byte[] workbook)
    {
        stream.Write(workbook);
        stream.Position = 0;
        document = SpreadsheetDocument.Open(stream, true);
    }

    public WorkbookPart Workbook => document.WorkbookPart!;

    public Worksheet Sheet(string name)
    {
        var sheet = Workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)Workbook.GetPartById(sheet.Id!)).Worksheet!;
    }

    /// <summary>The number of the first row whose cell in <paramref name="column"/> reads <paramref name="value"/>.</summary>
    public int RowOf(string sheet, string column, string value) =>
        (int)Sheet(sheet).Descendants<Row>().First(r => r.Elements<Cell>().Any(c => c.CellReference == $"{column}{r.RowIndex}" && c.InnerText == value)).RowIndex!.Value;

    public string? Text(string sheet, string reference) =>
        Sheet(sheet).Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference)?.InnerText;

    public WorkbookEdits SetText(string sheet, string reference, string text) =>
        Set(sheet, reference, new Cell(new InlineString(new Text(text))) { DataType = CellValues.InlineString });

    public WorkbookEdits SetNumber(string sheet, string reference, double number) =>
        Set(sheet, reference, new Cell(new CellValue(number.ToString(CultureInfo.InvariantCulture))) { DataType = CellValues.Number });

    public WorkbookEdits SetFormula(string sheet, string reference, string formula, string cached) =>
        Set(sheet, reference, new Cell(new CellFormula(formula), new CellValue(cached)) { DataType = CellValues.String });

    public WorkbookEdits DeleteRow(string sheet, int row)
    {
        Sheet(sheet).Descendants<Row>().Single(r => r.RowIndex! == (uint)row).Remove();
        return this;
    }

    public WorkbookEdits AddSheet(string name)
    {
        var part = Workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = new Worksheet(new SheetData());
        var sheets = Workbook.Workbook!.Sheets!;
        sheets.AppendChild(new Sheet { Name = name, SheetId = (uint)sheets.ChildElements.Count + 1, Id = Workbook.GetIdOfPart(part) });
        return this;
    }

    public byte[] Save()
    {
        document.Dispose();
        return stream.ToArray();
    }

    public void Dispose()
    {
        document.Dispose();
        stream.Dispose();
    }

    private WorkbookEdits Set(string sheet, string reference, Cell cell)
    {
        var data = Sheet(sheet).GetFirstChild<SheetData>()!;
        uint rowIndex = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex! == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex! < rowIndex);
            if (after is null)
            {
                data.PrependChild(row);
            }
            else
            {
                after.InsertAfterSelf(row);
            }
        }

        cell.CellReference = reference;
        var existing = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
        if (existing is not null)
        {
            cell.StyleIndex = existing.StyleIndex;
            existing.InsertAfterSelf(cell);
            existing.Remove();
        }
        else
        {
            // Cells stay in column order: after the last one whose column sorts before this one.
            var before = row.Elements<Cell>().LastOrDefault(c => Column(c.CellReference!) < Column(reference));
            if (before is null)
            {
                row.PrependChild(cell);
            }
            else
            {
                before.InsertAfterSelf(cell);
            }
        }

        return this;
    }

    private static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
}
