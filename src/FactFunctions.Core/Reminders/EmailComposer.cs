using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FactFunctions.Dates;
using FactFunctions.Programme;
using Ical.Net;
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
        string paper = meeting.ReportKind is { } kind ? Reports.PaperKinds.Committee(kind) + " paper" : "paper";
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
        return new EmailMessage
        {
            To = recipient.Email!,
            ToName = recipient.Name,
            Subject = subject,
            Html = Wrap(html),
            Text = text.ToString(),
            Attachments = [new EmailAttachment("fact-meeting.ics", "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(Calendar([(board, meeting, deadline)])))],
        };
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

        return new EmailMessage
        {
            To = recipient.Email!,
            ToName = recipient.Name,
            Subject = Subject($"FACT milestones for {board.Name}: week of {weekOf.ToString("d MMM yyyy", English)}"),
            Html = Wrap(html),
            Text = text.ToString(),
        };
    }

    public static string Describe(MilestoneView milestone) =>
        milestone.Overdue && milestone.Status is not (MilestoneStatus.AtRisk or MilestoneStatus.OffTrack)
            ? "overdue"
            : Snapshots.SnapshotDiff.Words(milestone.Status) + (milestone.Overdue ? ", overdue" : string.Empty);

    /// <summary>
    /// An iCalendar with the meeting and its paper deadline for each entry. UIDs depend only on the board and the
    /// meeting date, so a calendar client updates the entries it already has instead of adding new ones.
    /// </summary>
    public static string Calendar(IEnumerable<(Board Board, Meeting Meeting, DateOnly Deadline)> entries)
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

        foreach (var (board, meeting, deadline) in list)
        {
            var start = new CalDateTime(meeting.Date, meeting.StartTime, LondonTime.Zone.Id);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{board.Id}-{meeting.Date:yyyyMMdd}-meeting@factfunctions",
                Summary = MeetingSummary(board, meeting),
                DtStart = start,
                DtEnd = start.AddHours(2),
            });
            var due = new CalDateTime(deadline, new TimeOnly(17, 0), LondonTime.Zone.Id);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{board.Id}-{meeting.Date:yyyyMMdd}-deadline@factfunctions",
                Summary = $"Paper deadline: {board.Name} on {LongDate(meeting.Date)}",
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

    private static string Wrap(StringBuilder body) =>
        "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif\">\n" + body + "</body></html>";
}

public sealed record DigestGroup(string Project, IReadOnlyList<string> Lines);
