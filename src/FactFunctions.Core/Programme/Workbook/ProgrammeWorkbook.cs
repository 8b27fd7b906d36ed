using System.Globalization;
using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Validation;

namespace FactFunctions.Programme.Workbook;

/// <summary>Where a record of the document came from in the workbook, so validation errors can name their cells.</summary>
public sealed record WorkbookOrigin(WorkbookSheet Sheet, int Row);

/// <summary>
/// What an uploaded workbook holds: the programme records it edits, the issues log and benefits (each sheet the whole list),
/// and where each came from.
/// </summary>
public sealed record WorkbookUpload(ProgrammeDocument Document, IReadOnlyList<ProgrammeIssue> IssueLog, IReadOnlyList<ProjectBenefit> Benefits,
    IReadOnlyDictionary<string, WorkbookOrigin> Origins)
{
    /// <summary>The Actions sheet's rows by meeting, in the order they first appear: each meeting's whole list of actions.</summary>
    public IReadOnlyList<Outcomes.MeetingOutcomeDocument> Actions { get; init; } = [];

    /// <summary>
    /// The cell a validation error of the document (<c>projects[2].milestones[5].due</c>) is about: the sheet, the
    /// column of the field and the row the record came from; the row's first cell when the field is not a column.
    /// </summary>
    public string Locate(string field)
    {
        if (Origins.TryGetValue(field, out var row))
        {
            return WorkbookLayout.Reference(row.Sheet, 0, row.Row);
        }

        int dot = field.LastIndexOf('.');
        if (dot < 0 || !Origins.TryGetValue(field[..dot], out var origin))
        {
            return field;
        }

        // A list's item (benefits' indicators[1]) is in its list's cell.
        string name = field[(dot + 1)..];
        int column = Math.Max(0, origin.Sheet.IndexOf(name.Contains('[', StringComparison.Ordinal) ? name[..name.IndexOf('[', StringComparison.Ordinal)] : name));
        return WorkbookLayout.Reference(origin.Sheet, column, origin.Row);
    }
}

