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
    public void The_deadline_counts_back_working_days_across_the_jubilee_bank_holidays()
    {
        var meeting = new Meeting { BoardId = "b", Date = new DateOnly(2022, 6, 9) };

        // 8, 7, 6 June, then 2 and 3 June are bank holidays, then 1 June and 31 May.
        Assert.Equal(new DateOnly(2022, 5, 31), calendar.PaperDeadline(Board(), meeting));
    }

    [Fact]
    public void Reminders_fall_on_working_days_before_the_deadline_across_christmas()
    {
        var meeting = new Meeting { BoardId = "b", Date = new DateOnly(2023, 1, 10) };

        var deadline = calendar.PaperDeadline(Board(), meeting);
        var days = calendar.ReminderDays(Board(), meeting).Select(r => r.Date).ToList();

        Assert.Equal(new DateOnly(2023, 1, 3), deadline); // 9, 6, 5, 4, 3 January (2 January is the substitute holiday)
        Assert.Equal([new DateOnly(2022, 12, 15), new DateOnly(2022, 12, 22), new DateOnly(2022, 12, 30)], days);
    }

    [Fact]
    public void An_explicit_deadline_wins_over_the_lead_time()
    {
        var meeting = new Meeting { BoardId = "b", Date = new DateOnly(2022, 11, 8), PaperDeadline = new DateOnly(2022, 10, 20) };

        Assert.Equal(new DateOnly(2022, 10, 20), calendar.PaperDeadline(Board(), meeting));
        Assert.Equal([new DateOnly(2022, 10, 19)], calendar.ReminderDays(Board(5, 1), meeting).Select(r => r.Date));
    }
}
