using System.Globalization;
using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Email;

namespace FactFunctions.Reports.Publication;

/// <summary>The e-mail that tells a board member a paper is published. All user text is HTML-encoded.</summary>
public static class PublicationEmail
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    /// <summary>The e-mail that tells a board member a paper is published, with signed links that need no key.</summary>
    public static EmailMessage Compose(string boardName, PaperMetadata report, Member recipient, PaperLinks links, PaperMetadata? replaced)
    {
        var body = new EmailBody();
        body.Line($"Dear {recipient.Name},");
        body.Line($"The FACT paper for the {boardName} meeting on {EmailBody.LongDate(report.MeetingDate)} has been published.");
        if (replaced is not null)
        {
            string when = replaced.PublishedAt is { } at ? $" on {EmailBody.LongDate(LondonTime.DateOf(at))}" : string.Empty;
            body.Line($"It replaces the version published{when}. The reason given: {report.SupersedeReason}");
        }

        if (report.LateReason is { } late)
        {
            body.Line($"This is a late item: it was published after its publication deadline. The reason given: {late}");
        }

        body.Link("Read the paper in your browser", links.Html);
        body.Link($"Download the paper as {report.Format.DocumentName}", links.Content);
        body.Link("See every FACT paper", links.Papers);
        body.Line($"These links work without a password until {EmailBody.LongDate(LondonTime.DateOf(links.Expires))}. After that, ask the FACT programme lead for a new link.");
        string lateItem = report.LateReason is null ? string.Empty : " (late item)";
        return body.To(recipient, EmailBody.Subject($"FACT paper published{lateItem}: {boardName}, {report.MeetingDate.ToString("d MMM yyyy", English)}"));
    }
}
