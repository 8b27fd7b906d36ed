using System.Globalization;
using System.Text;
using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Email;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace FactFunctions.Reminders;

/// <summary>The words of reminder and digest emails, and their calendar attachments. All user text is HTML-encoded.</summary>
public static class EmailComposer
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static EmailMessage DeadlineReminder(Board board, Meeting meeting, MeetingDeadlines deadlines, int workingDaysLeft, Member recipient,
        IReadOnlyList<(string Project, MilestoneView Milestone)> concerns, string papersUrl)
    {
        var deadline = deadlines.Paper;
        string paper = meeting.ReportKind is { } kind ? PaperDefinitions.Get(kind).Name : "paper";
        string subject = EmailBody.Subject($"FACT paper due {deadline.ToString("d MMM yyyy", English)} for {board.Name} on {meeting.Date.ToString("d MMM yyyy", English)}");
        string when = workingDaysLeft == 1 ? "1 working day" : $"{workingDaysLeft} working days";
        var body = new EmailBody();
        body.Line($"Dear {recipient.Name},");
        body.Line($"The {paper} for {board.Name} ({meeting.Title}) on {EmailBody.LongDate(meeting.Date)} is due on {EmailBody.LongDate(deadline)}: {when} from today.");
        body.Line($"Its clearers must clear it by {EmailBody.LongDate(deadlines.Clearance)}, and it must be published by {EmailBody.LongDate(deadlines.Publication)}, " +
            $"{deadlines.ClearDays} clear days before the meeting; published later, it is a late item.");
        if (meeting.ReportKind is not null)
        {
            body.Line("Generate and download it from the FACT papers page:", papersUrl);
        }

        if (concerns.Count == 0)
        {
            body.Line("No milestone in the paper is at risk, off track or overdue.");
        }
        else
        {
            body.Line("These milestones in the paper are at risk, off track or overdue:");
            body.List(concerns.Select(c => $"{c.Project}: {c.Milestone.Activity} – {c.Milestone.Due} ({Describe(c.Milestone)})"));
        }

        body.Line("The meeting and its deadlines are attached as calendar entries.");
        return body.To(recipient, subject, [new EmailAttachment("fact-meeting.ics", "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8
            .GetBytes(Calendar([new CalendarEntry(board, meeting, deadlines, new Uri(papersUrl))])))]);
    }

    public static EmailMessage Digest(Board board, DateOnly weekOf, Member recipient, IReadOnlyList<DigestGroup> groups)
    {
        var body = new EmailBody();
        body.Line($"Dear {recipient.Name},");
        body.Line($"The FACT milestones for {board.Name} this week: due in the next six weeks, overdue, and changed since last week.");
        foreach (var group in groups)
        {
            body.Heading(group.Project);
            body.List(group.Lines);
        }

        return body.To(recipient, EmailBody.Subject($"FACT milestones for {board.Name}: week of {weekOf.ToString("d MMM yyyy", English)}"));
    }

    /// <summary>The reminder to the owner of an open action a board recorded, before it falls due.</summary>
    public static EmailMessage ActionReminder(Board board, DateOnly meeting, Programme.Outcomes.MeetingAction action, Member owner)
    {
        var body = new EmailBody();
        body.Line($"Dear {owner.Name},");
        body.Line($"At its meeting on {EmailBody.LongDate(meeting)}, {board.Name} recorded this action for you, due {action.Due}:");
        body.List([action.Text ?? string.Empty]);
        if (action.ReportBackTo is { } back)
        {
            body.Line($"It is to be reported back to the meeting on {EmailBody.LongDate(back)}.");
        }

        body.Line("When it is done, tell the FACT programme lead, so the board's next paper shows it done.");
        return body.To(owner, EmailBody.Subject($"FACT action due {action.Due}: {board.Name}, {meeting.ToString("d MMM yyyy", English)}"));
    }

    public static string Describe(MilestoneView milestone) =>
        milestone.Overdue && milestone.Status is not (MilestoneStatus.AtRisk or MilestoneStatus.OffTrack)
            ? "overdue"
            : MilestoneStatus.Words(milestone.Status) + (milestone.Overdue ? ", overdue" : string.Empty);

    /// <summary>
    /// An iCalendar with the meeting and its paper, clearance and publication deadlines for each entry: summary, location, a description in plain
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
            var earliest = list.Min(e => e.Deadlines.Paper < e.Meeting.Date ? e.Deadlines.Paper : e.Meeting.Date);
            calendar.AddTimeZone(LondonTime.Zone.Id, earliest.AddYears(-1).ToDateTime(TimeOnly.MinValue), includeHistoricalData: true);
        }

        foreach (var entry in list)
        {
            var (board, meeting, deadline) = (entry.Board, entry.Meeting, entry.Deadlines.Paper);
            string paper = meeting.ReportKind is { } kind ? $"the {PaperDefinitions.Get(kind).Name}" : "the paper";
            string where = string.IsNullOrWhiteSpace(meeting.Location) ? string.Empty : $" at {meeting.Location}";
            string state = entry.PaperPublished
                ? $"The meeting’s paper is published; the link opens it."
                : $"Papers are due by 5pm on {EmailBody.LongDate(deadline)}; the link opens the FACT papers page.";
            var start = new CalDateTime(meeting.Date, meeting.StartTime, LondonTime.Zone.Id);
            var meetingEvent = new CalendarEvent
            {
                Uid = $"{board.Id}-{meeting.Date:yyyyMMdd}-meeting@factfunctions",
                Summary = MeetingSummary(board, meeting),
                Description = $"{board.Name} meets on {EmailBody.LongDate(meeting.Date)}{where}. {state}",
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
                Summary = $"Paper deadline: {board.Name} on {EmailBody.LongDate(meeting.Date)}",
                Description = $"Last day to send {paper} for {board.Name} on {EmailBody.LongDate(meeting.Date)}.",
                Url = entry.Link,
                DtStart = due,
                DtEnd = due.AddMinutes(30),
            });
            calendar.Events.Add(DeadlineEvent(entry, "clearance", entry.Deadlines.Clearance, $"Clearance deadline: {board.Name} on {EmailBody.LongDate(meeting.Date)}",
                $"Last day for the clearers to clear {paper} for {board.Name} on {EmailBody.LongDate(meeting.Date)}."));
            calendar.Events.Add(DeadlineEvent(entry, "publication", entry.Deadlines.Publication, $"Publication deadline: {board.Name} on {EmailBody.LongDate(meeting.Date)}",
                $"Last day to publish {paper} for {board.Name} on {EmailBody.LongDate(meeting.Date)}, {entry.Deadlines.ClearDays} clear days before the meeting; " +
                "published later, it is a late item."));
        }

        return new CalendarSerializer(calendar).SerializeToString() ?? string.Empty;
    }

    private static CalendarEvent DeadlineEvent(CalendarEntry entry, string kind, DateOnly day, string summary, string description)
    {
        var due = new CalDateTime(day, new TimeOnly(17, 0), LondonTime.Zone.Id);
        return new CalendarEvent
        {
            Uid = $"{entry.Board.Id}-{entry.Meeting.Date:yyyyMMdd}-{kind}@factfunctions",
            Summary = summary,
            Description = description,
            Url = entry.Link,
            DtStart = due,
            DtEnd = due.AddMinutes(30),
        };
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
}
