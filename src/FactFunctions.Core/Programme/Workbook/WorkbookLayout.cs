namespace FactFunctions.Programme.Workbook;

/// <summary>What a column holds, which decides how a cell is written and read.</summary>
public enum CellKind
{
    Text,

    /// <summary>An id or other text that must stay text (never turned into a number or date by a spreadsheet).</summary>
    Code,

    /// <summary>A milestone date as people write it; a spreadsheet date (a whole day) is accepted and written back as text.</summary>
    Due,
    WholeNumber,
    Decimal,

    /// <summary>A calendar day, typed yyyy-MM-dd or entered as a spreadsheet date.</summary>
    Day,
}

/// <summary>
/// A column of the programme workbook: its header, the document field it maps to (so a validation error on
/// <c>projects[2].milestones[5].due</c> names its cell), its width, and whether uploads read it.
/// </summary>
public sealed record WorkbookColumn(string Header, string Field, double Width, CellKind Kind = CellKind.Text, bool ReadOnly = false)
{
    /// <summary>Choices offered as a drop-down (data validation); null for free input.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>The header as written: read-only columns say so.</summary>
    public string Title => ReadOnly ? $"{Header} (read-only)" : Header;
}

public sealed record WorkbookSheet(string Name, IReadOnlyList<WorkbookColumn> Columns, bool ReadOnly = false)
{
    public int IndexOf(string field) => Columns.ToList().FindIndex(c => c.Field == field);
}

/// <summary>
/// The sheets and columns of <c>/api/programme.xlsx</c>, in one place for the writer and the reader, so a workbook
/// exported and uploaded unchanged reads back as exactly the programme it came from.
/// </summary>
public static class WorkbookLayout
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly WorkbookSheet Readme = new("README", [new WorkbookColumn("How to use this workbook", "text", 120)], ReadOnly: true);

    public static readonly WorkbookSheet Projects = new("Projects",
        [new("Id", "id", 28, CellKind.Code), .. ProjectFields.Described.Select(f => f.WorkbookColumn)]);

    public static readonly WorkbookSheet Milestones = new("Milestones",
        [new("Project", "projectId", 28, CellKind.Code), new("Id", "id", 32, CellKind.Code), .. MilestoneFields.Described.Select(f => f.WorkbookColumn)]);

    public static readonly WorkbookSheet Indicators = new("Indicators",
        [new("Id", "id", 32, CellKind.Code), .. IndicatorFields.Described.Select(f => f.WorkbookColumn)]);

    public static readonly WorkbookSheet IndicatorValues = new("Indicator values",
        [new("Indicator", "indicatorId", 32, CellKind.Code), new("Period", "period", 12, CellKind.Code), .. IndicatorValueFields.Described.Select(f => f.WorkbookColumn)]);

    public static readonly WorkbookSheet Boards = new("Boards",
    [
        new("Id", "id", 28, CellKind.Code, ReadOnly: true),
        new("Name", "name", 40, ReadOnly: true),
        new("Kind", "kind", 24, ReadOnly: true),
        new("Members", "members", 60, ReadOnly: true),
        new("Digest", "digest", 12, ReadOnly: true),
        new("Clear days", "clearDays", 12, CellKind.WholeNumber, ReadOnly: true),
        new("Clearers", "clearers", 70, ReadOnly: true),
    ], ReadOnly: true);

    public static readonly WorkbookSheet Meetings = new("Meetings",
    [
        new("Board", "boardId", 28, CellKind.Code, ReadOnly: true),
        new("Date", "date", 14, CellKind.Code, ReadOnly: true),
        new("Title", "title", 40, ReadOnly: true),
        new("Time", "time", 10, CellKind.Code, ReadOnly: true),
        new("Paper deadline", "paperDeadline", 16, CellKind.Code, ReadOnly: true),
        new("Paper", "reportKind", 20, ReadOnly: true),
    ], ReadOnly: true);

    /// <summary>The issues log: the sheet is the whole log (a deleted row removes that issue), kept with the standing text.</summary>
    public static readonly WorkbookSheet Issues = new("Issues",
    [
        new("Project", "projectId", 28, CellKind.Code),
        new("Issue", "description", 60),
        new("Raised", "raised", 14, CellKind.Day),
        new("Owner", "owner", 24),
        new("Action", "action", 50),
        new("Status", "status", 10, CellKind.Code) { Choices = IssueStatus.All },
    ]);

    /// <summary>The projects' benefits and the indicators that measure them (ids, comma-separated); the sheet is the whole list.</summary>
    public static readonly WorkbookSheet Benefits = new("Benefits",
    [
        new("Project", "projectId", 28, CellKind.Code),
        new("Benefit", "text", 60),
        new("Indicators", "indicators", 40, CellKind.Code),
    ]);

    /// <summary>
    /// The actions boards recorded at their meetings, one row each: the sheet is every meeting's whole list of actions (a
    /// deleted row removes that action); a meeting's resolution and discussion are kept as they are.
    /// </summary>
    public static readonly WorkbookSheet Actions = new("Actions",
    [
        new("Board", "board", 24, CellKind.Code),
        new("Meeting", "date", 14, CellKind.Day),
        new("Id", "id", 28, CellKind.Code),
        new("Action", "text", 60),
        new("Owner", "owner", 24),
        new("Owner e-mail", "ownerEmail", 30, CellKind.Code),
        new("Due", "due", 16, CellKind.Due),
        new("Status", "status", 10, CellKind.Code) { Choices = Outcomes.ActionStatus.All },
        new("Note", "note", 40),
        new("Report back to", "reportBackTo", 14, CellKind.Day),
        new("Done on", "doneOn", 14, CellKind.Code, ReadOnly: true),
    ]);

    /// <summary>In the order the workbook has them.</summary>
    public static readonly IReadOnlyList<WorkbookSheet> All = [Readme, Projects, Milestones, Indicators, IndicatorValues, Boards, Meetings, Issues, Benefits, Actions];

    /// <summary>A1-style column letters for a zero-based column index.</summary>
    public static string ColumnName(int index)
    {
        string name = string.Empty;
        for (int n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>A reference people read: <c>Milestones!D7</c>; sheet names with spaces are quoted as spreadsheets do.</summary>
    public static string Reference(WorkbookSheet sheet, int column, int row) =>
        $"{(sheet.Name.Contains(' ', StringComparison.Ordinal) ? $"'{sheet.Name}'" : sheet.Name)}!{ColumnName(column)}{row}";
}
