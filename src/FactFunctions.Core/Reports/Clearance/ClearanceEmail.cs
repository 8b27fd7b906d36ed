using System.Globalization;
using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Email;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Publication;

namespace FactFunctions.Reports.Clearance;

/// <summary>The e-mails that ask a clearer to clear a paper, and remind them. All user text is HTML-encoded.</summary>
public static class ClearanceEmail
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static EmailMessage Request(PaperMetadata report, ClearanceEntry entry, Uri review, DateTimeOffset expires, MeetingDeadlines? deadlines,
        ClearanceChange? change)
    {
        var body = new EmailBody();
        body.Line($"Dear {entry.Name},");
        body.Line($"Please clear the FACT {Title(report)}{(change is null ? string.Empty : " (a new version)")}. You answer for {entry.Describe()}.");
        if (deadlines is not null)
        {
            body.Line($"Please answer by {EmailBody.LongDate(deadlines.Clearance)}: the paper must be published by {EmailBody.LongDate(deadlines.Publication)}, " +
                $"{deadlines.ClearDays} clear days before the meeting.");
        }

        if (change is not null)
        {
            body.Heading($"What changed since the version of {PapersPage.When(change.PreviousCreatedAt)} you were sent");
            body.List(change.Programme.Count == 0 ? ["The programme's milestones, projects and indicators are unchanged."] : change.Programme);
            body.Line(change.Sections.Count == 0
                ? $"The words of {entry.Describe()} are unchanged."
                : $"The words of these sections you answer for changed: {string.Join(", ", change.Sections)}.");
        }

        body.Link("Read the paper and clear it, or return it with a comment", review);
        body.Line($"The link works without a password until {EmailBody.LongDate(LondonTime.DateOf(expires))}; your answer is recorded with your name.");
        return body.To(Recipient(entry), EmailBody.Subject($"FACT paper to clear: {Short(report)}"));
    }

    public static EmailMessage Reminder(PaperMetadata report, ClearanceEntry entry, Uri review, DateTimeOffset expires, MeetingDeadlines deadlines)
    {
        var body = new EmailBody();
        body.Line($"Dear {entry.Name},");
        body.Line($"The FACT {Title(report)} is waiting for your clearance of {entry.Describe()}. The clearance deadline is " +
            $"{EmailBody.LongDate(deadlines.Clearance)}; the paper must be published by {EmailBody.LongDate(deadlines.Publication)}.");
        body.Link("Read the paper and clear it, or return it with a comment", review);
        body.Line($"The link works without a password until {EmailBody.LongDate(LondonTime.DateOf(expires))}.");
        return body.To(Recipient(entry), EmailBody.Subject($"Reminder: FACT paper to clear by {deadlines.Clearance.ToString("d MMM", English)}: {Short(report)}"));
    }

    public static string Title(PaperMetadata report) =>
        $"{PaperDefinitions.Get(report.Kind).Name}{(report.BoardName is { } board ? $" to the {board}" : string.Empty)} for the meeting on " +
        EmailBody.LongDate(report.MeetingDate);

    private static string Short(PaperMetadata report) =>
        $"{report.BoardName ?? PaperDefinitions.Get(report.Kind).Committee}, {report.MeetingDate.ToString("d MMM yyyy", English)}";

    private static Member Recipient(ClearanceEntry entry) => new() { Name = entry.Name, Email = entry.Email };
}
