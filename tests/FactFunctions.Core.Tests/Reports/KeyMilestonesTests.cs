using FactFunctions.Programme;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>The one rule for the Key milestones rows, shared by the paper and the reminder e-mail.</summary>
public sealed class KeyMilestonesTests
{
    private static readonly DateOnly Meeting = new(2022, 11, 8);  // window: 1 October 2022 .. 8 November 2024
    private static readonly DateOnly AsOf = new(2022, 10, 14);

    private static IReadOnlyList<KeyMilestoneRow> Rows(params (string Id, string Due, string Status)[] milestones)
    {
        var document = new ProgrammeDocument
        {
            Projects =
            [
                new ProjectDocument
                {
                    Id = "family-help", Name = "Family Help", Status = "active", Order = 1,
                    Milestones = [.. milestones.Select((m, i) => new MilestoneDocument { Id = m.Id, Activity = m.Id, Due = m.Due, Status = m.Status, Order = i })],
                },
            ],
        };
        var groups = KeyMilestones.For(ProgrammeState.FromDocument(document, AsOf), Meeting, AsOf, lookAheadMonths: 24);
        return groups.SelectMany(g => g.Rows).ToList();
    }

    [Fact]
    public void Open_milestones_whose_date_has_passed_are_kept_and_marked_while_completed_and_cancelled_past_ones_are_left_out()
    {
        var rows = Rows(
            ("open-long-ago", "March 2022", MilestoneStatus.OnTrack),
            ("at-risk-long-ago", "1 June 2022", MilestoneStatus.AtRisk),
            ("complete-long-ago", "March 2022", MilestoneStatus.Complete),
            ("cancelled-long-ago", "March 2022", MilestoneStatus.Cancelled),
            ("cancelled-in-window", "December 2022", MilestoneStatus.Cancelled),
            ("complete-in-window", "October 2022", MilestoneStatus.Complete),
            ("due-in-window", "January 2023", MilestoneStatus.Planned),
            ("beyond-window", "December 2024", MilestoneStatus.Planned));

        Assert.Equal(["open-long-ago", "at-risk-long-ago", "complete-in-window", "due-in-window"], rows.Select(r => r.Milestone.Id));
        Assert.Equal([true, true, false, false], rows.Select(r => r.Overdue));
    }

    [Theory]
    [InlineData("13 October 2022", true)]  // ended the day before the paper's date
    [InlineData("14 October 2022", false)] // ends on it: still due
    [InlineData("15 October 2022", false)]
    [InlineData("30 September 2022", true)] // the day before the window, open: kept because overdue
    public void Overdue_is_decided_on_the_paper_date(string due, bool overdue)
    {
        var row = Assert.Single(Rows(("m", due, MilestoneStatus.OnTrack)));

        Assert.Equal(overdue, row.Overdue);
    }

    [Theory]
    [InlineData("30 September 2022", MilestoneStatus.Complete, false)] // ends the day before the window
    [InlineData("1 October 2022", MilestoneStatus.Complete, true)]     // on its first day
    [InlineData("8 November 2024", MilestoneStatus.Planned, true)]     // on its last day
    [InlineData("9 November 2024", MilestoneStatus.Planned, false)]    // the day after
    public void The_window_edges_decide_a_row(string due, string status, bool shown)
    {
        Assert.Equal(shown, Rows(("m", due, status)).Count == 1);
    }
}
