using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FactFunctions.Http;
using FactFunctions.Validation;

namespace FactFunctions.Programme.Workbook;

/// <summary>One cell as a spreadsheet saved it: its text (or number as written), and what kind of value it was.</summary>
public sealed record WorkbookCell(string Reference, string? Text, bool IsNumber, bool IsDate, string? Formula, bool IsError)
{
    public bool IsEmpty => Formula is null && !IsError && string.IsNullOrEmpty(Text);
}

/// <summary>A data row of a sheet: its row number and its cells by the layout's column index.</summary>
public sealed record WorkbookRow(int Number, IReadOnlyDictionary<int, WorkbookCell> Cells);

/// <summary>The data rows of each known sheet, and every problem found with the workbook's shape (all at once).</summary>
public sealed record WorkbookContent(IReadOnlyDictionary<WorkbookSheet, IReadOnlyList<WorkbookRow>> Sheets, ValidationErrors Errors, bool TooLarge);

/// <summary>
/// Reads an uploaded workbook: refuses what is not a plain .xlsx (not a zip, a zip bomb, macros), then maps each
/// sheet's header row onto <see cref="WorkbookLayout"/> (naming unknown and missing sheets and columns) and reads
/// each cell as written: shared or inline strings, numbers, dates, formulas, errors. The uploaded file is only read.
/// </summary>
public static partial class WorkbookReader
{
    public const int MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>A workbook of 20,000 records expands to about 8 MiB; 64 MiB leaves room and bounds what an upload can cost.</summary>
    public const long MaxExpandedBytes = 64L * 1024 * 1024;

    public const string WorkbookField = "workbook";

