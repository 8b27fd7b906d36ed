using FactFunctions.IntegrationTests.Infrastructure;

namespace FactFunctions.IntegrationTests.Programme;

[Collection(AzuriteCollection.Name)]
public sealed class MilestonesApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Milestones_due_from_october_2022_to_march_2023_come_in_window_order_with_the_papers_due_text()
    {
        var milestones = await (await host.Officer.GetAsync("api/milestones?dueFrom=2022-10-01&dueTo=2023-03-31")).ExpectAsync(200);

        var rows = milestones.EnumerateArray().Select(m => (m.GetProperty("activity").GetString(), m.GetProperty("due").GetString())).ToList();
        Assert.Equal(
            [
                ("FACT/SVPP Workforce Development Lead selected", "October 2022"),
                ("Local stakeholder events begun in Westbury/Warminster", "October 2022"),
                ("Evaluation partner confirmed", "October 2022"),
                ("Workshops gathering feedback", "October – December 2022"),
                ("Consultation on Family Hubs model", "October 2022 – February 2023"),
                ("Audit Report presented to the FACT Operational Board", "1 November 2022"),
                ("Decision to formally transition the project to business as usual", "1 November 2022"),
                ("Migration of existing Family Help information to Wiltshire Together platform", "December 2022"),
                ("Recruitment of additional resources", "December 2022"),
                ("ESA project evaluated and closed", "31 December 2022"),
                ("Report presented to the Operational Board", "January 2023"),
                ("Formal pilot activity begins", "January 2023"),
                ("Report presented to the Executive Board", "January/February 2023"),
                ("Continual assessment and learning", "January 2023-August 2024"),
                ("Decision on future activity", "February 2023"),
            ],
            rows);
        var consultation = milestones.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "family-hubs-consultation");
        Assert.Equal("2022-10-01", consultation.GetProperty("window").GetProperty("earliest").GetString());
        Assert.Equal("2023-02-28", consultation.GetProperty("window").GetProperty("latest").GetString());
    }

    [Fact]
    public async Task Milestones_can_be_filtered_by_status_and_overdue()
    {
        var atRisk = await (await host.Officer.GetAsync("api/milestones?status=on-track")).ExpectAsync(200);
        Assert.All(atRisk.EnumerateArray(), m => Assert.Equal("on-track", m.GetProperty("status").GetString()));
        Assert.Equal(2, atRisk.GetArrayLength());

        // The sample is the programme as it stood in late 2022, so today every open milestone (all but the three
        // complete ones) is overdue.
        var overdue = await (await host.Officer.GetAsync("api/milestones?overdue=true")).ExpectAsync(200);
        Assert.Equal(13, overdue.GetArrayLength());
    }

    [Theory]
    [InlineData("dueFrom=01/10/2022")]
    [InlineData("dueTo=soon")]
    [InlineData("dueFrom=2023-01-01&dueTo=2022-01-01")]
    [InlineData("status=finished")]
    [InlineData("overdue=maybe")]
    public async Task Malformed_query_parameters_are_a_400(string query)
    {
        await (await host.Officer.GetAsync($"api/milestones?{query}")).ExpectAsync(400);
    }

    [Fact]
    public async Task A_redated_milestone_keeps_its_new_text_and_window()
    {
        var response = await host.Lead.PutAsync("api/projects/family-help/milestones/formal-pilot-begins",
            FactHost.Json("""{"activity":"Formal pilot activity begins","due":"Spring term 2023","status":"at-risk","order":7}"""));

        var milestone = await response.ExpectAsync(200);
        Assert.Equal("Spring term 2023", milestone.GetProperty("due").GetString());
        Assert.Equal("2023-01-01", milestone.GetProperty("window").GetProperty("earliest").GetString());
        Assert.Equal("2023-04-30", milestone.GetProperty("window").GetProperty("latest").GetString());
    }

    [Theory]
    [InlineData("next Tuesday")]
    [InlineData("December 2022 – October 2022")]
    [InlineData("31 February 2023")]
    public async Task An_unreadable_or_inverted_due_date_is_a_422_quoting_it(string due)
    {
        var response = await host.Lead.PutAsync("api/projects/family-help/milestones/new-one",
            FactHost.Json($$"""{"activity":"Something","due":"{{due}}","status":"planned"}"""));

        var problem = await response.ExpectAsync(422);
        string message = problem.GetProperty("errors").GetProperty("due")[0].GetString()!;
        Assert.Contains(due, message, StringComparison.Ordinal);
        var all = await (await host.Officer.GetAsync("api/milestones")).ExpectAsync(200);
        Assert.DoesNotContain(all.EnumerateArray(), m => m.GetProperty("id").GetString() == "new-one");
    }

    [Fact]
    public async Task A_milestone_of_a_project_that_does_not_exist_is_a_404()
    {
        await (await host.Lead.PutAsync("api/projects/no-such-project/milestones/m1",
            FactHost.Json("""{"activity":"Something","due":"May 2023","status":"planned"}"""))).ExpectAsync(404);
    }

    [Fact]
    public async Task A_milestone_is_deleted_and_a_second_delete_is_a_404()
    {
        await (await host.Lead.DeleteAsync("api/projects/family-help/milestones/formal-pilot-begins")).ExpectAsync(204);
        await (await host.Lead.DeleteAsync("api/projects/family-help/milestones/formal-pilot-begins")).ExpectAsync(404);
    }
}
