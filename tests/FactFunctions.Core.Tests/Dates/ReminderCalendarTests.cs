using FactFunctions.Boards;
using FactFunctions.Dates;

namespace FactFunctions.Core.Tests.Dates;

public class ReminderCalendarTests
{
    private readonly ReminderCalendar calendar = new(new UkWorkingDays());

    private static Board Board(int lead = 5, params int[] offsets) => new()
    {
        Id = "b",
        Name = "Board",
        PaperLeadWorkingDays = lead,
        ReminderOffsets = offsets.Length == 0 ? null : offsets
    };

    [Fact]
    public void The_deadlines_count_back_working_days_across_the_jubilee_bank_holidays()
    {
        var meeting = new Meeting { BoardId = "b", Date = new DateOnly(2022, 6, 9) };

        // Clear days 8, 7, 6 June, then (2 and 3 June are bank holidays) 1 June and 31 May: published by Monday 30 May.
        Assert.Equal(new DateOnly(2022, 5, 30), calendar.PublicationDeadline(Board(), meeting));
        Assert.Equal(new DateOnly(2022, 5, 25), calendar.ClearanceDeadline(Board(), meeting)); // 27, 26, 25 May
        Assert.Equal(new DateOnly(2022, 5, 18), calendar.PaperDeadline(Board(), meeting)); // 24, 23, 20, 19, 18 May
    }

    [Fact]
    public void Reminders_fall_on_working_days_before_the_deadline_across_christmas()
    {
        var meeting = new Meeting { BoardId = "b", Date = new DateOnly(2023, 1, 10) };

        var days = calendar.ReminderDays(Board(), meeting).Select(r => r.Date).ToList();

        // Clear days 9, 6, 5, 4, 3 January (2 January is the substitute holiday): published by Friday 30 December; cleared by
        // 23 December (29, 28, then 27 and 26 December are holidays, 23); written by 16 December.
        Assert.Equal(new DateOnly(2022, 12, 30), calendar.PublicationDeadline(Board(), meeting));
        Assert.Equal(new DateOnly(2022, 12, 23), calendar.ClearanceDeadline(Board(), meeting));
        Assert.Equal(new DateOnly(2022, 12, 16), calendar.PaperDeadline(Board(), meeting));
        Assert.Equal([new DateOnly(2022, 12, 2), new DateOnly(2022, 12, 9), new DateOnly(2022, 12, 15)], days);
    }

    [Theory]
    [InlineData("2023-04-11", 5, "2023-03-30")] // after Easter: clear days 6, 5, 4, 3 April and 31 March (Good Friday, Easter Monday excluded)
    [InlineData("2023-05-09", 5, "2023-04-27")] // clear days 5, 4, 3, 2 May and 28 April (the coronation's 8 May and early May excluded)
    [InlineData("2023-06-05", 3, "2023-05-30")] // a Monday meeting, Welsh three clear days: 2, 1, 31 May; spring bank holiday 29 May
    [InlineData("2022-11-08", 5, "2022-10-31")] // the seed paper's committee
    public void The_publication_deadline_leaves_the_clear_days_named(string meeting, int clearDays, string expected)
    {
        var board = Board() with { ClearDays = clearDays };

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            calendar.PublicationDeadline(board, new Meeting { BoardId = "b", Date = DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public void Every_publication_deadline_is_a_working_day_with_exactly_the_clear_days_before_the_meeting_and_the_other_deadlines_before_it()
    {
        var days = new UkWorkingDays();
        for (var date = new DateOnly(2022, 1, 1); date <= new DateOnly(2027, 12, 31); date = date.AddDays(1))
        {
            foreach (int clearDays in new[] { 3, 5 })
            {
                var board = Board() with { ClearDays = clearDays };
                var meeting = new Meeting { BoardId = "b", Date = date };
                var publication = calendar.PublicationDeadline(board, meeting);
                int clear = 0;
                for (var d = publication.AddDays(1); d < date; d = d.AddDays(1))
                {
                    clear += days.IsWorkingDay(d) ? 1 : 0;
                }

                Assert.True(days.IsWorkingDay(publication), $"{date}: {publication} is not a working day");
                Assert.True(clear == clearDays, $"{date}: {clear} clear days after {publication}, not {clearDays}");
                Assert.True(calendar.ClearanceDeadline(board, meeting) < publication && days.IsWorkingDay(calendar.ClearanceDeadline(board, meeting)));
                Assert.True(calendar.PaperDeadline(board, meeting) < calendar.ClearanceDeadline(board, meeting));
            }
        }
    }

    [Fact]
    public void An_explicit_deadline_wins_over_the_lead_time()
    {
        var meeting = new Meeting { BoardId = "b", Date = new DateOnly(2022, 11, 8), PaperDeadline = new DateOnly(2022, 10, 20) };

        Assert.Equal(new DateOnly(2022, 10, 20), calendar.PaperDeadline(Board(), meeting));
        Assert.Equal([new DateOnly(2022, 10, 19)], calendar.ReminderDays(Board(5, 1), meeting).Select(r => r.Date));
    }
}
