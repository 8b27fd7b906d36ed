using System.Net;
using System.Text.Json.Nodes;
using FactFunctions.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Programme;

/// <summary>
/// Issue 26, first part: what a meeting decided and asked for is recorded (resolution, discussion, actions), validated
/// field by field, guarded by If-Match, and travels with the export.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class MeetingOutcomeApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Outcome = "api/boards/schools-forum/meetings/2022-12-08/outcome";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 12, 9, 9, 0, 0, TimeSpan.Zero));
    private FactHost host = null!;

    private const string Recorded = """
        {
          "resolution": ["The Schools Forum noted the update."],
          "discussion": ["A member asked whether data on suspensions could be analysed retrospectively."],
          "actions": [
            {"id": "retrospective-data", "text": "Analyse the suspensions data retrospectively and present it to the Forum.", "owner": "Programme Lead",
             "ownerEmail": "programme.lead@example.org", "due": "March 2023", "status": "open", "reportBackTo": "2023-03-09"},
            {"id": "circulate-feedback", "text": "Circulate the results of the feedback evaluation across the County.", "owner": "Programme Lead",
             "due": "Spring 2023", "status": "done"}
          ]
        }
        """;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task An_outcome_is_recorded_read_with_its_etag_and_an_action_keeps_the_day_it_was_done()
    {
        await (await host.Officer.GetAsync(Outcome)).ExpectAsync(404);
        await (await host.Officer.PutAsync(Outcome, FactHost.Json(Recorded))).ExpectAsync(403);

        var created = await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded));
        var written = await created.ExpectAsync(201);
        Assert.Equal("2022-12-09", written.GetProperty("actions")[1].GetProperty("doneOn").GetString());
        Assert.False(written.GetProperty("actions")[0].TryGetProperty("doneOn", out _));

        var read = await host.Officer.GetAsync(Outcome);
        var outcome = await read.ExpectAsync(200);
        Assert.False(outcome.GetProperty("actions")[0].TryGetProperty("ownerEmail", out _));
        Assert.Equal("The Schools Forum noted the update.", outcome.GetProperty("resolution")[0].GetString());
        string etag = read.Headers.ETag!.Tag;

        // A day later the same outcome again: the done action keeps its day; a stale If-Match changes nothing.
        clock.Advance(TimeSpan.FromDays(1));
        var again = new HttpRequestMessage(HttpMethod.Put, Outcome) { Content = FactHost.Json(Recorded) };
        again.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        var replaced = await (await host.Lead.SendAsync(again)).ExpectAsync(200);
        Assert.Equal("2022-12-09", replaced.GetProperty("actions")[1].GetProperty("doneOn").GetString());
        var stale = new HttpRequestMessage(HttpMethod.Put, Outcome) { Content = FactHost.Json(Recorded.Replace("noted", "welcomed", StringComparison.Ordinal)) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        await (await host.Lead.SendAsync(stale)).ExpectAsync(412);
        Assert.Contains("noted", (await (await host.Officer.GetAsync(Outcome)).ExpectAsync(200)).GetRawText(), StringComparison.Ordinal);

        // The papers page shows the meeting's resolution beside its paper, to officers and members alike.
        await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"schools-forum","meetingDate":"2022-12-08"}"""))).ExpectAsync(201);
        string papers = await (await host.Officer.GetAsync("api/papers")).Content.ReadAsStringAsync();
        Assert.Contains("<span class=\"resolution\">Resolution of the Schools Forum:</span> <bdi>The Schools Forum noted the update.</bdi>", papers,
            StringComparison.Ordinal);

        // A day done is kept once stored, and is never before the meeting.
        var later = await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded.Replace("\"status\": \"done\"}", "\"status\": \"done\", \"doneOn\": \"2024-05-05\"}",
            StringComparison.Ordinal)))).ExpectAsync(200);
        Assert.Equal("2022-12-09", later.GetProperty("actions")[1].GetProperty("doneOn").GetString());
        await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded.Replace("\"status\": \"done\"}", "\"status\": \"done\", \"doneOn\": \"2020-01-01\"}",
            StringComparison.Ordinal)))).ExpectAsync(422);

        // Owners' addresses are not in an officer's workbook or in snapshots.
        using (var officerWorkbook = new WorkbookEdits(await (await host.Officer.GetAsync("api/programme.xlsx")).Content.ReadAsByteArrayAsync()))
        {
            Assert.Null(officerWorkbook.Text("Actions", $"F{officerWorkbook.RowOf("Actions", "C", "retrospective-data")}"));
        }

        string snapshotId = (await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!;
        Assert.DoesNotContain("programme.lead@example.org", await (await host.Officer.GetAsync($"api/snapshots/{snapshotId}")).Content.ReadAsStringAsync(),
            StringComparison.Ordinal);

        // Reopened, it is no longer done.
        var reopened = await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded.Replace("\"done\"", "\"open\"", StringComparison.Ordinal))))
            .ExpectAsync(200);
        Assert.False(reopened.GetProperty("actions")[1].TryGetProperty("doneOn", out _));
    }

    [Fact]
    public async Task The_owner_of_an_open_action_is_reminded_once_in_the_working_week_before_it_falls_due()
    {
        await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded))).ExpectAsync(201);
        async Task<int> ActionEmailsAsync(string day, bool dryRun)
        {
            var run = await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json($$"""{"asOf":"{{day}}","dryRun":{{(dryRun ? "true" : "false")}}}""")))
                .ExpectAsync(200);
            return run.GetProperty("emails").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "action" &&
                e.GetProperty("status").GetString() is "sent" or "would-send");
        }

        // Due "March 2023": its last day on time is Friday 31 March; five working days before is Friday 24 March.
        Assert.Equal(0, await ActionEmailsAsync("2023-03-23", dryRun: true));
        Assert.Equal(1, await ActionEmailsAsync("2023-03-24", dryRun: true));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ActionEmailsAsync("2023-03-27", dryRun: false)));
        Assert.Equal(0, await ActionEmailsAsync("2023-03-28", dryRun: false));
        Assert.Equal(0, await ActionEmailsAsync("2023-04-03", dryRun: true));

        // Given a later date, it is reminded again before that one.
        await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded.Replace("\"due\": \"March 2023\"", "\"due\": \"May 2023\"", StringComparison.Ordinal))))
            .ExpectAsync(200);
        Assert.Equal(1, await ActionEmailsAsync("2023-05-25", dryRun: true));

        var emails = (await Outbox.ReadAsync(host)).Select(e => Outbox.ParseSendable(e.Content))
            .Where(m => (m.Subject ?? string.Empty).StartsWith("FACT action due", StringComparison.Ordinal)).ToList();
        var email = Assert.Single(emails);
        Assert.Equal("programme.lead@example.org", email.To.Mailboxes.Single().Address);
        Assert.Contains("Analyse the suspensions data retrospectively", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("reported back to the meeting on Thursday 9 March 2023", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshots_keep_the_outcomes_and_their_diff_says_which_action_was_done()
    {
        string open = Recorded.Replace("\"done\"", "\"open\"", StringComparison.Ordinal);
        await (await host.Lead.PutAsync(Outcome, FactHost.Json(open))).ExpectAsync(201);
        string before = (await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!;

        await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded))).ExpectAsync(200);
        string after = (await (await host.Lead.PostAsync("api/snapshots", null)).ExpectAsync(201)).GetProperty("id").GetString()!;

        var snapshot = await (await host.Officer.GetAsync($"api/snapshots/{after}")).ExpectAsync(200);
        Assert.Contains("circulate-feedback", snapshot.GetRawText(), StringComparison.Ordinal);
        var changes = await (await host.Officer.GetAsync($"api/snapshots/{after}/changes?since={before}")).ExpectAsync(200);
        Assert.Contains("Action “Circulate the results of the feedback evaluation across the County.” (schools-forum, 8 December 2022) done.",
            changes.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_boards_next_paper_carries_its_open_actions_first_and_a_done_action_once()
    {
        await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded))).ExpectAsync(201);
        foreach (string date in new[] { "2023-03-09", "2023-06-08" })
        {
            await (await host.Lead.PutAsync($"api/boards/schools-forum/meetings/{date}",
                FactHost.Json("""{"title":"Schools Forum","reportKind":"schools-forum"}"""))).ExpectAsync(201);
        }

        async Task<string> PaperAsync(string meeting, string reportDate)
        {
            var report = await (await host.Lead.PostAsync("api/reports",
                FactHost.Json($$"""{"kind":"schools-forum","meetingDate":"{{meeting}}","reportDate":"{{reportDate}}"}"""))).ExpectAsync(201);
            byte[] docx = await (await host.Officer.GetAsync($"api/reports/{report.GetProperty("id").GetString()}/content")).Content.ReadAsByteArrayAsync();
            Reports.ReportApiTests.AssertValidWord(docx);
            return Reports.ReportApiTests.Text(docx);
        }

        // March 2023: the open action (due March 2023, not yet overdue on 1 March) and the one done on 9 December.
        string march = await PaperAsync("2023-03-09", "2023-03-01");
        int heading = march.IndexOf("Actions from previous meetings", StringComparison.Ordinal);
        Assert.True(heading >= 0, march);
        int open = march.IndexOf("Analyse the suspensions data retrospectively", heading, StringComparison.Ordinal);
        int done = march.IndexOf("Circulate the results of the feedback evaluation", heading, StringComparison.Ordinal);
        Assert.True(open > heading && done > open, "open actions come before done ones");
        Assert.Contains("Done on 9 December 2022", march, StringComparison.Ordinal);

        // June 2023: the done action was shown once already; the open one, now past its due window, is overdue.
        string june = await PaperAsync("2023-06-08", "2023-06-01");
        Assert.DoesNotContain("Circulate the results of the feedback evaluation", june, StringComparison.Ordinal);
        int juneHeading = june.IndexOf("Actions from previous meetings", StringComparison.Ordinal);
        Assert.True(juneHeading >= 0);
        Assert.Contains("Overdue", june[juneHeading..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_samples_next_schools_forum_paper_carries_the_open_commitment_of_2025_and_not_the_one_done_in_2024()
    {
        var report = await (await host.Lead.PostAsync("api/reports",
            FactHost.Json("""{"kind":"schools-forum","meetingDate":"2025-10-09","reportDate":"2025-10-01"}"""))).ExpectAsync(201);
        byte[] docx = await (await host.Officer.GetAsync($"api/reports/{report.GetProperty("id").GetString()}/content")).Content.ReadAsByteArrayAsync();
        string text = Reports.ReportApiTests.Text(docx);

        Assert.Contains("Actions from previous meetings", text, StringComparison.Ordinal);
        Assert.Contains("Analyse retrospectively whether the two projects correlate with the fall in fixed-term exclusions", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Circulate the results of the evaluation", text, StringComparison.Ordinal);
        var outcome = await (await host.Officer.GetAsync("api/boards/schools-forum/meetings/2024-01-18/outcome")).ExpectAsync(200);
        Assert.Equal("2024-07-15", outcome.GetProperty("actions")[0].GetProperty("doneOn").GetString());
    }

    [Fact]
    public async Task Every_problem_is_named_by_its_field_at_once_and_nothing_is_written()
    {
        const string bad = """
            {"resolution": [{"type": "paragraph"}],
             "actions": [
               {"id": "a", "text": "T", "owner": "O", "due": "March 2023", "status": "open"},
               {"id": "a", "text": "", "owner": "O\nP", "ownerEmail": "not-an-email", "due": "March 2023", "status": "finished"},
               {"id": "Bad Id", "text": "T", "owner": "O", "due": "Octember 2023", "status": "done", "reportBackTo": "2022-12-01", "note": "x"},
               {"id": "c", "text": "T", "owner": "O", "status": "open", "doneOn": "2022-12-09"}
             ]}
            """;

        var problem = await (await host.Lead.PutAsync(Outcome, FactHost.Json(bad))).ExpectAsync(422);

        var errors = problem.GetProperty("errors");
        foreach (string field in new[] { "actions[1].id", "actions[1].text", "actions[1].owner", "actions[1].ownerEmail", "actions[1].status", "actions[2].id",
            "actions[2].due", "actions[2].reportBackTo", "actions[3].due", "actions[3].doneOn" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not reported: {errors}");
        }

        await (await host.Officer.GetAsync(Outcome)).ExpectAsync(404);
        await (await host.Lead.PutAsync("api/boards/schools-forum/meetings/2022-12-09/outcome", FactHost.Json(Recorded))).ExpectAsync(404);
        await (await host.Lead.PutAsync("api/boards/Schools/meetings/2022-12-08/outcome", FactHost.Json(Recorded))).ExpectAsync(400);
        await (await host.Lead.PutAsync("api/boards/schools-forum/meetings/08-12-2022/outcome", FactHost.Json(Recorded))).ExpectAsync(400);
    }

    [Fact]
    public async Task Outcomes_travel_with_the_export_and_an_import_naming_an_unknown_board_writes_nothing()
    {
        await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded))).ExpectAsync(201);
        string export = await (await host.Lead.GetAsync("api/export")).Content.ReadAsStringAsync();
        var document = JsonNode.Parse(export)!;
        var outcomes = document["outcomes"]!.AsArray();
        Assert.Equal(("schools-forum", "2022-12-08"), ((string?)outcomes[0]!["board"], (string?)outcomes[0]!["date"]));

        outcomes[0]!["board"] = "no-such-board";
        outcomes[0]!["actions"]![0]!["due"] = "Octember";
        var refused = await (await host.Lead.PostAsync("api/import", FactHost.Json(document.ToJsonString()))).ExpectAsync(422);
        Assert.True(refused.GetProperty("errors").TryGetProperty("outcomes[0].board", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("outcomes[0].actions[0].due", out _));
        outcomes[0]!["board"] = "schools-forum";
        outcomes[0]!["date"] = "2022-12-09";
        var noMeeting = await (await host.Lead.PostAsync("api/import", FactHost.Json(document.ToJsonString()))).ExpectAsync(422);
        Assert.True(noMeeting.GetProperty("errors").TryGetProperty("outcomes[0].date", out _), noMeeting.GetRawText());
        Assert.Equal(export, await (await host.Lead.GetAsync("api/export")).Content.ReadAsStringAsync());

        // Once its meeting is deleted, the outcome stays and can still be edited.
        await (await host.Lead.DeleteAsync("api/boards/schools-forum/meetings/2022-12-08")).ExpectAsync(204);
        await (await host.Lead.PutAsync(Outcome, FactHost.Json(Recorded))).ExpectAsync(200);
        export = await (await host.Lead.GetAsync("api/export")).Content.ReadAsStringAsync();

        // Into a fresh host (with the sample's images, which the export names but does not carry).
        await using var fresh = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(fresh)).ExpectAsync(200);
        await (await fresh.Lead.PostAsync("api/import", FactHost.Json(export))).ExpectAsync(200);
        var freshExport = JsonNode.Parse(await (await fresh.Lead.GetAsync("api/export")).Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(export)!["outcomes"], freshExport["outcomes"]), freshExport["outcomes"]?.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await fresh.Officer.GetAsync(Outcome)).StatusCode);
    }
}
