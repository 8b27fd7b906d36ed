using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using FactFunctions.IntegrationTests.Infrastructure;

namespace FactFunctions.IntegrationTests.Programme;

/// <summary>
/// Issue 27: a baseline moves only by a board's decision. A PUT, an import and a workbook upload that try to move one
/// are refused with nothing written; the rebaseline route records the decision, and the next report shows it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RebaselineApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string Recruitment = "api/projects/family-help/milestones/recruitment-additional-resources";
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string> ExportAsync() => await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

    [Fact]
    public async Task A_put_an_import_and_a_workbook_that_move_a_baseline_are_refused_and_nothing_is_written()
    {
        string before = await ExportAsync();

        // PUT: naming another baseline is refused; naming the stored one, or none, is a re-dating that keeps it.
        var put = await (await host.Lead.PutAsync(Recruitment, FactHost.Json(
            """{"activity":"Recruitment of additional resources","due":"December 2022","baselineDue":"November 2022","status":"at-risk"}"""))).ExpectAsync(422);
        Assert.Contains("rebaseline", put.GetProperty("errors").GetProperty("baselineDue")[0].GetString(), StringComparison.Ordinal);

        // Import: the export with one baseline changed.
        var document = JsonNode.Parse(before)!;
        var projects = document["projects"]!.AsArray();
        int p = projects.Select((x, i) => (x, i)).Single(x => (string?)x.x!["id"] == "family-help").i;
        var milestones = projects[p]!["milestones"]!.AsArray();
        int m = milestones.Select((x, i) => (x, i)).Single(x => (string?)x.x!["id"] == "recruitment-additional-resources").i;
        milestones[m]!["baselineDue"] = "November 2022";
        var import = await (await host.Lead.PostAsync("api/import", FactHost.Json(document.ToJsonString()))).ExpectAsync(422);
        Assert.True(import.GetProperty("errors").TryGetProperty($"projects[{p}].milestones[{m}].baselineDue", out _), import.ToString());

        // Workbook: the Baseline due cell changed.
        var download = await (await host.Officer.GetAsync("api/programme.xlsx")).Content.ReadAsByteArrayAsync();
        using var edits = new WorkbookEdits(download);
        int row = edits.RowOf("Milestones", "B", "recruitment-additional-resources");
        var content = new ByteArrayContent(edits.SetText("Milestones", $"J{row}", "November 2022").Save());
        content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        var workbook = await (await host.Lead.PutAsync("api/programme.xlsx", content)).ExpectAsync(422);
        Assert.Contains("rebaseline", workbook.ToString(), StringComparison.Ordinal);

        Assert.Equal(before, await ExportAsync());

        // Re-dating without a baseline, or naming the stored one, still works and keeps it.
        await (await host.Lead.PutAsync(Recruitment, FactHost.Json(
            """{"activity":"Recruitment of additional resources","due":"January 2023","baselineDue":"October 2022","status":"at-risk"}"""))).ExpectAsync(200);
        var kept = (await (await host.Officer.GetAsync("api/milestones")).ExpectAsync(200)).EnumerateArray()
            .Single(x => x.GetProperty("id").GetString() == "recruitment-additional-resources");
        Assert.Equal("October 2022", kept.GetProperty("baselineDue").GetString());
    }

    [Fact]
    public async Task The_rebaseline_route_records_the_decision_and_the_next_report_shows_it()
    {
        // Refused: no meeting that day, an unknown board, no reason, an unknown milestone, an officer.
        var noMeeting = await (await host.Lead.PostAsync($"{Recruitment}/rebaseline", FactHost.Json(
            """{"baselineDue":"December 2022","board":"fact-operational-board","meetingDate":"2023-01-11","reason":"Agreed."}"""))).ExpectAsync(422);
        Assert.True(noMeeting.GetProperty("errors").TryGetProperty("meetingDate", out _));
        var noBoard = await (await host.Lead.PostAsync($"{Recruitment}/rebaseline", FactHost.Json(
            """{"baselineDue":"December 2022","board":"no-such-board","meetingDate":"2023-01-10","reason":"Agreed."}"""))).ExpectAsync(422);
        Assert.True(noBoard.GetProperty("errors").TryGetProperty("board", out _));
        var noReason = await (await host.Lead.PostAsync($"{Recruitment}/rebaseline", FactHost.Json(
            """{"baselineDue":"Decembre","board":"fact-operational-board","meetingDate":"2023-01-10"}"""))).ExpectAsync(422);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True(noReason.GetProperty("errors").TryGetProperty("baselineDue", out _));
        const string Decision =
            """{"baselineDue":"December 2022","board":"fact-operational-board","meetingDate":"2023-01-10","reason":"Recruitment restarted after the pay review."}""";
        await (await host.Lead.PostAsync("api/projects/family-help/milestones/no-such/rebaseline", FactHost.Json(Decision))).ExpectAsync(404);
        await (await host.Officer.PostAsync($"{Recruitment}/rebaseline", FactHost.Json(Decision))).ExpectAsync(403);

        var moved = await (await host.Lead.PostAsync($"{Recruitment}/rebaseline", FactHost.Json(Decision))).ExpectAsync(200);
        Assert.Equal("December 2022", moved.GetProperty("baselineDue").GetString());
        var decision = moved.GetProperty("rebaselines").EnumerateArray().Single();
        Assert.Equal("October 2022", decision.GetProperty("was").GetString());
        Assert.Equal("FACT Operational Board", decision.GetProperty("boardName").GetString());

        // Sent again (as after a failure), nothing more is recorded.
        var again = await (await host.Lead.PostAsync($"{Recruitment}/rebaseline", FactHost.Json(Decision))).ExpectAsync(200);
        Assert.Single(again.GetProperty("rebaselines").EnumerateArray());

        // The export carries the history, and importing it back changes nothing.
        string export = await ExportAsync();
        Assert.Contains("Recruitment restarted after the pay review.", export, StringComparison.Ordinal);
        await (await host.Lead.PostAsync("api/import", FactHost.Json(export))).ExpectAsync(200);
        Assert.Equal(export, await ExportAsync());

        // The next highlight report shows the decision beside the slippage, measured against the new baseline.
        var paper = await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"highlight","meetingDate":"2023-03-07","reportDate":"2023-02-28"}""")))
            .ExpectAsync(201);
        string html = await (await host.Officer.GetAsync($"api/reports/{paper.GetProperty("id").GetString()}/html")).Content.ReadAsStringAsync();
        Assert.Contains("Recruitment of additional resources: on its baseline (December 2022); re-baselined by the FACT Operational Board on 10 January 2023: " +
            "was October 2022", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The new user's walk of issue 27: the Operational Board's January report, then its March one, shows per project the
    /// direction since January, the lead's confidence beside the derived status, the exception first, and the sample's
    /// re-baselined milestone with its decision.
    /// </summary>
    [Fact]
    public async Task The_march_report_after_the_january_one_shows_direction_confidence_the_exception_and_the_decision()
    {
        await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"highlight","meetingDate":"2023-01-10","reportDate":"2022-12-28"}""")))
            .ExpectAsync(201);
        var march = await (await host.Lead.PostAsync("api/reports", FactHost.Json("""{"kind":"highlight","meetingDate":"2023-03-07","reportDate":"2023-02-28"}""")))
            .ExpectAsync(201);
        string html = await (await host.Officer.GetAsync($"api/reports/{march.GetProperty("id").GetString()}/html")).Content.ReadAsStringAsync();
        string text = System.Net.WebUtility.HtmlDecode(html);

        int exceptions = text.IndexOf("Exceptions beyond tolerance", StringComparison.Ordinal);
        Assert.InRange(exceptions, 0, text.IndexOf("<th scope=\"col\">Direction</th>", StringComparison.Ordinal));
        Assert.Contains("Decision to formally transition the project to business as usual has slipped 23 months", text, StringComparison.Ordinal);
        Assert.DoesNotContain("First report", text, StringComparison.Ordinal);
        int rows = System.Text.RegularExpressions.Regex.Matches(text, "<td>(▲ Improved|▼ Worse|► Unchanged)[^<]*</td>").Count;
        Assert.Equal(7, rows);
        Assert.Contains("Amber/Red", text, StringComparison.Ordinal);
        Assert.Contains("Amber/Green", text, StringComparison.Ordinal);
        Assert.Contains("re-baselined by the FACT Operational Board on 1 November 2022: was December 2022", text, StringComparison.Ordinal);
    }

    /// <summary>Review follow-ups: a meeting still to come agrees nothing; one decision sent twice at once is recorded once; a project's delete takes its decisions.</summary>
    [Fact]
    public async Task A_future_meeting_is_refused_twice_at_once_records_once_and_history_goes_with_its_project()
    {
        await (await host.Lead.PutAsync("api/boards/fact-operational-board/meetings/2099-05-01", FactHost.Json("""{"title":"Later"}"""))).ExpectAsync(201);
        var future = await (await host.Lead.PostAsync($"{Recruitment}/rebaseline", FactHost.Json(
            """{"baselineDue":"December 2022","board":"fact-operational-board","meetingDate":"2099-05-01","reason":"Not yet."}"""))).ExpectAsync(422);
        Assert.True(future.GetProperty("errors").TryGetProperty("meetingDate", out _));

        const string Decision = """{"baselineDue":"February 2023","board":"fact-operational-board","meetingDate":"2023-01-10","reason":"Agreed."}""";
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => host.Lead.PostAsync($"{Recruitment}/rebaseline", FactHost.Json(Decision))));
        foreach (var answer in both)
        {
            await answer.ExpectAsync(200);
        }

        string export = await ExportAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(export, "\"reason\": ?\"Agreed.\""));

        await (await host.Lead.DeleteAsync("api/projects/family-help")).ExpectAsync(204);
        await (await host.Lead.PutAsync("api/projects/family-help", FactHost.Json("""{"name":"Family Help","status":"active"}"""))).ExpectAsync(201);
        await (await host.Lead.PutAsync(Recruitment, FactHost.Json("""{"activity":"Recruitment","due":"March 2023","status":"planned"}"""))).ExpectAsync(201);
        Assert.DoesNotContain("\"Agreed.\"", await ExportAsync(), StringComparison.Ordinal);
    }
}
