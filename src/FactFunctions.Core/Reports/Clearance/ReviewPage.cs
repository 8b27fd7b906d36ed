using System.Text;
using FactFunctions.Boards;
using FactFunctions.Email;
using FactFunctions.Http;
using FactFunctions.Reports.Publication;

namespace FactFunctions.Reports.Clearance;

/// <summary>
/// A clearer's page for one paper version: what they are asked, the paper with the sections they answer for marked,
/// a download link, and (while the version waits for them) two forms: clear, or return with a comment. No script runs;
/// each form carries the token for its own action.
/// </summary>
public static class ReviewPage
{
    public static string Render(PaperMetadata report, ClearanceEntry entry, string paperBody, MeetingDeadlines? deadlines, ReviewForms? forms, string download)
    {
        var html = new StringBuilder();
        string title = $"Clearance of the {ClearanceEmail.Title(report)}";
        html.Append("<h1>").Append(HtmlPage.Encode(title)).Append("</h1>\n");
        html.Append("<p>").Append(HtmlPage.Encode($"{entry.Name} ({entry.Role}): you are asked to clear {entry.Describe()}.")).Append(' ');
        if (deadlines is not null)
        {
            html.Append(HtmlPage.Encode($"Please answer by {EmailBody.LongDate(deadlines.Clearance)}; the paper must be published by " +
                $"{EmailBody.LongDate(deadlines.Publication)}, {deadlines.ClearDays} clear days before the meeting."));
        }

        html.Append("</p>\n<p class=\"status\">").Append(HtmlPage.Encode(State(report, entry))).Append("</p>\n");
        html.Append("<p><a href=\"").Append(HtmlPage.Encode(download)).Append("\" download>Download this version of the paper as ")
            .Append(HtmlPage.Encode(report.Format.DocumentName)).Append("</a></p>\n");
        if (forms is not null)
        {
            Forms(html, forms);
        }

        html.Append("<h2>Who clears this version</h2>\n").Append(History(report.Clearance ?? [])).Append('\n');
        html.Append("<h2>The paper</h2>\n<div class=\"paper\">\n")
            .Append(Demote(PaperSections.Mark(paperBody, entry.Sections ?? [])))
            .Append("</div>\n");
        return HtmlPage.Document(title, html.ToString());
    }

    /// <summary>The paper's headings one level down, under the page's own "The paper" (no level skipped, one h1 on the page).</summary>
    private static string Demote(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "<(/?)h([1-5])>", m => $"<{m.Groups[1].Value}h{(char)(m.Groups[2].Value[0] + 1)}>");

    /// <summary>The outcome page after a clearer's answer (or a refusal), with no forms.</summary>
    public static string Outcome(string title, string detail) =>
        HtmlPage.Document(title, $"<h1>{HtmlPage.Encode(title)}</h1>\n<p>{HtmlPage.Encode(detail)}</p>\n");

    /// <summary>Where the version stands for this clearer, in a sentence.</summary>
    public static string State(PaperMetadata report, ClearanceEntry entry) => entry switch
    {
        { Answer: ClearanceAnswers.Cleared, AnsweredAt: { } at } => $"You cleared this version on {PapersPage.When(at)}.",
        { Answer: ClearanceAnswers.Returned, AnsweredAt: { } at } => $"You returned this version on {PapersPage.When(at)} with the comment: {entry.Comment}",
        _ when PaperStatus.TakesAnswers(report.Status) => "This version is waiting for your answer.",
        _ when report.Status == PaperStatus.Returned => "This version was returned by another clearer; it no longer takes answers. The programme lead will send a new version.",
        _ => $"This version is {PaperStatus.Label(report.Status).ToLowerInvariant()}; it no longer takes answers.",
    };

    /// <summary>The clearance history as a table: who, what they answer for, when asked, their answer, when and why.</summary>
    public static string History(IReadOnlyList<ClearanceEntry> entries)
    {
        var html = new StringBuilder("<table>\n<caption>Clearance of this version</caption>\n<thead><tr><th scope=\"col\">Clearer</th>" +
            "<th scope=\"col\">Answers for</th><th scope=\"col\">Sent</th><th scope=\"col\">Answer</th><th scope=\"col\">Comment</th></tr></thead>\n<tbody>\n");
        foreach (var entry in entries)
        {
            string answer = entry switch
            {
                { Answer: ClearanceAnswers.Cleared, AnsweredAt: { } at } => $"Cleared {PapersPage.When(at)}",
                { Answer: ClearanceAnswers.Returned, AnsweredAt: { } at } => $"Returned {PapersPage.When(at)}",
                _ => "Not yet answered",
            };
            html.Append("<tr><td>").Append(HtmlPage.Encode($"{entry.Name} ({entry.Role})"))
                .Append("</td><td>").Append(HtmlPage.Encode(entry.Describe()))
                .Append("</td><td>").Append(HtmlPage.Encode(PapersPage.When(entry.SentAt)))
                .Append("</td><td>").Append(HtmlPage.Encode(answer))
                .Append("</td><td>").Append(HtmlPage.Encode(entry.Comment ?? string.Empty))
                .Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>").ToString();
    }

    private static void Forms(StringBuilder html, ReviewForms forms)
    {
        string action = HtmlPage.Encode(forms.Action);
        html.Append("<h2>Your answer</h2>\n");
        html.Append("<form method=\"post\" action=\"").Append(action).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"action\" value=\"").Append(ClearanceAnswers.ClearAction).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"expires\" value=\"").Append(HtmlPage.Encode(forms.Expires)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(HtmlPage.Encode(forms.ClearToken)).Append("\">\n")
            .Append("<p><button type=\"submit\">Clear this version</button></p>\n</form>\n");
        html.Append("<form method=\"post\" action=\"").Append(action).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"action\" value=\"").Append(ClearanceAnswers.ReturnAction).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"expires\" value=\"").Append(HtmlPage.Encode(forms.Expires)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"token\" value=\"").Append(HtmlPage.Encode(forms.ReturnToken)).Append("\">\n")
            .Append("<p><label for=\"comment\">What needs to change before you can clear it</label><br>\n")
            .Append("<textarea id=\"comment\" name=\"comment\" rows=\"5\" cols=\"60\" maxlength=\"").Append(ClearanceService.MaxComment).Append("\" required></textarea></p>\n")
            .Append("<p><button type=\"submit\">Return with this comment</button></p>\n</form>\n");
    }
}
