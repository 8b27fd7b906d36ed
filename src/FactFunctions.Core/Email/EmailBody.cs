using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FactFunctions.Boards;
using FactFunctions.Validation;

namespace FactFunctions.Email;

/// <summary>
/// The body of a FACT e-mail written twice as it goes, as HTML (every piece of text encoded) and as plain text, so the
/// two parts always say the same; and the subject and date forms every FACT e-mail uses.
/// </summary>
public sealed class EmailBody
{
    public const int MaxSubjectLength = 119;

    private readonly StringBuilder html = new();
    private readonly StringBuilder text = new();

    /// <summary>A subject on one line, XML-safe, cut with an ellipsis past <see cref="MaxSubjectLength"/>.</summary>
    public static string Subject(string text)
    {
        string clean = string.Concat(SafeText.Clean(text).Select(c => char.IsControl(c) ? ' ' : c));
        return SafeText.Shorten(clean, MaxSubjectLength);
    }

    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A paragraph, with the address printed after it when <paramref name="link"/> is given.</summary>
    public void Line(string line, string? link = null)
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
    public void Link(string label, Uri link)
    {
        html.Append("<p><a href=\"").Append(HtmlEncoder.Default.Encode(link.AbsoluteUri)).Append("\">").Append(HtmlEncoder.Default.Encode(label)).Append("</a></p>\n");
        text.Append(label).Append(": ").Append(link.AbsoluteUri).Append("\n\n");
    }

    public void Heading(string heading)
    {
        html.Append("<h3>").Append(HtmlEncoder.Default.Encode(heading)).Append("</h3>\n");
        text.Append(heading).Append('\n');
    }

    public void List(IEnumerable<string> items)
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

    /// <summary>The message to <paramref name="recipient"/>.</summary>
    public EmailMessage To(Member recipient, string subject, IReadOnlyList<EmailAttachment>? attachments = null) => new()
    {
        To = recipient.Email!,
        ToName = recipient.Name,
        Subject = subject,
        Html = "<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:Arial,sans-serif\">\n" + html + "</body></html>",
        Text = text.ToString(),
        Attachments = attachments ?? [],
    };
}
