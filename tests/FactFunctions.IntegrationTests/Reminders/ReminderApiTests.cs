using System.Text.Json;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;
using FactFunctions.Jobs;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.IntegrationTests.Reminders;

/// <summary>
/// The sample's Children's Select Committee meets on Tuesday 8 November 2022; its paper is due five working days
/// before (Tuesday 1 November), with reminders 10, 5 and 1 working days before that: 18, 25 and 31 October.
/// Two recipients write the paper: the report author and the programme lead.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReminderApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 10, 1, 9, 0, 0, TimeSpan.Zero));
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<List<string>> OutboxAsync() => (await Outbox.ReadAsync(host)).Select(e => e.Name).ToList();

    /// <summary>How many emails a dry run says are due on the day (deadline reminders and, on Mondays, digests).</summary>
    private async Task<int> DueAsync(string day)
    {
        var dry = await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json($$"""{"asOf":"{{day}}","dryRun":true}"""))).ExpectAsync(200);
        return dry.GetProperty("emails").GetArrayLength();
    }

    [Fact]
    public async Task A_meeting_shows_its_computed_deadline_and_reminder_days()
    {
        var meetings = await (await host.Officer.GetAsync("api/boards/select-committee/meetings")).ExpectAsync(200);

        var november = meetings.EnumerateArray().Single(m => m.GetProperty("date").GetString() == "2022-11-08");
        // Published by 31 October (five clear days), cleared by 26 October (three working days), written by 19 October (five).
        Assert.Equal("2022-10-31", november.GetProperty("publicationDeadline").GetString());
        Assert.Equal("2022-10-26", november.GetProperty("clearanceDeadline").GetString());
        Assert.Equal("2022-10-19", november.GetProperty("paperDeadline").GetString());
        Assert.Equal(["2022-10-05", "2022-10-12", "2022-10-18"], november.GetProperty("reminders").EnumerateArray().Select(r => r.GetProperty("date").GetString()!).ToArray());
        Assert.Equal(["Report Author", "Programme Lead"], november.GetProperty("reminders")[0].GetProperty("recipients").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_dry_run_lists_who_would_be_emailed_and_a_real_run_writes_eml_files_to_the_outbox()
    {
        var dry = await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"2022-10-12","dryRun":true}"""))).ExpectAsync(200);
        var planned = dry.GetProperty("emails").EnumerateArray().ToList();
        Assert.Equal(2, planned.Count);
        Assert.All(planned, e => Assert.Equal("would-send", e.GetProperty("status").GetString()));
        Assert.Equal(["programme.lead@example.org", "report.author@example.org"], planned.Select(e => e.GetProperty("recipient").GetString()!).Order().ToArray());
        Assert.Empty(await OutboxAsync());

        var real = await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"2022-10-12","dryRun":false}"""))).ExpectAsync(200);
        Assert.All(real.GetProperty("emails").EnumerateArray(), e => Assert.Equal("sent", e.GetProperty("status").GetString()));

        var outbox = await OutboxAsync();
        Assert.Equal(2, outbox.Count);
        Assert.All(outbox, name => Assert.EndsWith(".eml", name, StringComparison.Ordinal));
        var log = await (await host.Officer.GetAsync("api/reminders?from=2022-10-12&to=2022-10-12")).ExpectAsync(200);
        Assert.Equal(2, log.GetArrayLength());
        Assert.All(log.EnumerateArray(), e => Assert.Equal("outbox", e.GetProperty("channel").GetString()));

        // Officers see what was sent and when, not to which address, and cannot read the messages.
        Assert.All(log.EnumerateArray(), e => Assert.False(e.TryGetProperty("recipient", out _)));
        var leadLog = await (await host.Lead.GetAsync("api/reminders?from=2022-10-12&to=2022-10-12")).ExpectAsync(200);
        Assert.All(leadLog.EnumerateArray(), e => Assert.EndsWith("@example.org", e.GetProperty("recipient").GetString(), StringComparison.Ordinal));
        string key = log[0].GetProperty("key").GetString()!;
        await (await host.Officer.GetAsync($"api/reminders/{key}/message")).ExpectAsync(403);
        var board = await (await host.Officer.GetAsync("api/boards/select-committee")).ExpectAsync(200);
        Assert.All(board.GetProperty("members").EnumerateArray(), m => Assert.False(m.TryGetProperty("email", out _)));
        var boards = await (await host.Officer.GetAsync("api/boards")).ExpectAsync(200);
        Assert.DoesNotContain("@", boards.GetRawText(), StringComparison.Ordinal);

        var eml = await host.Lead.GetAsync($"api/reminders/{key}/message");
        Assert.Equal("message/rfc822", eml.Content.Headers.ContentType?.MediaType);
        byte[] raw = await eml.Content.ReadAsByteArrayAsync();
        string message = System.Text.Encoding.UTF8.GetString(raw);
        await AssertSendableAsync(raw);
        Assert.Contains("Subject: ", message, StringComparison.Ordinal);
        Assert.Contains("@example.org", message, StringComparison.Ordinal);
        Assert.Contains("text/calendar", message, StringComparison.Ordinal);
        await (await host.Lead.GetAsync($"api/reminders/{new string('0', 40)}/message")).ExpectAsync(404);
        await (await host.Lead.GetAsync("api/reminders/not-a-key/message")).ExpectAsync(400);
    }

    /// <summary>
    /// An outbox .eml is what SMTP would carry: CRLF only, every text part transfer-encoded to 7 bits, strict MIME, and
    /// its calendar part a PUBLISH in UTF-8 that ical.js reads at the meeting's London time.
    /// </summary>
    private static async Task AssertSendableAsync(byte[] raw)
    {
        var parts = Outbox.ParseSendable(raw).BodyParts.OfType<MimeKit.MimePart>().ToList();
        var calendar = Assert.Single(parts, p => p.ContentType.MimeType == "text/calendar");
        Assert.Equal("PUBLISH", calendar.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", calendar.ContentType.Charset, ignoreCase: true);
        using var ics = new MemoryStream();
        await calendar.Content!.DecodeToAsync(ics);
        var events = await IcalJs.EventsAsync(System.Text.Encoding.UTF8.GetString(ics.ToArray()));
        var meeting = Assert.Single(events, e => e.Uid == "select-committee-20221108-meeting@factfunctions");
        Assert.Equal(new DateTimeOffset(2022, 11, 8, 10, 30, 0, TimeSpan.Zero), meeting.StartUtc);
    }

    [Fact]
    public async Task The_job_run_twice_and_eight_times_at_once_sends_each_email_once()
    {
        var job = host.Service<ReminderJob>();
        var at = new DateTimeOffset(2022, 10, 12, 6, 0, 0, TimeSpan.Zero); // 07:00 BST

        Assert.Equal(2, await DueAsync("2022-10-12"));

        await job.RunAsync(at, CancellationToken.None);
        await job.RunAsync(at, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => job.RunAsync(at.AddHours(1), CancellationToken.None)));

        Assert.Equal(2, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task Eight_concurrent_runs_on_a_fresh_day_send_each_email_once()
    {
        var job = host.Service<ReminderJob>();
        var at = new DateTimeOffset(2022, 10, 31, 7, 0, 0, TimeSpan.Zero); // 07:00 GMT, the day after the clocks went back
        int due = await DueAsync("2022-10-31"); // a Monday: the Operational Board's digest to its four members
        Assert.Equal(4, due);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => job.RunAsync(at, CancellationToken.None)));

        Assert.Equal(due, (await OutboxAsync()).Count);
        var log = await (await host.Officer.GetAsync("api/reminders?from=2022-10-31&to=2022-10-31")).ExpectAsync(200);
        Assert.Equal(due, log.EnumerateArray().Select(e => e.GetProperty("key").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Reminders_go_at_seven_london_time_on_both_sides_of_the_clock_change()
    {
        var job = host.Service<ReminderJob>();

        // 31 October 2022 is GMT: 06:00 UTC is 06:00 in London, too early; 07:00 UTC is 07:00.
        int monday = await DueAsync("2022-10-31");
        await job.RunAsync(new DateTimeOffset(2022, 10, 31, 6, 0, 0, TimeSpan.Zero), CancellationToken.None);
        Assert.Empty(await OutboxAsync());
        await job.RunAsync(new DateTimeOffset(2022, 10, 31, 7, 0, 0, TimeSpan.Zero), CancellationToken.None);
        Assert.Equal(monday, (await OutboxAsync()).Count);

        // 18 October 2022 is BST: 05:00 UTC is 06:00 in London, too early; 06:00 UTC is already 07:00.
        int tuesday = await DueAsync("2022-10-18");
        Assert.Equal(2, tuesday);
        await job.RunAsync(new DateTimeOffset(2022, 10, 18, 5, 0, 0, TimeSpan.Zero), CancellationToken.None);
        Assert.Equal(monday, (await OutboxAsync()).Count);
        await job.RunAsync(new DateTimeOffset(2022, 10, 18, 6, 0, 0, TimeSpan.Zero), CancellationToken.None);
        Assert.Equal(monday + tuesday, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task The_calendar_feed_parses_with_stable_uids_and_the_right_utc_instants()
    {
        await host.Lead.PutAsync("api/boards/select-committee/meetings/2023-06-13", FactHost
            .Json("""{"title":"Children’s Select Committee","time":"10:30","reportKind":"select-committee"}"""));

        string ics = await (await host.Officer.GetAsync("api/calendar.ics")).Content.ReadAsStringAsync();
        var calendar = Calendar.Load(ics)!;

        var november = calendar.Events.Single(e => e.Uid == "select-committee-20221108-meeting@factfunctions");
        Assert.Equal(new DateTime(2022, 11, 8, 10, 30, 0, DateTimeKind.Utc), november.DtStart!.AsUtc);
        var deadline = calendar.Events.Single(e => e.Uid == "select-committee-20221108-deadline@factfunctions");
        Assert.Equal(new DateTime(2022, 10, 19, 16, 0, 0, DateTimeKind.Utc), deadline.DtStart!.AsUtc);
        var clearance = calendar.Events.Single(e => e.Uid == "select-committee-20221108-clearance@factfunctions");
        Assert.Equal(new DateTime(2022, 10, 26, 16, 0, 0, DateTimeKind.Utc), clearance.DtStart!.AsUtc);
        var publication = calendar.Events.Single(e => e.Uid == "select-committee-20221108-publication@factfunctions");
        Assert.Equal(new DateTime(2022, 10, 31, 17, 0, 0, DateTimeKind.Utc), publication.DtStart!.AsUtc); // GMT by then
        Assert.Contains("5 clear days before the meeting", publication.Description, StringComparison.Ordinal);
        var june = calendar.Events.Single(e => e.Uid == "select-committee-20230613-meeting@factfunctions");
        Assert.Equal(new DateTime(2023, 6, 13, 9, 30, 0, DateTimeKind.Utc), june.DtStart!.AsUtc);

        string again = await (await host.Officer.GetAsync("api/calendar.ics")).Content.ReadAsStringAsync();
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), Calendar.Load(again)!.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task Bad_board_and_meeting_input_is_refused()
    {
        var board = await (await host.Lead.PutAsync("api/boards/new-board", FactHost
            .Json("""{"name":"","kind":"cabinet","members":[{"name":"A","email":"not-an-email","role":"boss"}],"reminderOffsets":[5,5],"digest":"daily"}"""))).ExpectAsync(422);
        var errors = board.GetProperty("errors");
        foreach (string field in new[] { "name", "kind", "members[0].email", "members[0].role", "reminderOffsets", "digest" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not reported: {errors}");
        }

        await (await host.Lead.PutAsync("api/boards/select-committee/meetings/08-11-2022", FactHost.Json("""{"title":"x"}"""))).ExpectAsync(400);
        await (await host.Lead.PutAsync("api/boards/nobody/meetings/2022-11-08", FactHost.Json("""{"title":"x"}"""))).ExpectAsync(404);
        await (await host.Lead.PutAsync("api/boards/select-committee/meetings/2022-11-08", FactHost.Json("""{"title":"x","paperDeadline":"2022-11-09"}"""))).ExpectAsync(422);
        await (await host.Lead.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"next week"}"""))).ExpectAsync(422);
        await (await host.Officer.PostAsync("api/reminders/run", FactHost.Json("""{"asOf":"2022-10-12"}"""))).ExpectAsync(403);
    }
}

/// <summary>Delivery through a fake SendGrid on loopback, with faults on cue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendGridDeliveryTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset ReminderDay = new(2022, 10, 12, 6, 0, 0, TimeSpan.Zero);
    private FakeSendGrid sendGrid = null!;
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        sendGrid = new FakeSendGrid();
        host = await fixture.StartHostAsync(
            new Dictionary<string, string?>
            {
                ["Fact:SendGrid:ApiKey"] = "SG.fake-key-for-tests",
                ["Fact:SendGrid:Host"] = sendGrid.Host,
                ["Fact:SendGrid:MaxRetries"] = "3",
                ["Fact:SendGrid:RetryDelayMilliseconds"] = "50",
                ["Fact:SendGrid:MaxRetryAfterSeconds"] = "2",
                ["Fact:SendGrid:AttemptTimeoutSeconds"] = "1",
            });
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    // No fake clock here: the resilience pipeline waits its retry delays on the host's TimeProvider.
    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await sendGrid.DisposeAsync();
    }

    private Task RunAsync() => host.Service<ReminderJob>().RunAsync(ReminderDay, CancellationToken.None);

    private async Task<List<JsonElement>> SentLogAsync() =>
        (await (await host.Officer.GetAsync("api/reminders")).ExpectAsync(200)).EnumerateArray().ToList();

    [Theory]
    [InlineData("429", "202")]
    [InlineData("500", "500", "202")]
    [InlineData("slow", "202")]
    public async Task Transient_failures_are_retried_and_each_email_is_sent_exactly_once(params string[] answers)
    {
        await sendGrid.StartAsync();
        sendGrid.Script(answers);

        await RunAsync();
        await RunAsync();

        Assert.Equal(2, sendGrid.Accepted.Count);
        Assert.Equal(2, sendGrid.Accepted.Select(m => m.Key).Distinct().Count());
        Assert.All(await SentLogAsync(), e => Assert.Equal("sent", e.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task While_sendgrid_refuses_connections_nothing_is_marked_sent_and_the_next_run_sends_each_once()
    {
        await RunAsync();

        Assert.Empty(await SentLogAsync());

        await sendGrid.StartAsync();
        await RunAsync();
        await RunAsync();

        Assert.Equal(2, sendGrid.Accepted.Count);
        Assert.Equal(2, (await SentLogAsync()).Count(e => e.GetProperty("status").GetString() == "sent"));
    }

    [Fact]
    public async Task A_sendgrid_outage_longer_than_the_retries_leaves_the_reminders_due()
    {
        await sendGrid.StartAsync();
        sendGrid.Script(Enumerable.Repeat("500", 8).ToArray());

        await RunAsync();
        Assert.Empty(sendGrid.Accepted);
        Assert.Empty(await SentLogAsync());

        await RunAsync();
        Assert.Equal(2, sendGrid.Accepted.Count);
    }

    [Fact]
    public async Task Html_in_a_milestone_arrives_encoded()
    {
        await sendGrid.StartAsync();
        await host.Lead.PutAsync("api/projects/family-help/milestones/formal-pilot-begins",
            FactHost.Json("""{"activity":"<script>alert('x')</script> & <b>bold</b>","due":"January 2023","status":"at-risk","order":7}"""));

        await RunAsync();

        var mail = sendGrid.Accepted.First();
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.True(mail.Subject.Length < 120);
    }
}
