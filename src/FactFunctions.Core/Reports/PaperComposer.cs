using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Programme;
using FactFunctions.Snapshots;
using T = FactFunctions.Reports.TemplateTags;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports;

/// <summary>The earlier paper of the same kind, whose meeting the new one reports "since".</summary>
public sealed record PreviousPaper(DateOnly MeetingDate, string SnapshotId);

public sealed record PaperRequest
{
    public required string Kind { get; init; }

    public required DateOnly MeetingDate { get; init; }

    public required ProgrammeSnapshot Snapshot { get; init; }

    /// <summary>The date printed as "Date of report"; the snapshot's date unless the lead says otherwise.</summary>
    public DateOnly? ReportDate { get; init; }

    public PreviousPaper? Previous { get; init; }

    public SnapshotChanges? Changes { get; init; }

    public int LookAheadMonths { get; init; } = 24;
}

/// <summary>Turns a frozen programme into the field values of a paper. Pure: the same request gives the same fields.</summary>
public static class PaperComposer
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string MonthYear(DateOnly date) => date.ToString("MMMM yyyy", English);

    /// <summary>
    /// The Key milestones window: from the first day of the month before the meeting (a paper is written a few weeks
    /// ahead, and lists what falls due from then) to <see cref="PaperRequest.LookAheadMonths"/> after the meeting.
    /// The seed paper's last row falls 20 months after its meeting, so 18 months would be too short a default.
    /// </summary>
    public static (DateOnly From, DateOnly To) MilestoneWindow(PaperRequest request)
    {
        var from = new DateOnly(request.MeetingDate.Year, request.MeetingDate.Month, 1).AddMonths(-1);
        return (from, request.MeetingDate.AddMonths(request.LookAheadMonths));
    }

    /// <summary>The milestones a paper's table shows, grouped by project in project order, each group in window order.</summary>
    public static IReadOnlyList<(ProjectView Project, IReadOnlyList<MilestoneView> Milestones)> KeyMilestones(PaperRequest request)
    {
        var (from, to) = MilestoneWindow(request);
        var byProject = request.Snapshot.State.Milestones
            .Where(m => m.Status != MilestoneStatus.Cancelled && m.Window.Overlaps(from, to))
            .ToLookup(m => m.ProjectId, StringComparer.Ordinal);
        return request.Snapshot.State.Projects
            .Where(p => byProject[p.Id].Any())
            .Select(p => (p, (IReadOnlyList<MilestoneView>)byProject[p.Id]
                .OrderBy(m => m.Window.Earliest).ThenBy(m => m.Order).ThenBy(m => m.Window.Latest).ThenBy(m => m.Id, StringComparer.Ordinal)
                .ToList()))
            .ToList();
    }

    public static FieldSet Compose(PaperRequest request) =>
        request.Kind == PaperKinds.SelectCommittee ? SelectCommittee(request) : SchoolsForum(request);

    private static FieldSet Common(PaperRequest request, string? previousFromText)
    {
        var text = request.Snapshot.State.Text ?? new ProgrammeText();
        var fields = new FieldSet()
            .Text(T.CommitteeName, PaperKinds.Committee(request.Kind))
            .Text(T.MeetingDate, LongDate(request.MeetingDate))
            .Text(T.Title, text.Title)
            .Text(T.PreviousReport, request.Previous is { } previous ? MonthYear(previous.MeetingDate) : previousFromText ?? "(no earlier report)")
            .Text(T.AuthorName, text.Author?.Name)
            .Text(T.AuthorRole, text.Author?.Role)
            .Text(T.AuthorEmail, text.Author?.Email)
            .Text(T.DirectorName, text.Director?.Name)
            .Text(T.DirectorRole, text.Director?.Role)
            .Text(T.ReportDate, LongDate(request.ReportDate ?? request.Snapshot.Header.AsOf))
            .Set(T.Principles, ParagraphsField.Lines(text.Principles, whenEmpty: null))
            .Set(T.KindnessAndCare, ParagraphsField.Lines(text.KindnessAndCare, whenEmpty: null));
        return fields;
    }

    private static FieldSet SelectCommittee(PaperRequest request)
    {
        var state = request.Snapshot.State;
        var text = state.Text ?? new ProgrammeText();
        var fields = Common(request, text.PreviousReports?.SelectCommittee)
            .Set(T.ExecutiveSummary, ParagraphsField.Of(text.ExecutiveSummary))
            .Set(T.ReasonForProposal, ParagraphsField.Of(text.ReasonForProposal))
            .Set(T.Purpose, ParagraphsField.Of(text.Purpose))
            .Set(T.Background, ParagraphsField.Of(text.Background))
            .Set(T.Governance, ParagraphsField.Of(text.Governance))
            .Set(T.Safeguarding, ParagraphsField.Of(text.Safeguarding))
            .Set(T.PublicHealth, ParagraphsField.Of(text.PublicHealth))
            .Set(T.Procurement, ParagraphsField.Of(text.Procurement))
            .Set(T.Equalities, ParagraphsField.Of(text.Equalities))
            .Set(T.Environmental, ParagraphsField.Of(text.Environmental))
            .Set(T.Financial, ParagraphsField.Of(text.Financial))
            .Set(T.Legal, ParagraphsField.Of(text.Legal))
            .Set(T.Options, ParagraphsField.Of(text.Options))
            .Set(T.Conclusion, ParagraphsField.Of(text.Conclusion))
            .Set(T.BackgroundPapers, ParagraphsField.Lines(text.BackgroundPapers))
            .Set(T.Appendices, ParagraphsField.Lines(text.Appendices))
            .Set(T.MilestonesIntro, ParagraphsField.Lines(["The programme has a number of key milestones over the next 12-18 months across the various projects and these are set out below:"]));

        var indicators = state.Indicators.ToLookup(i => i.ProjectId ?? string.Empty, StringComparer.Ordinal);
        var updates = UpdatesFor(request, Audience.SelectCommittee);
        fields.Set(T.Projects, new RepeatField(state.Projects
            .Where(p => updates[p.Id].Any() || indicators[p.Id].Any(i => i.Values?.Count > 0))
            .Select(p => new FieldSet(fields)
                .Text(T.ProjectName, p.Name)
                .Set(T.ProjectParagraphs, new ParagraphsField(updates[p.Id].SelectMany(u => u.Paragraphs ?? []).ToList(), WhenEmpty: null))
                .Set(T.ProjectIndicators, new ElementsField(IndicatorTable(indicators[p.Id].ToList()))))
            .ToList()));

        fields.Set(T.MilestoneGroups, new RepeatField(KeyMilestones(request)
            .Select(group => new FieldSet(fields)
                .Text(T.GroupName, group.Project.Name)
                .Set(T.GroupMilestones, new RepeatField(group.Milestones
                    .Select(m => new FieldSet(fields).Text(T.MilestoneActivity, m.Activity).Text(T.MilestoneDue, m.Due))
                    .ToList())))
            .ToList()));

        fields.Set(T.RisksIfNotTaken, Risks(fields, text.Risks?.IfNotTaken));
        fields.Set(T.RisksIfTaken, Risks(fields, text.Risks?.IfTaken));

        var annex = new List<FieldSet>();
        if (request.Previous is { } previous && request.Changes is { } changes)
        {
            var lines = changes.Summary().ToList();
            annex.Add(new FieldSet(fields)
                .Text(T.ChangesSince, LongDate(previous.MeetingDate))
                .Set(T.ChangesItems, ParagraphsField.Lines(lines, whenEmpty: "No milestones or indicators have changed.")));
        }

        fields.Set(T.ChangesAnnex, new RepeatField(annex));
        return fields;
    }

    private static FieldSet SchoolsForum(PaperRequest request)
    {
        var state = request.Snapshot.State;
        var text = state.Text ?? new ProgrammeText();
        var forum = text.SchoolsForum ?? new SchoolsForumText();
        var fields = Common(request, text.PreviousReports?.SchoolsForum)
            .Set(T.ForumPurpose, ParagraphsField.Of(forum.Purpose))
            .Set(T.ForumBackground, ParagraphsField.Of(forum.Background))
            .Set(T.ForumUpdate, ParagraphsField.Of(forum.Update, whenEmpty: null))
            .Set(T.ForumPriorityProjects, ParagraphsField.Of(forum.PriorityProjects, whenEmpty: null))
            .Set(T.ForumNextSteps, ParagraphsField.Of(forum.NextSteps));

        var projectNames = state.Projects.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var completed = state.Milestones
            .Where(m => m.Status == MilestoneStatus.Complete)
            .OrderBy(m => m.Window.Latest).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => $"{m.Activity} ({projectNames.GetValueOrDefault(m.ProjectId) ?? m.ProjectId}, {m.Due})");
        fields.Set(T.Achievements, ParagraphsField.Lines((text.Achievements ?? []).Concat(completed)));

        var updates = UpdatesFor(request, Audience.SchoolsForum);
        fields.Set(T.Projects, new RepeatField(state.Projects
            .Where(p => updates[p.Id].Any())
            .Select(p => new FieldSet(fields)
                .Text(T.ProjectName, p.Name)
                .Set(T.ProjectParagraphs, new ParagraphsField(updates[p.Id].SelectMany(u => u.Paragraphs ?? []).ToList(), WhenEmpty: null)))
            .ToList()));

        var (from, _) = MilestoneWindow(request);
        var milestones = state.Milestones.ToLookup(m => m.ProjectId, StringComparer.Ordinal);
        fields.Set(T.PriorityProjects, new RepeatField(state.Projects
            .Where(p => p.Status == "active")
            .Select(p =>
            {
                var next = milestones[p.Id]
                    .Where(m => !MilestoneStatus.IsClosed(m.Status) && m.Window.Latest >= from)
                    .OrderBy(m => m.Window.Earliest).ThenBy(m => m.Order)
                    .FirstOrDefault();
                return new FieldSet(fields)
                    .Text(T.PriorityName, p.Name)
                    .Text(T.PriorityAim, p.Aim)
                    .Text(T.PriorityStatus, SnapshotDiff.Words(p.Status))
                    .Text(T.PriorityNextMilestone, next?.Activity ?? "No open milestone")
                    .Text(T.PriorityNextDue, next?.Due ?? "–");
            })
            .ToList()));
        return fields;
    }

    /// <summary>
    /// Updates for the audience: those dated after the previous paper's snapshot when there was one, otherwise each
    /// project's latest.
    /// </summary>
    private static ILookup<string, UpdateView> UpdatesFor(PaperRequest request, string audience)
    {
        var relevant = request.Snapshot.State.Updates.Where(u => Audience.Includes(u.Audience, audience)).ToList();
        if (request.Changes is { } changes)
        {
            var since = Dates.LondonTime.DateOf(changes.SinceTakenAt);
            var recent = relevant.Where(u => u.AsOf > since).ToList();
            if (recent.Count > 0)
            {
                return recent.OrderBy(u => u.AsOf).ToLookup(u => u.ProjectId, StringComparer.Ordinal);
            }
        }

        return relevant
            .GroupBy(u => u.ProjectId, StringComparer.Ordinal)
            .SelectMany(g => g.Where(u => u.AsOf == g.Max(x => x.AsOf)))
            .ToLookup(u => u.ProjectId, StringComparer.Ordinal);
    }

    private static RepeatField Risks(FieldSet outer, IReadOnlyList<Risk>? risks) =>
        new((risks ?? []).Select((risk, index) => new FieldSet(outer)
            .Text(T.RiskNumber, (index + 1).ToString(English))
            .Text(T.RiskDescription, risk.Description)
            .Text(T.RiskMitigation, risk.Mitigation))
            .ToList());

    /// <summary>
    /// The outcomes table under a project, laid out like the seed's exclusions table: a header row of categories
    /// ("Permanent exclusion"), a row of indicator names ("Primary Schools"), and a row of the latest figure of each.
    /// </summary>
    public static IReadOnlyList<OpenXmlElement> IndicatorTable(IReadOnlyList<IndicatorView> indicators)
    {
        var shown = indicators.Where(i => i.Values?.Count > 0).ToList();
        if (shown.Count == 0)
        {
            return [];
        }

        const int total = 9638;
        int width = total / shown.Count;
        var widths = Enumerable.Repeat(width, shown.Count).ToArray();
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = DocumentBuilder.TableStyle },
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableLook { Val = "04A0", FirstRow = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(English) })));

        if (shown.Any(i => !string.IsNullOrEmpty(i.Category)))
        {
            var categoryRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            foreach (var group in Runs(shown, i => i.Category ?? string.Empty))
            {
                categoryRow.AppendChild(DocumentBuilder.SpanningCell(width * group.Count, group.Count, "D9E2F3", HeadingLine(group.Key)));
            }

            table.AppendChild(categoryRow);
        }

        var nameRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var indicator in shown)
        {
            nameRow.AppendChild(DocumentBuilder.Cell(width, HeadingLine(indicator.Name)));
        }

        table.AppendChild(nameRow);
        var valueRow = new TableRow();
        foreach (var indicator in shown)
        {
            var latest = indicator.Values!.OrderBy(v => v.Period, StringComparer.Ordinal).Last();
            string figure = !string.IsNullOrWhiteSpace(latest.Note) ? latest.Note! : $"{latest.Period}: {SnapshotDiff.Figure(latest)}";
            valueRow.AppendChild(DocumentBuilder.Cell(width, TextLine(DocumentBuilder.TableTextStyle, figure)));
        }

        table.AppendChild(valueRow);
        var source = string.Join("; ", shown.Select(i => i.Source).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal));
        return source.Length == 0
            ? [table, new WordParagraph()]
            : [table, TextLine("Normal", $"Source: {source}")];
    }

    private static WordParagraph HeadingLine(string? text) => TextLine(DocumentBuilder.TableHeadingStyle, text);

    private static WordParagraph TextLine(string style, string? text)
    {
        var run = new Run();
        TemplateFiller.AppendText(run, text);
        return new WordParagraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), run);
    }

    /// <summary>Consecutive items with the same key, in order (categories span adjacent columns only).</summary>
    private static IEnumerable<(string Key, int Count)> Runs<TItem>(IEnumerable<TItem> items, Func<TItem, string> key)
    {
        string? current = null;
        int count = 0;
        foreach (var item in items)
        {
            string k = key(item);
            if (count > 0 && k != current)
            {
                yield return (current!, count);
                count = 0;
            }

            current = k;
            count++;
        }

        if (count > 0)
        {
            yield return (current!, count);
        }
    }
}