    private static readonly HashSet<uint> DateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47];

    public static WorkbookContent Read(byte[] upload)
    {
        var errors = new ValidationErrors();
        var sheets = new Dictionary<WorkbookSheet, IReadOnlyList<WorkbookRow>>();
        if (UploadedZip.Check(upload, MaxExpandedBytes, 500, ".xlsx workbook") is { } refusal)
        {
            errors.Add(WorkbookField, refusal.Problem);
            return new WorkbookContent(sheets, errors, refusal.TooLarge);
        }

        if (HasMacros(upload))
        {
            errors.Add(WorkbookField, "The workbook is macro-enabled (.xlsm) or carries a VBA project; save it as an Excel Workbook (.xlsx) without macros.");
            return new WorkbookContent(sheets, errors, false);
        }

        try
        {
            using var document = SpreadsheetDocument.Open(new MemoryStream(upload, writable: false), false);
            if (document.DocumentType != DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook)
            {
                errors.Add(WorkbookField, "The file is a workbook template or add-in; save it as an Excel Workbook (.xlsx).");
                return new WorkbookContent(sheets, errors, false);
            }

            var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => CellText.Decode(i.InnerText)!).ToList() ?? [];
            var dateStyles = DateStyles(workbook);
            var seen = new HashSet<WorkbookSheet>();
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                string name = sheet.Name?.Value ?? string.Empty;
                var layout = WorkbookLayout.All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
                if (layout is not null && !seen.Add(layout))
                {
                    // Spreadsheets compare sheet names without letter case: two such sheets would leave one read silently.
                    errors.Add(WorkbookField, $"The workbook has two sheets named '{layout.Name}' (letter case aside); keep one.");
                    continue;
                }

                if (layout is null)
                {
                    errors.Add(WorkbookField, $"The sheet '{Printable(name)}' is not one this workbook has; the sheets are {string.Join(", ",
                        WorkbookLayout.All.Select(s => s.Name))}. Remove it or move its data.");
                    continue;
                }

                if (layout.ReadOnly || sheet.Id?.Value is not { } relationship || workbook.GetPartById(relationship) is not WorksheetPart part)
                {
                    continue;
                }

                sheets[layout] = ReadSheet(layout, part, strings, dateStyles, errors);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            // A row number, cell type or style no spreadsheet program writes ("abc", past any sheet, "bogus").
            errors.Add(WorkbookField, "The workbook has a row or cell whose number, type or style cannot be read; save it again from Excel or LibreOffice.");
            return new WorkbookContent(sheets, errors, false);
        }
        catch (Exception e) when (e is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException
            or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            errors.Add(WorkbookField, "The file is not an .xlsx workbook that can be opened.");
            return new WorkbookContent(sheets, errors, false);
        }

        foreach (var missing in WorkbookLayout.All.Where(s => !s.ReadOnly && !sheets.ContainsKey(s)))
        {
            errors.Add(WorkbookField, $"The sheet '{missing.Name}' is missing; download the workbook again to get it.");
        }

        return new WorkbookContent(sheets, errors, false);
    }

    /// <summary>Macros in any spelling: a macro-enabled content type, a VBA content type, or a VBA project part under any name.</summary>
    private static bool HasMacros(byte[] upload)
    {
        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(upload, writable: false), System.IO.Compression.ZipArchiveMode.Read);
        if (archive.Entries.Any(e => e.FullName.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) && e.FullName.Contains("vba", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        foreach (var entry in archive.Entries.Where(e => e.FullName == "[Content_Types].xml" || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            using var reader = new StreamReader(entry.Open());
            string text = reader.ReadToEnd();
            if (text.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || text.Contains("vbaProject", StringComparison.OrdinalIgnoreCase) ||
                text.Contains("ms-office.vba", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<WorkbookRow> ReadSheet(WorkbookSheet layout, WorksheetPart part, List<string> strings, HashSet<uint> dateStyles, ValidationErrors errors)
    {
        var rows = new List<WorkbookRow>();
        var columnOf = new Dictionary<int, int>();
        bool headerRead = false;
        int nextRow = 1;
        foreach (var row in part.Worksheet?.GetFirstChild<SheetData>()?.Elements<Row>() ?? [])
        {
            int number = row.RowIndex?.Value is { } index ? (int)index : nextRow;
            nextRow = number + 1;
            var cells = new Dictionary<int, WorkbookCell>();
            int nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                int column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                nextColumn = column + 1;
                cells[column] = ReadCell(cell, $"{WorkbookLayout.ColumnName(column)}{number}", strings, dateStyles);
            }

            if (!headerRead)
            {
                if (number != 1)
                {
                    errors.Add(WorkbookLayout.Reference(layout, 0, 1), "The first row must be the header row; download the workbook again to get it.");
                    return rows;
                }

                headerRead = true;
                MapHeader(layout, cells, columnOf, errors);
                continue;
            }

            var mapped = cells.Where(c => columnOf.ContainsKey(c.Key) && !c.Value.IsEmpty).ToDictionary(c => columnOf[c.Key], c => c.Value);
            if (mapped.Keys.Any(c => !layout.Columns[c].ReadOnly))
            {
                rows.Add(new WorkbookRow(number, mapped));
            }
        }

        if (!headerRead)
        {
            errors.Add(WorkbookLayout.Reference(layout, 0, 1), "The sheet has no header row; download the workbook again to get it.");
        }

        return rows;
    }

    /// <summary>Header cells name the columns; their order may change, but every editable column must be there once.</summary>
    private static void MapHeader(WorkbookSheet layout, Dictionary<int, WorkbookCell> cells, Dictionary<int, int> columnOf, ValidationErrors errors)
    {
        var seen = new HashSet<int>();
        foreach (var (column, cell) in cells.OrderBy(c => c.Key))
        {
            string header = (cell.Text ?? string.Empty).Trim();
            if (header.Length == 0)
            {
                continue;
            }

            int index = layout.Columns.ToList().FindIndex(c => string.Equals(c.Title, header, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(c.Header, header, StringComparison.OrdinalIgnoreCase));
            string where = WorkbookLayout.Reference(layout, column, 1);
            if (index < 0)
            {
                errors.Add(where, $"'{Printable(header)}' is not a column of {layout.Name}; the columns are {string.Join(", ", layout.Columns.Select(c => c.Title))}.");
            }
            else if (!seen.Add(index))
            {
                errors.Add(where, $"The column '{layout.Columns[index].Header}' appears twice.");
            }
            else
            {
                columnOf[column] = index;
            }
        }

        foreach (var missing in layout.Columns.Where((c, i) => !c.ReadOnly && !seen.Contains(i)))
        {
            errors.Add(WorkbookLayout.Reference(layout, 0, 1), $"The column '{missing.Header}' is missing from {layout.Name}.");
        }
    }

    private static WorkbookCell ReadCell(Cell cell, string reference, List<string> strings, HashSet<uint> dateStyles)
    {
        string? raw = cell.CellValue?.Text;
        string? formula = cell.CellFormula is { } f ? "=" + f.Text : null;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            string? text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i >= 0 && i < strings.Count ? strings[i] : null;
            return new WorkbookCell(reference, text, false, false, formula, false);
        }

        if (type == CellValues.InlineString)
        {
            return new WorkbookCell(reference, CellText.Decode(cell.InlineString?.InnerText), false, false, formula, false);
        }

        if (type == CellValues.Error)
        {
            return new WorkbookCell(reference, raw, false, false, formula, true);
        }

        if (type == CellValues.Date)
        {
            return new WorkbookCell(reference, raw, false, true, formula, false);
        }

        if (type == CellValues.String || type == CellValues.Boolean)
        {
            return new WorkbookCell(reference, raw, false, false, formula, false);
        }

        bool isDate = raw is not null && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style);
        return new WorkbookCell(reference, raw, raw is not null, isDate, formula, false);
    }

    /// <summary>The cell formats whose number format shows a date, built in or custom.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var styles = workbook.WorkbookStylesPart?.Stylesheet;
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        uint index = 0;
        foreach (var format in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            uint id = format.NumberFormatId?.Value ?? 0;
            if (DateFormats.Contains(id) || custom.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    /// <summary>A format code with day, month or year placeholders outside quoted text and brackets.</summary>
    private static bool IsDateFormat(string? code) =>
        code is not null && DatePlaceholders().IsMatch(QuotedOrBracketed().Replace(code, string.Empty));

    private static int ColumnIndex(string reference)
    {
        int index = 0;
        foreach (char c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    private static string Printable(string text) => text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex("[dmyDMY]", RegexOptions.CultureInvariant)]
    private static partial Regex DatePlaceholders();

    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedOrBracketed();
}
