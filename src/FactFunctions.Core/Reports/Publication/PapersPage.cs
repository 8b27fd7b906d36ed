using System.Globalization;
using System.Text;
using FactFunctions.Dates;
using FactFunctions.Http;
using FactFunctions.Reports.Papers;

namespace FactFunctions.Reports.Publication;

/// <summary>
/// The papers page: per board and meeting (newest meeting first, London time), the published paper first, then every
/// other version with its status and who generated, approved and published it. Human labels only; paged by meeting.
/// </summary>
public static class PapersPage
{
    public const int MeetingsPerPage = 10;

    /// <summary>Builds a signed relative link to a path (with an optional page number) for the page's links.</summary>
    public delegate string LinkTo(string path, int? page = null);

    /// <summary>How many pages the papers' meetings fill (at least one, even with no papers).</summary>
    public static int PageCount(IReadOnlyList<PaperMetadata> papers) => PageCount(Meetings(papers).Count);

    /// <param name="papers">The papers the caller may see.</param>
    /// <param name="page">Which page of meetings.</param>
    /// <param name="link">Makes the page's signed links.</param>
    /// <param name="internalHistory">Whether the caller sees clearance and approval overrides (officers and the lead, not members).</param>
    /// <param name="resolutions">What each meeting resolved, by board name (none when not recorded).</param>
    public static string Render(IReadOnlyList<PaperMetadata> papers, int page, LinkTo link, bool internalHistory = true,
        Func<PaperMeeting, IReadOnlyList<(string Board, IReadOnlyList<string> Lines)>>? resolutions = null)
    {
        var meetings = Meetings(papers);
        int pages = PageCount(meetings.Count);
        int first = (page - 1) * MeetingsPerPage;
        var shown = meetings.Skip(first).Take(MeetingsPerPage).ToList();

        var html = new StringBuilder();
        html.Append("<h1>Families and Children’s Transformation (FACT) papers</h1>\n");
        html.Append("<p><a href=\"").Append(HtmlPage.Encode(link($"{Routes.BasePath}/{Routes.Calendar}")))
            .Append("\">Subscribe to the FACT meetings calendar</a> (meetings and paper deadlines, for Outlook or any calendar app).</p>\n");
        if (meetings.Count == 0)
        {
            html.Append("<p>No paper has been generated yet.</p>\n");
            return HtmlPage.Document("FACT papers", html.ToString());
        }

        html.Append("<p>").Append(Count(meetings.Count, "meeting")).Append(" with papers, ").Append(Count(papers.Count, "paper")).Append(" in all. ");
        html.Append("Showing meetings ").Append(first + 1).Append(" to ").Append(first + shown.Count).Append(" (page ").Append(page).Append(" of ")
            .Append(pages).Append("), newest first. Times are UK time.</p>\n");
        foreach (var meeting in shown)
        {
            Meeting(html, meeting.Key.Kind, meeting.Key.MeetingDate, [.. meeting.Select(p => internalHistory ? p : p with { Clearance = null, ApprovalOverride = null })], link,
                resolutions?.Invoke(meeting.Key) ?? []);
        }

        if (pages > 1)
        {
            html.Append("<nav aria-label=\"Pages of meetings\"><ul>\n");
            if (page > 1)
            {
                html.Append("<li><a href=\"").Append(HtmlPage.Encode(link($"{Routes.BasePath}/{Routes.Papers}", page - 1)))
                    .Append("\">Newer meetings (page ").Append(page - 1).Append(")</a></li>\n");
            }

            if (page < pages)
            {
                html.Append("<li><a href=\"").Append(HtmlPage.Encode(link($"{Routes.BasePath}/{Routes.Papers}", page + 1)))
                    .Append("\">Older meetings (page ").Append(page + 1).Append(")</a></li>\n");
            }

            html.Append("</ul></nav>\n");
        }

        return HtmlPage.Document(pages > 1 ? $"FACT papers, page {page} of {pages}" : "FACT papers", html.ToString());
    }