/// <summary>
/// The programme as a workbook and back: <see cref="Rows"/> lays the programme out for <see cref="WorkbookWriter"/>;
/// <see cref="FromWorkbook"/> turns what <see cref="WorkbookReader"/> read into the document the JSON import takes,
/// naming the cell of every value it cannot read. The issues log and benefits are edited here (each sheet is the whole
/// list); updates, the rest of the standing text, boards and meetings are not.
/// </summary>
public static class ProgrammeWorkbook
{
    // Invariant month names are the English ones; the hosts run in globalization-invariant mode.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static IReadOnlyDictionary<WorkbookSheet, IReadOnlyList<object?[]>> Rows(ProgrammeState state, IReadOnlyList<BoardDocument> boards,
        DateTimeOffset exportedAt, string uploadUrl)
    {
        var projectOrder = state.Projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var milestones = ProgrammeStore.OrderMilestones(state.Milestones)
            .OrderBy(m => projectOrder.GetValueOrDefault(m.ProjectId, int.MaxValue))
            .ThenBy(m => m.ProjectId, StringComparer.Ordinal);
        return new Dictionary<WorkbookSheet, IReadOnlyList<object?[]>>
        {
            [WorkbookLayout.Readme] = Readme(exportedAt, uploadUrl).Select(line => new object?[] { line }).ToList(),
            [WorkbookLayout.Projects] = state.Projects.Select(p => (object?[])[p.Id, .. ProjectFields.Described.Select(f => f.Get(p))]).ToList(),
            [WorkbookLayout.Milestones] = milestones.Select(m => (object?[])[m.ProjectId, m.Id, .. MilestoneFields.Described.Select(f => f.Get(m))]).ToList(),
            [WorkbookLayout.Indicators] = state.Indicators
                .Select(i => (object?[])[i.Id, .. IndicatorFields.Described.Select(f => f.Get(i))]).ToList(),
            [WorkbookLayout.IndicatorValues] = state.Indicators
                .SelectMany(i => (i.Values ?? []).Select(v => (object?[])[i.Id, v.Period, .. IndicatorValueFields.Described.Select(f => f.Get(v))])).ToList(),
            [WorkbookLayout.Boards] = boards
                .Select(b => new object?[]
                {
                    b.Id, b.Name, b.Kind, string.Join(", ", (b.Members ?? []).Select(m => m.Name)), b.Digest, b.ClearDays ?? Board.DefaultClearDays,
                    string.Join("; ", (b.Clearers ?? []).Select(c => $"{c.Name} ({c.Role}: {c.Describe()})")),
                }).ToList(),
            [WorkbookLayout.Meetings] = boards
                .SelectMany(b => (b.Meetings ?? []).Select(m => new object?[]
                {
                    b.Id, m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Title, m.Time?.ToString("HH:mm", CultureInfo.InvariantCulture),
                    m.PaperDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.ReportKind,
                })).ToList(),
            [WorkbookLayout.Issues] = (state.Text?.IssueLog ?? [])
                .Select(i => new object?[] { i.ProjectId, i.Description, i.Raised?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.Owner, i.Action, i.Status })
                .ToList(),
            [WorkbookLayout.Benefits] = (state.Text?.Benefits ?? [])
                .Select(b => new object?[] { b.ProjectId, b.Text, string.Join(", ", b.Indicators ?? []) }).ToList(),
            [WorkbookLayout.Actions] = state.MeetingOutcomes
                .SelectMany(o => (o.Actions ?? []).Select(a => new object?[]
                {
                    o.Board, Iso(o.Date), a.Id, a.Text, a.Owner, a.OwnerEmail, a.Due, a.Status, a.Note, Iso(a.ReportBackTo), Iso(a.DoneOn),
                })).ToList(),
        };
    }

    /// <summary>
    /// The stored outcomes with the Actions sheet's lists in place of theirs: the sheet's meetings first, in its order (so
    /// errors name their rows), then stored meetings the sheet no longer lists, left with no actions; resolutions and
    /// discussions as stored, and each action's day done kept or set (<see cref="Outcomes.OutcomeHandlers.WithDoneOn"/>).
    /// </summary>
    public static IReadOnlyList<Outcomes.MeetingOutcomeDocument> MergeActions(IReadOnlyList<Outcomes.MeetingOutcomeDocument> stored,
        IReadOnlyList<Outcomes.MeetingOutcomeDocument> sheet, DateOnly today)
    {
        var byMeeting = stored.Where(o => o.Board is not null && o.Date is not null).ToDictionary(o => (o.Board!, o.Date!.Value));
        var merged = sheet.Select(g =>
        {
            var was = g.Board is { } board && g.Date is { } date ? byMeeting.GetValueOrDefault((board, date)) : null;
            var outcome = (was ?? new Outcomes.MeetingOutcomeDocument { Board = g.Board, Date = g.Date }) with { Actions = g.Actions };
            return (Outcomes.MeetingOutcomeDocument)Outcomes.OutcomeHandlers.WithDoneOn(outcome, was, today, g.Date ?? today);
        }).ToList();
        var listed = sheet.Select(g => (g.Board, g.Date)).ToHashSet();
        merged.AddRange(stored.Where(o => !listed.Contains((o.Board, o.Date)) && o.Actions is { Count: > 0 }).Select(o => o with { Actions = [] }));
        return merged;
    }

    private static string? Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Readme(DateTimeOffset exportedAt, string uploadUrl)
    {
        var london = TimeZoneInfo.ConvertTime(exportedAt, LondonTime.Zone);
        yield return $"The FACT programme, exported on {london.ToString("d MMMM yyyy 'at' HH:mm", English)} (London time).";
        yield return "Edit the Projects, Milestones, Indicators, Indicator values, Issues and Benefits sheets. Boards and Meetings are shown for " +
            "reference and are not read back.";
        yield return "The Issues and Benefits sheets are the whole issues log and list of benefits: a row you delete there is removed. A benefit's " +
            "Indicators are indicator Ids separated by commas; an issue's Raised is a date (2023-03-01).";
        yield return "The Actions sheet is every action boards recorded at their meetings (Board and Meeting name the meeting): a row you delete " +
            "there is removed; a meeting's resolution and discussion are kept. Done on is filled in when an action is first marked done.";
        yield return "Keep each row's Id (and the Project or Indicator it belongs to): that is how a row is matched to its record, so rows can be " +
            "sorted or moved freely. The Order columns set the order in papers.";
        yield return "To add a record, add a row with a new Id (lower-case letters, digits and hyphens). Status, Polarity and Project offer drop-down lists.";
        yield return $"Type due dates as people write them, for example: {FuzzyDate.AcceptedForms}.";
        yield return "Baseline due is the plan the board agreed: to re-date a milestone change Due and leave Baseline due alone, so the highlight " +
            "report shows the slippage. A baseline moves only by a board's decision (POST .../rebaseline): a changed Baseline due is refused. " +
            "A new row with an empty Baseline due takes its Due.";
        yield return "Columns marked (read-only) are worked out by the system and ignored when you upload.";
        yield return "A milestone whose row you delete is kept unless you upload with ?removeMissing=true; the answer lists such milestones.";
        yield return "Upload the saved .xlsx (not .xlsm) to this address with the programme lead's key:";
        yield return $"curl -X PUT -H \"x-functions-key: $LEAD_KEY\" -H \"Content-Type: {WorkbookLayout.ContentType}\" --data-binary @programme.xlsx \"{uploadUrl}\"";
        yield return "Add ?dryRun=true to see what would change without saving. Every problem is listed at once with its cell (for example " +
            "Milestones!D7), and nothing is saved until the whole workbook is right.";
    }

    /// <summary>The document the rows describe; every value that cannot be read is an error naming its cell.</summary>
    public static WorkbookUpload FromWorkbook(WorkbookContent content, ValidationErrors errors)
    {
        var origins = new Dictionary<string, WorkbookOrigin>(StringComparer.Ordinal);
        var projects = new List<(ProjectDocument Project, List<MilestoneDocument> Milestones, int Row)>();
        foreach (var row in content.Sheets.GetValueOrDefault(WorkbookLayout.Projects) ?? [])
        {
            var cells = new RowReader(WorkbookLayout.Projects, row, errors);
            projects.Add((cells.Record(new ProjectDocument { Id = cells.Text("id") }, ProjectFields.Described), [], row.Number));
        }

        var byId = projects.Where(p => p.Project.Id is not null).GroupBy(p => p.Project.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g
            .First(), StringComparer.Ordinal);
        var milestoneRows = new Dictionary<MilestoneDocument, int>(ReferenceEqualityComparer.Instance);
        foreach (var row in content.Sheets.GetValueOrDefault(WorkbookLayout.Milestones) ?? [])
        {
            var cells = new RowReader(WorkbookLayout.Milestones, row, errors);
            string? projectId = cells.Text("projectId");
            var milestone = cells.Record(new MilestoneDocument { Id = cells.Text("id") }, MilestoneFields.Described);
            if (projectId is null)
            {
                cells.Error("projectId", "is empty; name the project (its Id on the Projects sheet).");
            }
            else if (!byId.TryGetValue(projectId, out var project))
            {
                cells.Error("projectId", $"names the project '{projectId}', which is not on the Projects sheet.");
            }
            else
            {
                project.Milestones.Add(milestone);
                milestoneRows[milestone] = row.Number;
            }
        }

        var indicators = new List<(IndicatorDocument Indicator, List<IndicatorValueDocument> Values, int Row)>();
        foreach (var row in content.Sheets.GetValueOrDefault(WorkbookLayout.Indicators) ?? [])
        {
            var cells = new RowReader(WorkbookLayout.Indicators, row, errors);
            indicators.Add((cells.Record(new IndicatorDocument { Id = cells.Text("id") }, IndicatorFields.Described), [], row.Number));
        }

        var indicatorsById = indicators.Where(i => i.Indicator.Id is not null).GroupBy(i => i.Indicator.Id!, StringComparer.Ordinal).ToDictionary(g =>
            g.Key, g => g.First(), StringComparer.Ordinal);
        var valueRows = new Dictionary<IndicatorValueDocument, int>(ReferenceEqualityComparer.Instance);
        foreach (var row in content.Sheets.GetValueOrDefault(WorkbookLayout.IndicatorValues) ?? [])
        {
            var cells = new RowReader(WorkbookLayout.IndicatorValues, row, errors);
            string? indicatorId = cells.Text("indicatorId");
            var value = cells.Record(new IndicatorValueDocument { Period = cells.Text("period") }, IndicatorValueFields.Described);
            if (indicatorId is null || !indicatorsById.TryGetValue(indicatorId, out var indicator))
            {
                cells.Error("indicatorId", indicatorId is null ? "is empty; name the indicator." : $"names the indicator '{indicatorId}', which is not on the Indicators sheet.");
            }
            else
            {
                indicator.Values.Add(value);
                valueRows[value] = row.Number;
            }
        }

        var projectDocuments = new List<ProjectDocument>();
        foreach (var (project, milestones, row) in projects)
        {
            string path = $"projects[{projectDocuments.Count}]";
            origins[path] = new WorkbookOrigin(WorkbookLayout.Projects, row);
            for (int m = 0; m < milestones.Count; m++)
            {
                origins[$"{path}.milestones[{m}]"] = new WorkbookOrigin(WorkbookLayout.Milestones, milestoneRows[milestones[m]]);
            }

            projectDocuments.Add(project with { Milestones = milestones });
        }

        var indicatorDocuments = new List<IndicatorDocument>();
        foreach (var (indicator, values, row) in indicators)
        {
            string path = $"indicators[{indicatorDocuments.Count}]";
            origins[path] = new WorkbookOrigin(WorkbookLayout.Indicators, row);
            for (int v = 0; v < values.Count; v++)
            {
                origins[$"{path}.values[{v}]"] = new WorkbookOrigin(WorkbookLayout.IndicatorValues, valueRows[values[v]]);
            }

            indicatorDocuments.Add(indicator with { Values = values });
        }

        var issues = new List<ProgrammeIssue>();
        foreach (var row in content.Sheets.GetValueOrDefault(WorkbookLayout.Issues) ?? [])
        {
            var cells = new RowReader(WorkbookLayout.Issues, row, errors);
            origins[$"programme.issueLog[{issues.Count}]"] = new WorkbookOrigin(WorkbookLayout.Issues, row.Number);
            issues.Add(new ProgrammeIssue
            {
                ProjectId = cells.Text("projectId"),
                Description = cells.Text("description"),
                Raised = cells.Day("raised"),
                Owner = cells.Text("owner"),
                Action = cells.Text("action"),
                Status = cells.Text("status"),
            });
        }

        var benefits = new List<ProjectBenefit>();
        foreach (var row in content.Sheets.GetValueOrDefault(WorkbookLayout.Benefits) ?? [])
        {
            var cells = new RowReader(WorkbookLayout.Benefits, row, errors);
            origins[$"programme.benefits[{benefits.Count}]"] = new WorkbookOrigin(WorkbookLayout.Benefits, row.Number);
            var named = (cells.Text("indicators") ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            benefits.Add(new ProjectBenefit { ProjectId = cells.Text("projectId"), Text = cells.Text("text"), Indicators = named.Length == 0 ? null : named });
        }

        var meetings = new List<(string? Board, DateOnly? Date, List<Outcomes.MeetingAction> Actions)>();
        foreach (var row in content.Sheets.GetValueOrDefault(WorkbookLayout.Actions) ?? [])
        {
            var cells = new RowReader(WorkbookLayout.Actions, row, errors);
            string? board = cells.Text("board");
            var date = cells.Day("date");
            int at = meetings.FindIndex(m => m.Board == board && m.Date == date);
            if (at < 0)
            {
                meetings.Add((board, date, []));
                at = meetings.Count - 1;
                origins[$"outcomes[{at}]"] = new WorkbookOrigin(WorkbookLayout.Actions, row.Number);
            }

            origins[$"outcomes[{at}].actions[{meetings[at].Actions.Count}]"] = new WorkbookOrigin(WorkbookLayout.Actions, row.Number);
            meetings[at].Actions.Add(new Outcomes.MeetingAction
            {
                Id = cells.Text("id"),
                Text = cells.Text("text"),
                Owner = cells.Text("owner"),
                OwnerEmail = cells.Text("ownerEmail"),
                Due = cells.Due("due"),
                Status = cells.Text("status"),
                Note = cells.Text("note"),
                ReportBackTo = cells.Day("reportBackTo"),
            });
        }

        return new WorkbookUpload(new ProgrammeDocument { Projects = projectDocuments, Indicators = indicatorDocuments }, issues, benefits, origins)
        {
            Actions = [.. meetings.Select(m => new Outcomes.MeetingOutcomeDocument { Board = m.Board, Date = m.Date, Actions = m.Actions })],
        };
    }

    /// <summary>Reads one row's cells by field, adding an error naming the cell for a value of the wrong kind.</summary>
    private sealed class RowReader(WorkbookSheet sheet, WorkbookRow row, ValidationErrors errors)
    {
        public void Error(string field, string message) => errors.Add(WorkbookLayout.Reference(sheet, sheet.IndexOf(field), row.Number), message);

        private WorkbookCell? Cell(string field)
        {
            if (!row.Cells.TryGetValue(sheet.IndexOf(field), out var cell) || cell.IsEmpty)
            {
                return null;
            }

            if (cell.Formula is not null)
            {
                Error(field, $"is a formula ({Shorten(cell.Formula)}); type the value itself.");
                return null;
            }

            if (cell.IsError)
            {
                Error(field, $"holds the spreadsheet error {cell.Text}; type the value itself.");
                return null;
            }

            return cell;
        }

        /// <summary><paramref name="record"/> with every field of <paramref name="fields"/> that uploads read, read from its cell.</summary>
        public TRecord Record<TRecord, TFields>(TRecord record, IReadOnlyList<RecordField<TFields>> fields)
            where TRecord : class, TFields
            where TFields : class =>
            (TRecord)fields.Where(f => !f.Derived).Aggregate<RecordField<TFields>, TFields>(record, (read, f) => f.Set!(read, f.Kind switch
            {
                CellKind.Due => Due(f.Name),
                CellKind.WholeNumber => WholeNumber(f.Name),
                CellKind.Decimal => Decimal(f.Name),
                CellKind.Text or CellKind.Code => Text(f.Name),
                CellKind.Day => Day(f.Name),
                _ => throw new ArgumentOutOfRangeException(nameof(fields), f.Kind, "No reader for this kind of cell."),
            }));

        public string? Text(string field)
        {
            var cell = Cell(field);
            if (cell is { IsDate: true })
            {
                Error(field, "was turned into a date by the spreadsheet; format the cell as text and type the value again.");
                return null;
            }

            return cell?.Text;
        }

        /// <summary>A due date: text as typed, or a spreadsheet date of a whole day, written back as people write it.</summary>
        public string? Due(string field)
        {
            var cell = Cell(field);
            if (cell is null || !cell.IsNumber && !cell.IsDate)
            {
                return cell?.Text;
            }

            if (cell.IsDate && DateOnly.TryParseExact(cell.Text?[..Math.Min(10, cell.Text.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                return iso.ToString("d MMMM yyyy", English);
            }

            if (double.TryParse(cell.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && serial == Math.Floor(serial) && serial is >= 1 and < 2958466)
            {
                return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("d MMMM yyyy", English);
            }

            Error(field, $"'{cell.Text}' is a number, not a date people write; accepted forms: {FuzzyDate.AcceptedForms}.");
            return null;
        }

        /// <summary>A day typed yyyy-MM-dd, or a spreadsheet date of that day.</summary>
        public DateOnly? Day(string field)
        {
            var cell = Cell(field);
            if (cell is null)
            {
                return null;
            }

            string text = (cell.Text ?? string.Empty).Trim();
            if (InputDates.TryParse(cell.IsDate && text.Length > 10 ? text[..10] : text, out var day))
            {
                return day;
            }

            if (!cell.IsDate && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && serial == Math.Floor(serial) &&
                serial is >= 1 and < 2958466 && DateOnly.FromDateTime(DateTime.FromOADate(serial)) is var fromSerial && InputDates.InRange(fromSerial))
            {
                return fromSerial;
            }

            Error(field, $"'{cell.Text}' is not a date; type it as 2023-03-01 ({InputDates.Rule}).");
            return null;
        }

        public int? WholeNumber(string field)
        {
            var cell = Cell(field);
            if (cell is null)
            {
                return null;
            }

            if (decimal.TryParse(cell.Text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) && number == decimal.Truncate(number) &&
                number is >= int.MinValue and <= int.MaxValue && !cell.IsDate)
            {
                return (int)number;
            }

            Error(field, $"'{cell.Text}' is not a whole number.");
            return null;
        }

        public decimal? Decimal(string field)
        {
            var cell = Cell(field);
            if (cell is null)
            {
                return null;
            }

            if (decimal.TryParse(cell.Text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number) && !cell.IsDate)
            {
                return number;
            }

            Error(field, $"'{cell.Text}' is not a number.");
            return null;
        }

        private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
    }
}
