using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FactFunctions.Dates;
using FactFunctions.Programme;
using FactFunctions.Reports;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace FactFunctions.Reminders;

/// <summary>The words of reminder and digest emails, and their calendar attachments. All user text is HTML-encoded.</summary>
public static class EmailComposer
{
    public const int MaxSubjectLength = 119;
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Subject(string text)
    {
        string clean = string.Concat(Reports.SafeText.Clean(text).Select(c => char.IsControl(c) ? ' ' : c));
        return clean.Length <= MaxSubjectLength ? clean : clean[..(MaxSubjectLength - 1)] + "…";
    }

    public static EmailMessage DeadlineReminder(Board board, Meeting meeting, DateOnly deadline, int workingDaysLeft, Member recipient,
        IReadOnlyList<(string Project, MilestoneView Milestone)> concerns, string papersUrl)
    {
        string paper = meeting.ReportKind is { } kind ? Reports.Papers.Get(kind).Name : "paper";
        string subject = Subject($"FACT paper due {deadline.ToString("d MMM yyyy", English)} for {board.Name} on {meeting.Date.ToString("d MMM yyyy", English)}");
        string when = workingDaysLeft == 1 ? "1 working day" : $"{workingDaysLeft} working days";
        var html = new StringBuilder();
        var text = new StringBuilder();
        Line(html, text, $"Dear {recipient.Name},");
        Line(html, text, $"The {paper} for {board.Name} ({meeting.Title}) on {LongDate(meeting.Date)} is due on {LongDate(deadline)}: {when} from today.");
        if (meeting.ReportKind is not null)
        {
            Line(html, text, "Generate and download it from the FACT papers page:", papersUrl);
        }

        if (concerns.Count == 0)
        {
            Line(html, text, "No milestone in the paper is at risk, off track or overdue.");
        }
        else
        {
            Line(html, text, "These milestones in the paper are at risk, off track or overdue:");
            List(html, text, concerns.Select(c => $"{c.Project}: {c.Milestone.Activity} – {c.Milestone.Due} ({Describe(c.Milestone)})"));
        }

        Line(html, text, "The meeting and the deadline are attached as calendar entries.");
        return Message(recipient, subject, html, text, [new EmailAttachment("fact-meeting.ics", "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(Calendar([new CalendarEntry(board, meeting, deadline, new Uri(papersUrl))])))]);
    }

    /// <summary>The e-mail that tells a board member a paper is published, with signed links that need no key.</summary>
    public static EmailMessage Publication(string boardName, ReportMetadata report, Member recipient, PaperLinks links, ReportMetadata? replaced)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        Line(html, text, $"Dear {recipient.Name},");
        Line(html, text, $"The FACT paper for the {boardName} meeting on {LongDate(report.MeetingDate)} has been published.");
        if (replaced is not null)
        {
            string when = replaced.PublishedAt is { } at ? $" on {LongDate(LondonTime.DateOf(at))}" : string.Empty;
            Line(html, text, $"It replaces the version published{when}. The reason given: {report.SupersedeReason}");
        }

        Link(html, text, "Read the paper in your browser", links.Html);
        Link(html, text, "Download the paper as a Word document", links.Content);
        Link(html, text, "See every FACT paper", links.Papers);
        Line(html, text, $"These links work without a password until {LongDate(LondonTime.DateOf(links.Expires))}. After that, ask the FACT programme lead for a new link.");
        return Message(recipient, Subject($"FACT paper published: {boardName}, {report.MeetingDate.ToString("d MMM yyyy", English)}"), html, text);
    }

    public static EmailMessage Digest(Board board, DateOnly weekOf, Member recipient, IReadOnlyList<DigestGroup> groups)
    {
        var html = new StringBuilder();
        var text = new StringBuilder();
        Line(html, text, $"Dear {recipient.Name},");
        Line(html, text, $"The FACT milestones for {board.Name} this week: due in the next six weeks, overdue, and changed since last week.");
        foreach (var group in groups)
        {
            Heading(html, text, group.Project);
            List(html, text, group.Lines);
        }

        return Message(recipient, Subject($"FACT milestones for {board.Name}: week of {weekOf.ToString("d MMM yyyy", English)}"), html, text);
    }

    public static string Describe(MilestoneView milestone) =>
        milestone.Overdue && milestone.Status is not (MilestoneStatus.AtRisk or MilestoneStatus.OffTrack)
            ? "overdue"
            : MilestoneStatus.Words(milestone.Status) + (milestone.Overdue ? ", overdue" : string.Empty);

    /// <summary>
    /// An iCalendar with the meeting and its paper deadline for each entry: summary, location, a description in plain
    /// sentences and the entry's link. UIDs depend only on the board and the meeting date, so a calendar client updates
    /// the entries it already has instead of adding new ones.
    /// </summary>
    public static string Calendar(IEnumerable<CalendarEntry> entries)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Wiltshire Council//FactFunctions//EN", Method = "PUBLISH" };
        var list = entries.ToList();

        // The VTIMEZONE must cover the earliest event: a parser that reads local times through it (ical.js, calendar
        // web apps) otherwise puts a summer event before its first rule an hour out. Ical.Net's default starts a year
        // before today.
        if (list.Count == 0)
        {
            calendar.AddTimeZone(LondonTime.Zone.Id);
        }
        else
        {
            var earliest = list.Min(e => e.Deadline < e.Meeting.Date ? e.Deadline : e.Meeting.Date);
            calendar.AddTimeZone(LondonTime.Zone.Id, earliest.AddYears(-1).ToDateTime(TimeOnly.MinValue), includeHistoricalData: true);
        }

        foreach (var entry in list)
        {
            var (board, meeting, deadline) = (entry.Board, entry.Meeting, entry.Deadline);
            string paper = meeting.ReportKind is { } kind ? $"the {Reports.Papers.Get(kind).Name}" : "the paper";
            string where = string.IsNullOrWhiteSpace(meeting.Location) ? string.Empty : $" at {meeting.Location}";
            string state = entry.PaperPublished
                ? $"The meeting’s paper is published; the link opens it."
                : $"Papers are due by 5pm on {LongDate(deadline)}; the link opens the FACT papers page.";
            var start = new CalDateTime(meeting.Date, meeting.StartTime, LondonTime.Zone.Id);
            var meetingEvent = new CalendarEvent
            {
                Uid = $"{board.Id}-{meeting.Date:yyyyMMdd}-meeting@factfunctions",
                Summary = MeetingSummary(board, meeting),
                Description = $"{board.Name} meets on {LongDate(meeting.Date)}{where}. {state}",
                Location = string.IsNullOrWhiteSpace(meeting.Location) ? null : meeting.Location,
                Url = entry.Link,
                DtStart = start,
                DtEnd = start.AddHours(2),
            };
            calendar.Events.Add(meetingEvent);
            var due = new CalDateTime(deadline, new TimeOnly(17, 0), LondonTime.Zone.Id);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{board.Id}-{meeting.Date:yyyyMMdd}-deadline@factfunctions",
                Summary = $"Paper deadline: {board.Name} on {LongDate(meeting.Date)}",
                Description = $"Last day to send {paper} for {board.Name} on {LongDate(meeting.Date)}.",
                Url = entry.Link,
                DtStart = due,
                DtEnd = due.AddMinutes(30),
            });
        }

