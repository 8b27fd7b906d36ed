using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FactFunctions.Programme.Workbook;

/// <summary>
/// Writes a workbook from rows laid out by <see cref="WorkbookLayout"/>: a bold, frozen header row, sensible widths,
/// editable columns formatted as text (so a spreadsheet keeps "March 2023" as typed instead of turning it into a date),
/// read-only columns greyed and marked, and drop-down lists where a column has choices.
/// </summary>
public static class WorkbookWriter
{
    private const uint HeaderStyle = 1;
    private const uint TextStyle = 2;
    private const uint ReadOnlyStyle = 3;
    private const uint WrappedStyle = 4;
    private const uint NumberStyle = 5;

    /// <summary>Rows for data validation on a sheet: the drop-downs reach this far down, past any programme's size.</summary>
    private const int ValidatedRows = 20_000;

    public static byte[] Write(IReadOnlyDictionary<WorkbookSheet, IReadOnlyList<object?[]>> rows, string title)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = title;
            document.PackageProperties.Creator = "FactFunctions";
            document.PackageProperties.Language = "en-GB";
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var sheet in WorkbookLayout.All)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = Worksheet(sheet, rows.TryGetValue(sheet, out var sheetRows) ? sheetRows : []);
                sheets.AppendChild(new Sheet { Name = sheet.Name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(worksheetPart) });
            }
        }

        return stream.ToArray();
    }

    private static Worksheet Worksheet(WorkbookSheet sheet, IReadOnlyList<object?[]> rows)
    {
        var columns = new Columns();
        for (int c = 0; c < sheet.Columns.Count; c++)
        {
            var column = sheet.Columns[c];
            columns.AppendChild(new Column
            {
                Min = (uint)(c + 1),
                Max = (uint)(c + 1),
                Width = column.Width,
                CustomWidth = true,
                Style = ColumnStyle(sheet, column),
            });
        }

        var data = new SheetData();
        var header = new Row { RowIndex = 1 };
        for (int c = 0; c < sheet.Columns.Count; c++)
        {
            header.AppendChild(TextCell(c, 1, sheet.Columns[c].Title, HeaderStyle));
        }

        data.AppendChild(header);
        uint rowIndex = 2;
        foreach (var values in rows)
        {
            var row = new Row { RowIndex = rowIndex };
            if (sheet == WorkbookLayout.Readme && values.FirstOrDefault() is string text)
            {
                // Spreadsheets do not grow a row for wrapped text on their own: give it the lines it needs.
                row.Height = 15 * Math.Ceiling(text.Length / (sheet.Columns[0].Width * 0.95));
                row.CustomHeight = true;
            }

            for (int c = 0; c < sheet.Columns.Count && c < values.Length; c++)
            {
                if (Cell(sheet, sheet.Columns[c], c, rowIndex, values[c]) is { } cell)
                {
                    row.AppendChild(cell);
                }
            }

            data.AppendChild(row);
            rowIndex++;
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>([new StringValue("A2")]) })
            { WorkbookViewId = 0U }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            data);
        if (DataValidations(sheet) is { } validations)
        {
            worksheet.AppendChild(validations);
        }

        worksheet.AppendChild(new PageMargins { Left = 0.7, Right = 0.7, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 });
        return worksheet;
    }

    private static uint ColumnStyle(WorkbookSheet sheet, WorkbookColumn column) => column switch
    {
        _ when sheet == WorkbookLayout.Readme => WrappedStyle,
        { ReadOnly: true } => ReadOnlyStyle,
        { Kind: CellKind.WholeNumber or CellKind.Decimal } => NumberStyle,
        _ => TextStyle,
    };

    private static Cell? Cell(WorkbookSheet sheet, WorkbookColumn column, int c, uint row, object? value) => value switch
    {
        null => null,
        string { Length: 0 } => null,
        string text => TextCell(c, row, text, ColumnStyle(sheet, column)),
        int number => NumberCell(c, row, number.ToString(CultureInfo.InvariantCulture)),
        decimal number => NumberCell(c, row, number.ToString(CultureInfo.InvariantCulture)),
        bool flag => TextCell(c, row, flag ? "yes" : "no", ColumnStyle(sheet, column)),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType(), "A workbook cell holds text, a whole number or a decimal."),
    };

    private static Cell TextCell(int column, uint row, string text, uint style) =>
        new(new InlineString(new Text(CellText.Encode(text)) { Space = SpaceProcessingModeValues.Preserve }))
        {
            CellReference = WorkbookLayout.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture),
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };

    private static Cell NumberCell(int column, uint row, string number) => new(new CellValue(number))
    {
        CellReference = WorkbookLayout.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.Number,
        StyleIndex = NumberStyle,
    };

    private static DataValidations? DataValidations(WorkbookSheet sheet)
    {
        var validations = new DataValidations();
        for (int c = 0; c < sheet.Columns.Count; c++)
        {
            var column = sheet.Columns[c];
            string range = $"{WorkbookLayout.ColumnName(c)}2:{WorkbookLayout.ColumnName(c)}{ValidatedRows}";
            string? formula = null;
            if (column.Choices is { Count: > 0 } choices)
            {
                formula = $"\"{string.Join(",", choices)}\"";
            }
            else if (sheet != WorkbookLayout.Projects && column.Field == "projectId" && !column.ReadOnly)
            {
                formula = $"{WorkbookLayout.Projects.Name}!$A$2:$A${ValidatedRows}";
            }
            else if (sheet == WorkbookLayout.Actions && column.Field == "board")
            {
                formula = $"{WorkbookLayout.Boards.Name}!$A$2:$A${ValidatedRows}";
            }

            if (formula is null)
            {
                continue;
            }

            validations.AppendChild(new DataValidation(new Formula1(formula))
            {
                Type = DataValidationValues.List,
                AllowBlank = true,
                ShowErrorMessage = true,
                ErrorTitle = column.Header,
                Error = $"Choose one of the values in the list for {column.Header}.",
                SequenceOfReferences = new ListValue<StringValue>([new StringValue(range)]),
            });
        }

        if (!validations.HasChildren)
        {
            return null;
        }

        validations.Count = (uint)validations.ChildElements.Count;
        return validations;
    }

    private static Stylesheet Styles() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Italic(), new FontSize { Val = 11 }, new Color { Rgb = "FF595959" }, new FontName { Val = "Calibri" }))
        { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFF2F2F2" }) { PatternType = PatternValues.Solid }))
        { Count = 4 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 49, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 49, FontId = 2, FillId = 3, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
            {
                NumberFormatId = 49,
                FontId = 0,
                FillId = 0,
                BorderId = 0,
                FormatId = 0,
                ApplyAlignment = true
            },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 })
        { Count = 6 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