    private static void Meeting(StringBuilder html, string kind, DateOnly date, List<PaperMetadata> versions, LinkTo link,
        IReadOnlyList<(string Board, IReadOnlyList<string> Lines)> resolutions)
    {
        // A paper written for one board of several (the highlight report) is that board's.
        string committee = versions.Select(v => v.BoardName).FirstOrDefault(n => n is not null) ?? PaperDefinitions.Get(kind).Committee;
        // A meeting can have a paper and slides: the slides' heading says so.
        var format = PaperDefinitions.Get(kind).Format;
        string meeting = $"{committee}, {date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}{(format.IsWord ? string.Empty : $": {format.Items}")}";
        html.Append("<section>\n<h2>").Append(HtmlPage.Encode(meeting)).Append("</h2>\n");
        foreach (var (board, lines) in resolutions.Where(r => r.Lines.Count > 0))
        {
            // Each line isolated (bdi), so a direction override typed into one cannot reorder the text after it.
            html.Append("<p><span class=\"resolution\">Resolution of the ").Append(HtmlPage.Encode(board)).Append(":</span> ")
                .Append(string.Join(" ", lines.Select(line => $"<bdi>{HtmlPage.Encode(line)}</bdi>"))).Append("</p>\n");
        }

        var published = versions.FirstOrDefault(v => v.Status == PaperStatus.Published);
        if (published is null)
        {
            html.Append("<p>No paper has been published for this meeting yet.</p>\n");
        }
        else
        {
            html.Append("<p><span class=\"status\">The meeting’s paper:</span> ")
                .Append(Links(published, committee, date, link)).Append("</p>\n<p class=\"muted\">").Append(HtmlPage.Encode(History(published))).Append("</p>\n");
        }

        var others = versions.Where(v => v != published).OrderByDescending(v => v.CreatedAt).ToList();
        if (others.Count == 0)
        {
            html.Append("</section>\n");
            return;
        }

        html.Append("<table>\n<caption>").Append(published is null ? "Versions" : "Other versions").Append(" of the paper for this meeting</caption>\n")
            .Append("<thead><tr><th scope=\"col\">Generated</th><th scope=\"col\">Status</th><th scope=\"col\">History</th><th scope=\"col\">Paper</th></tr></thead>\n<tbody>\n");
        foreach (var version in others)
        {
            html.Append("<tr><td>").Append(HtmlPage.Encode(When(version.CreatedAt)))
                .Append("</td><td>").Append(HtmlPage.Encode(PaperStatus.Label(version.Status)))
                .Append("</td><td>").Append(HtmlPage.Encode(History(version)))
                .Append("</td><td>").Append(Links(version, committee, date, link, $" ({PaperStatus.Label(version.Status)
                    .ToLowerInvariant()}, generated {When(version.CreatedAt)})"))
                .Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static int PageCount(int meetings) => Math.Max(1, (meetings + MeetingsPerPage - 1) / MeetingsPerPage);

    /// <summary>The papers by meeting (kind, date, and board for a paper written for one), newest meeting first.</summary>
    private static List<IGrouping<PaperMeeting, PaperMetadata>> Meetings(IReadOnlyList<PaperMetadata> papers) => papers
        .GroupBy(PaperMeeting.Of)
        .OrderByDescending(g => g.Key.MeetingDate).ThenBy(g => g.First().BoardName ?? PaperDefinitions.Get(g.Key.Kind).Committee, StringComparer.Ordinal)
        .ToList();

    /// <summary>Two links whose text says what each opens, distinct for every version.</summary>
    private static string Links(PaperMetadata paper, string committee, DateOnly date, LinkTo link, string version = "")
    {
        var format = paper.Format;
        string name = $"{committee} {format.Items} for {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}{version}";
        string size = paper.Size >= 1024 * 1024
            ? $"{paper.Size / (1024.0 * 1024):0.0} MB"
            : $"{Math.Max(1, (paper.Size + 512) / 1024)} KB";
        return $"<a href=\"{HtmlPage.Encode(link($"{Routes.BasePath}/reports/{paper.Id}/html"))}\">Read the {HtmlPage.Encode(name)}</a> or " +
            $"<a href=\"{HtmlPage.Encode(link($"{Routes.BasePath}/reports/{paper.Id}/content"))}\" download>" +
            $"download the {HtmlPage.Encode(name)} as {format.DocumentName} ({size})</a>";
    }

    /// <summary>"Generated 3 November 2022, 10:15 by the programme lead; approved …; published …" in UK time.</summary>
    public static string History(PaperMetadata paper)
    {
        var steps = new List<string> { $"Generated {When(paper.CreatedAt)} by {Who(paper.CreatedBy)}" };
        foreach (var entry in paper.Clearance ?? [])
        {
            steps.Add(entry switch
            {
                { Answer: Clearance.ClearanceAnswers.Cleared, AnsweredAt: { } at } => $"cleared {When(at)} by {entry.Name} ({entry.Role}, for {entry.Describe()})",
                { Answer: Clearance.ClearanceAnswers.Returned, AnsweredAt: { } at } =>
                    $"returned {When(at)} by {entry.Name} ({entry.Role}, for {entry.Describe()}) with the comment: {entry.Comment}",
                _ => $"sent for clearance {When(entry.SentAt)} to {entry.Name} ({entry.Role}, for {entry.Describe()}), not yet answered",
            });
        }

        if (paper.ApprovedAt is { } approved)
        {
            steps.Add($"approved {When(approved)} by {Who(paper.ApprovedBy)}");
        }

        if (paper.ApprovalOverride is { Length: > 0 } overridden)
        {
            steps.Add($"approved without every clearance because: {overridden}");
        }

        if (paper.PublishedAt is { } published)
        {
            steps.Add($"published {When(published)} by {Who(paper.PublishedBy)}");
        }

        if (paper.LateReason is { Length: > 0 } late)
        {
            steps.Add($"published late because: {late}");
        }

        if (paper.SupersedeReason is { Length: > 0 } reason)
        {
            steps.Add($"replacing an earlier version because: {reason}");
        }

        if (paper.SupersededAt is { } superseded)
        {
            steps.Add($"superseded {When(superseded)}");
        }

        return string.Join("; ", steps) + ".";
    }

    /// <summary>Who did it, as a person reads it: a signed-in name as it is, a key by its role.</summary>
    public static string Who(string? who) => who switch
    {
        null or "" or "unknown" => "an unknown caller",
        "ProgrammeLead key" => "the programme lead",
        "Officer key" => "an officer",
        _ => who,
    };

    public static string When(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, LondonTime.Zone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
