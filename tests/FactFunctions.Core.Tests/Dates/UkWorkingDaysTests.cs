using FactFunctions.Dates;

namespace FactFunctions.Core.Tests.Dates;

public class UkWorkingDaysTests
{
    private readonly UkWorkingDays calendar = new();

    // England and Wales bank holidays as published on GOV.UK.
    public static TheoryData<int, string[]> Published => new()
    {
        { 2019, ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"] },
        { 2020, ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"] },
        { 2021, ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"] },
        { 2022, ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"] },
        { 2023, ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"] },
        { 2024, ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"] },
        { 2025, ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"] },
        { 2026, ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"] },
        { 2027, ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"] },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void Computed_bank_holidays_match_the_published_list(int year, string[] expected)
    {
        Assert.Equal(expected.Select(DateOnly.Parse).Order(), calendar.BankHolidays(year).Order());
    }

    [Fact]
    public void Working_days_before_skip_weekends_and_bank_holidays()
    {
        // Tuesday 7 June 2022: five working days back crosses the weekend and the Jubilee Thursday and Friday.
        Assert.Equal(new DateOnly(2022, 5, 27), calendar.WorkingDaysBefore(new DateOnly(2022, 6, 7), 5));
        // Tuesday 3 January 2023: one working day back is Friday 30 December (2 January is the New Year substitute).
        Assert.Equal(new DateOnly(2022, 12, 30), calendar.WorkingDaysBefore(new DateOnly(2023, 1, 3), 1));
        Assert.Equal(new DateOnly(2022, 12, 23), calendar.WorkingDaysBefore(new DateOnly(2022, 12, 27), 0));
    }

    [Fact]
    public void Configured_changes_add_and_move_days()
    {
        var custom = new UkWorkingDays([new BankHolidayChange { Remove = new DateOnly(2030, 5, 6), Add = new DateOnly(2030, 5, 10) }]);

        Assert.False(custom.IsBankHoliday(new DateOnly(2030, 5, 6)));
        Assert.True(custom.IsBankHoliday(new DateOnly(2030, 5, 10)));
    }
}