        return new CalendarSerializer(calendar).SerializeToString() ?? string.Empty;
    }

    /// <summary>"Schools Forum" for a meeting titled as its board, not "Schools Forum: Schools Forum".</summary>
    private static string MeetingSummary(Board board, Meeting meeting)
    {
        string? name = board.Name;
        string? title = meeting.Title;
        if (string.IsNullOrWhiteSpace(title))
        {
            return name ?? board.Id;
        }

        return string.IsNullOrWhiteSpace(name) || title.Contains(name, StringComparison.OrdinalIgnoreCase) ? title : $"{name}: {title}";
    }

    private static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", English);

    private static void Line(StringBuilder html, StringBuilder text, string line, string? link = null)
    {
        html.Append("<p>").Append(HtmlEncoder.Default.Encode(line));
        text.Append(line);
        if (link is not null)
        {
            html.Append(" <a href=\"").Append(HtmlEncoder.Default.Encode(link)).Append("\">").Append(HtmlEncoder.Default.Encode(link)).Append("</a>");
            text.Append(' ').Append(link);
        }

        html.Append("</p>\n");
        text.Append("\n\n");
    }

    /// <summary>A link whose text says where it goes (the plain-text part prints the address after it).</summary>
    private static void Link(StringBuilder html, StringBuilder text, string label, Uri link)
    {
        html.Append("<p><a href=\"").Append(HtmlEncoder.Default.Encode(link.AbsoluteUri)).Append("\">").Append(HtmlEncoder.Default.Encode(label)).Append("</a></p>\n");
        text.Append(label).Append(": ").Append(link.AbsoluteUri).Append("\n\n");
    }

    private static void Heading(StringBuilder html, StringBuilder text, string heading)
    {
        html.Append("<h3>").Append(HtmlEncoder.Default.Encode(heading)).Append("</h3>\n");
        text.Append(heading).Append('\n');
    }

    private static void List(StringBuilder html, StringBuilder text, IEnumerable<string> items)
    {
        html.Append("<ul>\n");
        foreach (string item in items)
        {
            html.Append("<li>").Append(HtmlEncoder.Default.Encode(item)).Append("</li>\n");
            text.Append("- ").Append(item).Append('\n');
        }

        html.Append("</ul>\n");
        text.Append('\n');
    }

    private static EmailMessage Message(Member recipient, string subject, StringBuilder html, StringBuilder text, IReadOnlyList<EmailAttachment>? attachments = null) => new()
    {
        To = recipient.Email!,
        ToName = recipient.Name,
        Subject = subject,
        Html = Wrap(html),
        Text = text.ToString(),
        Attachments = attachments ?? [],
    };

    private static string Wrap(StringBuilder body) =>
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif\">\n" + body + "</body></html>";
}
