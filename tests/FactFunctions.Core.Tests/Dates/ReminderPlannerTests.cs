using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Programme;
using FactFunctions.Reminders;
using FactFunctions.Reports;
using Microsoft.Extensions.Options;

namespace FactFunctions.Core.Tests.Dates;

/// <summary>The deadline reminder names the milestones of the paper's Key milestones table: the same rule, overdue ones kept.</summary>
public sealed class ReminderPlannerTests
{
    [Fact]
    public void A_reminder_names_an_overdue_milestone_from_before_the_papers_window_as_the_paper_does()
    {
        var planner = new ReminderPlanner(new ReminderCalendar(new UkWorkingDays()), Options.Create(new PaperOptions { MilestoneLookAheadMonths = 24 }));
        var board = new Board
        {
            Id = "select-committee",
            Name = "Children’s Select Committee",
            Kind = BoardKinds.All[2],
            Members = [new Member { Name = "Report Author", Email = "author@example.org", Role = MemberRoles.Author }],
        };
        var meeting = new Meeting { BoardId = board.Id, Date = new DateOnly(2022, 11, 8), Title = "Committee", ReportKind = PaperKinds.SelectCommittee };
        var document = new ProgrammeDocument
        {
            Projects =
            [
                new ProjectDocument
                {
                    Id = "family-help", Name = "Family Help", Status = ProjectStatus.Active, Order = 1,
                    Milestones =
                    [
                        new MilestoneDocument { Id = "old", Activity = "Scoping report agreed", Due = "March 2022", Status = MilestoneStatus.OnTrack, Order = 1 },
                        new MilestoneDocument { Id = "done", Activity = "Resourcing paper signed off", Due = "June 2022", Status = MilestoneStatus.Complete, Order = 2 },
                        new MilestoneDocument { Id = "soon", Activity = "Evaluation partner confirmed", Due = "December 2022", Status = MilestoneStatus.OnTrack, Order = 3 },
                    ],
                },
            ],
        };
        // Published by 31 October (five clear days), cleared by 26 October, written by 19 October: 5 working days before is 12 October.
        var day = new DateOnly(2022, 10, 12);

        var planned = planner.Plan(day, [board], [meeting], ProgrammeState.FromDocument(document, day), null, board => $"https://fact.example.org/api/papers?board={board}");

        var email = Assert.Single(planned);
        Assert.Contains("Family Help: Scoping report agreed – March 2022 (overdue)", email.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Resourcing paper signed off", email.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Evaluation partner confirmed", email.Message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_operational_boards_reminder_names_the_highlight_report_and_its_at_risk_milestones()
    {
        var planner = new ReminderPlanner(new ReminderCalendar(new UkWorkingDays()), Options.Create(new PaperOptions { MilestoneLookAheadMonths = 24 }));
        var sample = SampleProgramme.Load();
        var document = sample.Boards!.Single(b => b.Id == "fact-operational-board");
        var board = new Board
        {
            Id = document.Id!,
            Name = document.Name,
            Kind = document.Kind,
            Members = document.Members,
            ReminderOffsets = document.ReminderOffsets,
            PaperLeadWorkingDays = document.PaperLeadWorkingDays,
            Digest = DigestFrequencies.None,
        };
        var meeting = document.Meetings!.Select(m => new Meeting { BoardId = board.Id, Date = m.Date!.Value, Title = m.Title, ReportKind = m.ReportKind })
            .Single(m => m.Date == new DateOnly(2023, 1, 10));
        Assert.Equal(PaperKinds.Highlight, meeting.ReportKind);
        var calendar = new ReminderCalendar(new UkWorkingDays());
        var (offset, day) = calendar.ReminderDays(board, meeting).OrderBy(r => r.Date).First();

        var planned = planner.Plan(day, [board], [meeting], ProgrammeState.FromDocument(sample, day), null, board => $"https://fact.example.org/api/papers?board={board}");

        var email = Assert.Single(planned);
        Assert.Contains("The FACT highlight report for FACT Operational Board (FACT Operational Board) on Tuesday 10 January 2023 is due on",
            email.Message.Text, StringComparison.Ordinal);
        Assert.Contains($"{offset} working days from today", email.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Transitional Safeguarding: Workshops gathering feedback – October – December 2022 (at risk)", email.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Family Help: Recruitment of additional resources – December 2022 (at risk)", email.Message.Text, StringComparison.Ordinal);
        Assert.Contains("Family Help: Evaluation partner confirmed – October 2022 (off track, overdue)", email.Message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Formal pilot activity begins", email.Message.Text, StringComparison.Ordinal);
    }
}
