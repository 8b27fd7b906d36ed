using System.Globalization;
using DocumentFormat.OpenXml;
using FactFunctions.Programme;
using FactFunctions.Reports.Word;
using T = FactFunctions.Reports.Papers.TemplateTags;

namespace FactFunctions.Reports.Papers;

/// <summary>
/// What the papers share when turning a frozen programme into field values: the meeting and people, updates for an
/// audience, the Key milestones rows, risks. Each paper's own fields are its definition's (<see cref="PaperDefinitions"/>).
/// Pure: the same request gives the same fields.
/// </summary>
public static class PaperComposer
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string MonthYear(DateOnly date) => date.ToString("MMMM yyyy", English);

    /// <summary>Words as the start of a sentence or a cell: "in delivery" → "In delivery".</summary>
    public static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    /// <summary>The Key milestones window of the request's meeting (<see cref="Programme.KeyMilestones.Window"/>).</summary>
    /// <summary>The actions the paper carries from its boards' earlier meetings (<see cref="Programme.Outcomes.CarriedActions"/>).</summary>
    public static IReadOnlyList<Programme.Outcomes.CarriedAction> Actions(PaperRequest request) =>
        Programme.Outcomes.CarriedActions.Ordered(request.ActionBoards.SelectMany(b => Programme.Outcomes.CarriedActions.For(
            request.Snapshot.State.MeetingOutcomes, b.Id, request.MeetingDate, b.PreviousMeeting, AsOf(request), request.Previous?.State?.MeetingOutcomes)));

    public static (DateOnly From, DateOnly To) MilestoneWindow(PaperRequest request) => Programme.KeyMilestones.Window(request.MeetingDate, request.LookAheadMonths);

    /// <summary>The date the paper speaks as of: the report date when given, otherwise the snapshot's.</summary>
    public static DateOnly AsOf(PaperRequest request) => request.ReportDate ?? request.Snapshot.Header.AsOf;

    /// <summary>The Key milestones rows of the request's paper (<see cref="Programme.KeyMilestones"/>).</summary>
    public static IReadOnlyList<(ProjectView Project, IReadOnlyList<KeyMilestoneRow> Rows)> KeyMilestones(PaperRequest request) =>
        Programme.KeyMilestones.For(request.Snapshot.State, request.MeetingDate, AsOf(request), request.LookAheadMonths);

    /// <summary>The fields of the paper the request names, composed by that paper's definition.</summary>
    public static FieldSet Compose(PaperRequest request) => PaperDefinitions.GetWord(request.Kind).Compose(request);

    /// <summary>The fields every paper shares: the meeting, the programme's title, author and director, the principles.</summary>
    public static FieldSet Common(PaperRequest request, string? previousFromText)
    {
        var text = request.Snapshot.State.Text ?? new ProgrammeText();
        var paper = PaperDefinitions.Get(request.Kind);
        string committee = request.Board?.Name ?? paper.Committee;
        var fields = new FieldSet()
            .Text(T.CommitteeName, committee)
            .Text(T.MeetingDate, LongDate(request.MeetingDate))
            .Text(T.Title, text.Title)
            .Text(T.PreviousReport, request.Previous is { } previous ? MonthYear(previous.MeetingDate) : previousFromText ?? "(no earlier report)")
            .Text(T.AuthorName, text.Author?.Name)
            .Text(T.AuthorRole, text.Author?.Role)
            .Text(T.AuthorEmail, text.Author?.Email)
            .Text(T.DirectorName, text.Director?.Name)
            .Text(T.DirectorRole, text.Director?.Role)
            .Text(T.ReportDate, LongDate(AsOf(request)))
            .Set(T.Principles, ParagraphsField.Lines(text.Principles, whenEmpty: null))
            .Set(T.KindnessAndCare, ParagraphsField.Lines(text.KindnessAndCare, whenEmpty: null));

        if (request.Draft is { } draft)
        {
            fields.Package.Draft = new DraftLayout(draft.StartFromPrevious, DraftLocks.TitleOf);
        }

        // What a screen reader announces and a document library lists: the paper's title, who wrote it, and when.
        string title = paper.ForOneBoard ? paper.Name : string.IsNullOrWhiteSpace(text.Title) ? "FACT programme update" : text.Title;
        fields.Package.Title = $"{title}: {committee}, {LongDate(request.MeetingDate)}";
        fields.Package.Creator = string.IsNullOrWhiteSpace(text.Author?.Name) ? "Wiltshire Council" : text.Author.Name;
        fields.Package.Created = new DateTimeOffset(AsOf(request).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return fields;
    }

    /// <summary>
    /// Updates for the audience: those dated after the previous paper's snapshot when there was one, otherwise each
    /// project's latest.
    /// </summary>
    public static ILookup<string, UpdateView> UpdatesFor(PaperRequest request, string audience)
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

    /// <summary>
    /// A project's updates in the paper: the blocks of the updates it prints. In a draft, each printed update written for
    /// this meeting (after <see cref="DraftSettings.UpdatesSince"/>, up to the meeting) is a region of its own; a project
    /// with none gets one new update's region, empty or, asked to start from the previous update, holding its words.
    /// </summary>
    public static IReadOnlyList<OpenXmlElement> UpdateRegions(BlockWriter writer, PaperRequest request, ProjectView project, IReadOnlyList<UpdateView> printed,
        BlockPlace place)
    {
        if (request.Draft is not { } draft)
        {
            return writer.Write(printed.SelectMany(u => u.Blocks ?? []), place);
        }

        if (printed.Any(u => ForMeeting(request, u)))
        {
            // The paper prints them all: this meeting's each in its region, an earlier one as it is, locked.
            return [.. printed.SelectMany(u => ForMeeting(request, u)
                ? writer.Region(DraftRegion.Update(project.Id, project.Name ?? project.Id, u.Id, u.AsOf, place), u.Blocks)
                : writer.Locked(DraftLocks.EarlierUpdate, writer.Write(u.Blocks ?? [], place)))];
        }

        string board = request.Board?.Name ?? PaperDefinitions.Get(request.Kind).Committee;
        string audience = PaperDefinitions.Get(request.Kind).Audience;
        var previous = draft.StartFromPrevious
            ? request.Snapshot.State.Updates.LastOrDefault(u => u.ProjectId == project.Id && u.AsOf <= request.MeetingDate && Audience.Includes(u.Audience, audience))?.Blocks
            : null;
        return writer.Region(DraftRegion.NewUpdate(project.Id, project.Name ?? project.Id, board, request.MeetingDate, place), previous);
    }

    /// <summary>
    /// Whether an update counts as written for the request's meeting: dated after the draft's
    /// <see cref="DraftSettings.UpdatesSince"/> and not after the meeting.
    /// </summary>
    public static bool ForMeeting(PaperRequest request, UpdateView update) =>
        update.AsOf <= request.MeetingDate && (request.Draft?.UpdatesSince is not { } since || update.AsOf > since);

    public static RepeatField Risks(FieldSet outer, IReadOnlyList<Risk>? risks) =>
        new((risks ?? []).Select((risk, index) => new FieldSet(outer)
            .Text(T.RiskNumber, (index + 1).ToString(English))
            .Text(T.RiskDescription, risk.Description)
            .Text(T.RiskMitigation, risk.Mitigation))
            .ToList());
}
