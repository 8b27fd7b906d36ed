using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Reports;

/// <summary>
/// Clearance over HTTP into LocalHost on Azurite: the sample's Select Committee paper goes to its director, finance and
/// legal clearers, each answers from the link in their own e-mail with no key, approval and publication wait for them,
/// a regenerated version starts again and says what changed, and a paper published after its deadline says why.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ClearanceTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Director = "director.families@example.org";
    private const string Finance = "finance.partner@example.org";
    private const string Legal = "legal.officer@example.org";

    // Before the 8 November 2022 committee's clearance deadline (26 October) and publication deadline (31 October).
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 10, 20, 9, 0, 0, TimeSpan.Zero));
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string> GenerateAsync() =>
        (await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"select-committee","meetingDate":"2022-11-08"}"""))).ExpectAsync(201))
        .GetProperty("id").GetString()!;

    /// <summary>The e-mails to <paramref name="address"/> whose subject starts as given, as a careful client reads them.</summary>
    private async Task<List<MimeKit.MimeMessage>> EmailsToAsync(string address, string subject = "FACT paper to clear") =>
        [.. (await Outbox.ReadAsync(host)).Select(e => Outbox.ParseSendable(e.Content))
            .Where(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? string.Empty).StartsWith(subject, StringComparison.Ordinal))];

    private static Uri ReviewLink(MimeKit.MimeMessage email) =>
        new(ReviewLinkText().Match(email.TextBody ?? string.Empty).Groups[1].Value);

    private sealed record Form(string Action, string Name, string Expires, string Token);

    /// <summary>The review page opened from the link with no key, and its forms.</summary>
    private async Task<(string Html, List<Form> Forms)> OpenAsync(Uri link)
    {
        var response = await host.Anonymous.GetAsync(link);
        string html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("form-action 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        return (html, [.. FormPattern().Matches(html).Select(m => new Form(WebUtility.HtmlDecode(m.Groups[1].Value), m.Groups[2].Value, m.Groups[3].Value,
            WebUtility.HtmlDecode(m.Groups[4].Value)))]);
    }

    private Task<HttpResponseMessage> AnswerAsync(Form form, string? comment = null, string? path = null)
    {
        var fields = new Dictionary<string, string> { ["action"] = form.Name, ["expires"] = form.Expires, ["token"] = form.Token };
        if (comment is not null)
        {
            fields["comment"] = comment;
        }

        return host.Anonymous.PostAsync(new Uri(host.BaseAddress, path ?? form.Action), new FormUrlEncodedContent(fields));
    }

    private async Task<JsonElement> ReportAsync(string id, HttpClient? client = null) =>
        await (await (client ?? host.Lead).GetAsync($"api/reports/{id}")).ExpectAsync(200);

    [Fact]
    public async Task Clearers_answer_from_their_emails_approval_waits_for_them_and_a_new_version_starts_again()
    {
        string first = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{first}/approve", null)).ExpectAsync(409);

        var sent = await (await host.Lead.PostAsync($"api/reports/{first}/clearance", null)).ExpectAsync(200);
        Assert.Equal(["sent", "sent", "sent"], sent.GetProperty("emails").EnumerateArray().Select(e => e.GetProperty("status").GetString()!).ToArray());
        Assert.Equal("in-clearance", sent.GetProperty("report").GetProperty("status").GetString());
        var resent = await (await host.Lead.PostAsync($"api/reports/{first}/clearance", null)).ExpectAsync(200);
        Assert.All(resent.GetProperty("emails").EnumerateArray(), e => Assert.Equal("already-sent", e.GetProperty("status").GetString()));

        var directorEmail = Assert.Single(await EmailsToAsync(Director));
        Assert.Contains("You answer for the whole paper", directorEmail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Please answer by Wednesday 26 October 2022", directorEmail.TextBody, StringComparison.Ordinal);
        Assert.Contains("published by Monday 31 October 2022, 5 clear days before the meeting", directorEmail.TextBody, StringComparison.Ordinal);
        var (legalPage, legalForms) = await OpenAsync(ReviewLink(Assert.Single(await EmailsToAsync(Legal))));
        Assert.Contains("class=\"yours\" aria-label=\"Legal implications: you clear this section\"", legalPage, StringComparison.Ordinal);
        Assert.Equal(["clear", "return"], legalForms.Select(f => f.Name).ToArray());
        var (_, directorForms) = await OpenAsync(ReviewLink(directorEmail));
        var (_, financeForms) = await OpenAsync(ReviewLink(Assert.Single(await EmailsToAsync(Finance))));

        // Publication waits for them, naming who is outstanding.
        var refused = await (await host.Lead.PostAsync($"api/reports/{first}/approve", null)).ExpectAsync(409);
        Assert.Contains("Not cleared by: Jen Slater (director), Finance Business Partner (finance), Legal Services Officer (legal). Wait for",
            refused.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        var notApproved = await (await host.Lead.PostAsync($"api/reports/{first}/publish", null)).ExpectAsync(409);
        Assert.Contains("not cleared by: Jen Slater (director)", notApproved.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The director clears; the same form again changes nothing; legal's token does not work on another clearer's page.
        var cleared = await (await AnswerAsync(directorForms[0])).ExpectAsync(200);
        Assert.Equal("cleared", cleared.GetProperty("answer").GetString());
        Assert.False(cleared.TryGetProperty("email", out _));
        string afterClear = (await ReportAsync(first)).GetRawText();
        await (await AnswerAsync(directorForms[0])).ExpectAsync(409);
        await (await AnswerAsync(directorForms[1], "Second thoughts.")).ExpectAsync(409);
        Assert.Equal(afterClear, (await ReportAsync(first)).GetRawText());
        await (await AnswerAsync(legalForms[0], path: directorForms[0].Action)).ExpectAsync(403);
        await (await AnswerAsync(legalForms[0] with { Name = "return" }, "Swapped button.")).ExpectAsync(403);

        // Finance clears; legal returns it, with the comment required.
        await (await AnswerAsync(financeForms[0])).ExpectAsync(200);
        var noComment = await (await AnswerAsync(legalForms[1])).ExpectAsync(422);
        Assert.True(noComment.GetProperty("errors").TryGetProperty("comment", out _));
        await (await AnswerAsync(legalForms[1], "Paragraph 2 must name the legal basis for sharing data.")).ExpectAsync(200);
        var returned = await ReportAsync(first);
        Assert.Equal("returned", returned.GetProperty("status").GetString());
        var history = await ReportAsync(first, host.Officer);
        Assert.DoesNotContain("@", history.GetProperty("clearance").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("legal basis", history.GetProperty("clearance").GetRawText(), StringComparison.Ordinal);
        await (await host.Lead.PostAsync($"api/reports/{first}/clearance", null)).ExpectAsync(409);

        // The regenerated version goes to all three again, and says what changed since the version each saw.
        clock.Advance(TimeSpan.FromHours(2));
        await (await host.Lead.PutAsync("api/projects/family-help/milestones/evaluation-partner-confirmed",
            FactHost.Json("""{"activity":"Evaluation partner confirmed","due":"December 2022","status":"at-risk","order":3}"""))).ExpectAsync(200);
        await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201);
        string second = await GenerateAsync();
        await (await AnswerAsync(directorForms[0], path: directorForms[0].Action.Replace(first, second, StringComparison.Ordinal))).ExpectAsync(403);
        await (await host.Lead.PostAsync($"api/reports/{second}/clearance", null)).ExpectAsync(200);
        var legalAgain = (await EmailsToAsync(Legal)).Single(m => m.TextBody!.Contains("a new version", StringComparison.Ordinal));
        Assert.Contains("What changed since the version of 20 October 2022, 10:00 you were sent", legalAgain.TextBody, StringComparison.Ordinal);
        Assert.Contains("Evaluation partner confirmed", legalAgain.TextBody, StringComparison.Ordinal);
        Assert.Contains("The words of Legal implications are unchanged.", legalAgain.TextBody, StringComparison.Ordinal);
        foreach (string clearer in new[] { Director, Finance, Legal })
        {
            var link = ReviewLink((await EmailsToAsync(clearer)).Single(m => m.TextBody!.Contains(second, StringComparison.Ordinal)));
            await (await AnswerAsync((await OpenAsync(link)).Forms[0])).ExpectAsync(200);
        }

        Assert.Equal("cleared", (await ReportAsync(second)).GetProperty("status").GetString());
        var approved = await (await host.Lead.PostAsync($"api/reports/{second}/approve", null)).ExpectAsync(200);
        Assert.False(approved.TryGetProperty("approvalOverride", out _));
        await (await host.Lead.PostAsync($"api/reports/{second}/publish", null)).ExpectAsync(200);

        string papers = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        Assert.Contains("cleared 20 October 2022, 12:00 by Jen Slater (director, for the whole paper)", papers, StringComparison.Ordinal);
        Assert.Contains("returned 20 October 2022, 10:00 by Legal Services Officer (legal, for Legal implications) with the comment: Paragraph 2", papers,
            StringComparison.Ordinal);
        // Members see the published paper, not the council's internal clearance.
        var published = (await Outbox.ReadAsync(host)).Select(e => Outbox.ParseSendable(e.Content))
            .First(m => (m.Subject ?? string.Empty).StartsWith("FACT paper published", StringComparison.Ordinal));
        var memberPapers = new Uri(MemberPapersLink().Match(published.TextBody ?? string.Empty).Groups[1].Value);
        string memberPage = await (await host.Anonymous.GetAsync(memberPapers)).Content.ReadAsStringAsync();
        Assert.Contains("published 20 October 2022", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Jen Slater", memberPage, StringComparison.Ordinal);

        var subjects = (await Outbox.ReadAsync(host)).Select(e => Outbox.ParseSendable(e.Content).Subject ?? string.Empty);
        Assert.Equal(6, subjects.Count(s => s.StartsWith("FACT paper to clear", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_returned_version_takes_no_more_answers_or_reminders_and_is_not_approved_by_removing_its_clearer()
    {
        string id = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{id}/clearance", null)).ExpectAsync(200);
        var legal = (await OpenAsync(ReviewLink(Assert.Single(await EmailsToAsync(Legal))))).Forms;
        var financeLink = ReviewLink(Assert.Single(await EmailsToAsync(Finance)));
        var finance = (await OpenAsync(financeLink)).Forms;
        await (await AnswerAsync(legal[1], "The data-sharing basis is missing.")).ExpectAsync(200);

        var refused = await (await AnswerAsync(finance[0])).ExpectAsync(409);
        Assert.Equal("This version no longer takes answers.", refused.GetProperty("title").GetString());
        var (page, forms) = await OpenAsync(financeLink);
        Assert.Empty(forms);
        Assert.Contains("returned by another clearer", page, StringComparison.Ordinal);
        var reminders = await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"2022-10-25","dryRun":true}"""))).ExpectAsync(200);
        Assert.DoesNotContain("clearance-reminder", reminders.GetRawText(), StringComparison.Ordinal);

        // A key opens the page without forms: only a clearer's own link answers for them.
        string withKey = await (await host.Officer.GetAsync(financeLink.AbsolutePath)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<form", withKey, StringComparison.Ordinal);

        // Taking legal off the board does not clear what legal returned.
        const string withoutLegal = """
            {"name":"Children’s Select Committee","kind":"select-committee","clearers":[
              {"name":"Jen Slater","email":"director.families@example.org","role":"director"},
              {"name":"Finance Business Partner","email":"finance.partner@example.org","role":"finance"}]}
            """;
        await (await host.Lead.PutAsync("api/boards/select-committee", FactHost.Json(withoutLegal))).ExpectAsync(200);
        var approve = await (await host.Lead.PostAsync($"api/reports/{id}/approve", null)).ExpectAsync(409);
        Assert.Contains("Legal Services Officer (legal)", approve.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("It was returned", approve.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paper_whose_meeting_is_gone_is_still_late_after_its_meeting_dates_deadline()
    {
        string id = await GenerateAsync();
        await (await host.Lead.DeleteAsync("api/boards/select-committee/meetings/2022-11-08")).ExpectAsync(204);
        await (await host.Lead.PostAsync($"api/reports/{id}/approve", FactHost.Approval())).ExpectAsync(200);
        clock.Advance(TimeSpan.FromDays(13));

        var problem = await (await host.Lead.PostAsync($"api/reports/{id}/publish", null)).ExpectAsync(422);

        Assert.True(problem.GetProperty("errors").TryGetProperty("lateReason", out _), problem.GetRawText());
    }

    [Fact]
    public async Task An_expired_link_is_replaced_by_a_resend_once_a_day_to_those_who_have_not_answered()
    {
        string id = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{id}/clearance", null)).ExpectAsync(200);
        await (await AnswerAsync((await OpenAsync(ReviewLink(Assert.Single(await EmailsToAsync(Director))))).Forms[0])).ExpectAsync(200);
        clock.Advance(TimeSpan.FromDays(31));

        var resent = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => host.Lead.PostAsync($"api/reports/{id}/clearance?resend=true", null)));
        Assert.All(resent, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await (await host.Lead.PostAsync($"api/reports/{id}/clearance?resend=maybe", null)).ExpectAsync(400);

        Assert.Single(await EmailsToAsync(Director));
        var legal = await EmailsToAsync(Legal);
        Assert.Equal(2, legal.Count);
        var (_, forms) = await OpenAsync(ReviewLink(legal.OrderBy(m => m.Date).Last()));
        await (await AnswerAsync(forms[0])).ExpectAsync(200);
    }

    [Fact]
    public async Task Eight_concurrent_sends_email_each_clearer_once_and_two_answers_at_once_record_one()
    {
        string id = await GenerateAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.Lead.PostAsync($"api/reports/{id}/clearance", null)));

        Assert.Equal(3, (await Outbox.ReadAsync(host)).Count);
        Assert.Equal(3, (await ReportAsync(id)).GetProperty("clearance").GetArrayLength());
        var forms = (await OpenAsync(ReviewLink(Assert.Single(await EmailsToAsync(Director))))).Forms;
        var answers = await Task.WhenAll(AnswerAsync(forms[0]), AnswerAsync(forms[1], "From the other tab."));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order().ToArray());
        var director = (await ReportAsync(id)).GetProperty("clearance").EnumerateArray().Single(e => e.GetProperty("email").GetString() == Director);
        string answer = director.GetProperty("answer").GetString()!;
        string loser = await answers.Single(a => a.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync();
        Assert.Contains(answer == "cleared" ? "You cleared this version" : "You returned this version", loser, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_and_its_tokens_are_refused_and_clearers_are_reminded_once_before_the_deadline()
    {
        string id = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{id}/clearance", null)).ExpectAsync(200);
        var link = ReviewLink(Assert.Single(await EmailsToAsync(Finance)));
        var forms = (await OpenAsync(link)).Forms;
        await (await AnswerAsync((await OpenAsync(ReviewLink(Assert.Single(await EmailsToAsync(Director))))).Forms[0])).ExpectAsync(200);

        // 25 October is the working day before the clearance deadline: finance and legal, who have not answered, are reminded once.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Lead.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"2022-10-25","dryRun":false}"""))));
        Assert.All(runs, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"2022-10-26","dryRun":false}"""))).ExpectAsync(200);
        Assert.Single(await EmailsToAsync(Finance, "Reminder: FACT paper to clear by 26 Oct"));
        Assert.Single(await EmailsToAsync(Legal, "Reminder: FACT paper to clear by 26 Oct"));
        Assert.Empty(await EmailsToAsync(Director, "Reminder"));
        var early = await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"2022-10-24","dryRun":true}"""))).ExpectAsync(200);
        Assert.DoesNotContain("clearance-reminder", early.GetRawText(), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(31));
        await (await host.Anonymous.GetAsync(link)).ExpectAsync(401);
        var expired = await (await AnswerAsync(forms[0])).ExpectAsync(401);
        Assert.Equal("This review link has expired.", expired.GetProperty("title").GetString());
        Assert.False((await ReportAsync(id)).GetProperty("clearance").EnumerateArray()
            .Single(e => e.GetProperty("email").GetString() == Finance).TryGetProperty("answer", out _));
    }

    [Fact]
    public async Task A_paper_published_after_its_deadline_needs_a_reason_shown_on_the_page_in_the_paper_and_in_the_email()
    {
        clock.Advance(TimeSpan.FromDays(13)); // 2 November: past the 31 October publication deadline
        string id = await GenerateAsync();
        var approved = await (await host.Lead.PostAsync($"api/reports/{id}/approve",
            FactHost.Json("""{"overrideReason":"The director cleared it by telephone."}"""))).ExpectAsync(200);
        Assert.StartsWith("The director cleared it by telephone. (not cleared by Jen Slater (director)", approved.GetProperty("approvalOverride").GetString(),
            StringComparison.Ordinal);

        var problem = await (await host.Lead.PostAsync($"api/reports/{id}/publish", null)).ExpectAsync(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lateReason", out _), problem.GetRawText());
        Assert.Equal("approved", (await ReportAsync(id)).GetProperty("status").GetString());

        var published = await (await host.Lead.PostAsync($"api/reports/{id}/publish",
            FactHost.Json("""{"lateReason":"The October figures came late from the DfE."}"""))).ExpectAsync(200);
        Assert.Equal("The October figures came late from the DfE. (the publication deadline was Monday 31 October 2022, 5 clear days before the meeting)",
            published.GetProperty("report").GetProperty("lateReason").GetString());
        string html = await (await host.Officer.GetAsync($"api/reports/{id}/html")).Content.ReadAsStringAsync();
        Assert.Contains("<strong>Published late:</strong> The October figures came late from the DfE.", html, StringComparison.Ordinal);
        string papers = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        Assert.Contains("published late because: The October figures came late", papers, StringComparison.Ordinal);
        Assert.Contains("approved without every clearance because: The director cleared it by telephone.", papers, StringComparison.Ordinal);
        var member = (await Outbox.ReadAsync(host)).Select(e => Outbox.ParseSendable(e.Content))
            .First(m => (m.Subject ?? string.Empty).StartsWith("FACT paper published", StringComparison.Ordinal));
        Assert.StartsWith("FACT paper published (late item):", member.Subject, StringComparison.Ordinal);
        Assert.Contains("This is a late item", member.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clearers_are_validated_like_members_and_their_addresses_are_the_leads()
    {
        var problem = await (await host.Lead.PutAsync("api/boards/select-committee", FactHost.Json("""
            {"name":"Children's Select Committee","kind":"select-committee","clearDays":2,
             "clearers":[{"name":"A","email":"not-an-email","role":"director"},{"name":"B","email":"b@example.org","role":"boss"},
                         {"name":"C","email":"B@example.org","role":"other"},{"name":"","email":"d@example.org","role":"legal","kinds":["minutes"]}]}
            """))).ExpectAsync(422);
        var errors = problem.GetProperty("errors");
        foreach (string field in new[] { "clearDays", "clearers[0].email", "clearers[1].role", "clearers[2].email", "clearers[2].sections", "clearers[3].name",
            "clearers[3].kinds[0]" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not reported: {errors}");
        }

        var asOfficer = await (await host.Officer.GetAsync("api/boards/select-committee")).ExpectAsync(200);
        Assert.Equal(3, asOfficer.GetProperty("clearers").GetArrayLength());
        Assert.DoesNotContain("@", asOfficer.GetProperty("clearers").GetRawText(), StringComparison.Ordinal);
        var asLead = await (await host.Lead.GetAsync("api/boards/select-committee")).ExpectAsync(200);
        Assert.Contains(Legal, asLead.GetProperty("clearers").GetRawText(), StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task In_a_browser_clearers_clear_and_return_from_their_links_two_tabs_record_one_answer_and_axe_finds_nothing()
    {
        string id = await GenerateAsync();
        string other = await GenerateAsync();
        await (await host.Lead.PostAsync($"api/reports/{id}/clearance", null)).ExpectAsync(200);
        await (await host.Lead.PostAsync($"api/reports/{other}/clearance", null)).ExpectAsync(200);
        async Task<string> LinkAsync(string address, string version) =>
            ReviewLink((await EmailsToAsync(address)).Single(m => m.TextBody!.Contains(version, StringComparison.Ordinal))).AbsoluteUri;

        // Legal clears the first version and the director returns it; finance answers the second from two tabs at once.
        string[] links = [await LinkAsync(Legal, id), await LinkAsync(Director, id), await LinkAsync(Finance, other)];

        var seen = await NodeScript.RunAsync<ReviewReport>("review-check.cjs", [.. links, "Please name the legal basis."], TimeSpan.FromMinutes(3),
            environment: new Dictionary<string, string> { ["CHROMIUM_PATH"] = Chromium.ExecutablePath });

        Assert.Equal((200, 2, 1), (seen.Before.Status, seen.Before.Forms, seen.Before.Marked));
        Assert.Empty(seen.Before.Violations);
        Assert.Equal((200, "Thank you: your answer is recorded."), (seen.Cleared.Status, seen.Cleared.Heading));
        Assert.Equal((200, "Thank you: your answer is recorded."), (seen.Returned.Status, seen.Returned.Heading));
        Assert.Contains("Please name the legal basis.", seen.Returned.Text, StringComparison.Ordinal);
        Assert.Equal([200, 409], seen.Race.Select(r => r.Status).Order().ToArray());
        Assert.Equal("You already answered this version.", seen.Race.Single(r => r.Status == 409).Heading);
        Assert.All(seen.Race, r => Assert.Empty(r.Violations));
        Assert.Equal(0, seen.After.Forms);
        Assert.Contains("You cleared this version on", seen.After.Text, StringComparison.Ordinal);
        Assert.Empty(seen.After.Violations);
        var report = await ReportAsync(id);
        Assert.Equal("returned", report.GetProperty("status").GetString());
    }

    private sealed record ReviewPage(int Status, string Heading, string Text, int Forms, int Marked, IReadOnlyList<AxeViolation> Violations);

    private sealed record ReviewAnswerPage(int Status, string Heading, string Text, IReadOnlyList<AxeViolation> Violations);

    private sealed record ReviewReport(ReviewPage Before, ReviewAnswerPage Cleared, ReviewAnswerPage Returned, IReadOnlyList<ReviewAnswerPage> Race, ReviewPage After);

    [GeneratedRegex(@"See every FACT paper: (\S+)")]
    private static partial Regex MemberPapersLink();

    [GeneratedRegex(@"Read the paper and clear it, or return it with a comment: (\S+)")]
    private static partial Regex ReviewLinkText();

    [GeneratedRegex(@"<form method=""post"" action=""([^""]+)"">\s*<input type=""hidden"" name=""action"" value=""(\w+)"">\s*" +
        @"<input type=""hidden"" name=""expires"" value=""(\d+)"">\s*<input type=""hidden"" name=""token"" value=""([^""]+)"">")]
    private static partial Regex FormPattern();
}
