using FactFunctions.Boards;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Reminders;

namespace FactFunctions.IntegrationTests.Reminders;

/// <summary>
/// The calendar as a third-party parser reads it: ical.js resolves local times only through the VTIMEZONE the
/// document carries, so that must cover every event it holds, in every year, on both sides of the clock change.
/// </summary>
public sealed class CalendarThirdPartyTests
{
    public static TheoryData<string, string, string> Meetings => new()
    {
        { "2023-01-17", "10:30", "2023-01-17T10:30:00Z" },
        { "2023-07-04", "10:30", "2023-07-04T09:30:00Z" },
        { "2022-10-30", "09:00", "2022-10-30T09:00:00Z" },
        { "2024-03-31", "10:00", "2024-03-31T09:00:00Z" },
        { "2026-06-16", "14:00", "2026-06-16T13:00:00Z" },
        { "2027-12-07", "10:00", "2027-12-07T10:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Meetings))]
    public async Task Ical_js_puts_each_meeting_at_its_london_time(string date, string time, string utc)
    {
        var board = new Board { Id = "select-committee", Name = "Children's Select Committee" };
        var meeting = new Meeting
        {
            BoardId = board.Id,
            Date = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Title = "Committee",
            Time = TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)
        };

        // An early meeting beside it, so the one under test is not the only (or the earliest) event in the document.
        var early = meeting with { Date = new DateOnly(2022, 11, 8) };
        string ics = EmailComposer.Calendar(
            [new CalendarEntry(board, early, Deadlines(early.Date.AddDays(-7))), new CalendarEntry(board, meeting, Deadlines(meeting.Date.AddDays(-7)))]);

        var events = await IcalJs.EventsAsync(ics);

        var read = Assert.Single(events, e => e.Uid == $"select-committee-{meeting.Date:yyyyMMdd}-meeting@factfunctions");
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), read.StartUtc);
    }

    private static MeetingDeadlines Deadlines(DateOnly paper) => new(paper, paper.AddDays(2), paper.AddDays(4), 5);

    [Fact]
    public async Task A_meeting_titled_as_its_board_is_summarised_once()
    {
        var forum = new Board { Id = "schools-forum", Name = "Schools Forum" };
        var committee = new Board { Id = "select-committee", Name = "Children's Select Committee" };
        var day = new DateOnly(2023, 7, 4);
        string ics = EmailComposer.Calendar(
        [
            new CalendarEntry(forum, new Meeting { BoardId = forum.Id, Date = day, Title = "Schools Forum" }, Deadlines(day.AddDays(-7))),
            new CalendarEntry(committee, new Meeting { BoardId = committee.Id, Date = day.AddDays(1), Title = "Budget meeting" }, Deadlines(day.AddDays(-6))),
        ]);

        var events = await IcalJs.EventsAsync(ics);

        Assert.Equal("Schools Forum", Assert.Single(events, e => e.Uid == "schools-forum-20230704-meeting@factfunctions").Summary);
        Assert.Equal("Children's Select Committee: Budget meeting", Assert.Single(events, e => e.Uid == "select-committee-20230705-meeting@factfunctions").Summary);
    }
}
