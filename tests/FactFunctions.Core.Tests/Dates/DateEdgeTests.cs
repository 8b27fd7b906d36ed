using System.Globalization;
using FactFunctions.Dates;

namespace FactFunctions.Core.Tests.Dates;

/// <summary>Edges mutation testing found untested: Easter in many years, the fuzzy date's year range, and every dash it folds.</summary>
public sealed class DateEdgeTests
{
    [Theory]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2020, "2020-04-12")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2023, "2023-04-09")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_Sunday_and_its_bank_holidays_fall_where_the_calendar_says(int year, string sunday)
    {
        var easter = DateOnly.Parse(sunday, CultureInfo.InvariantCulture);
        var days = new UkWorkingDays();

        Assert.Equal(easter, UkWorkingDays.EasterSunday(year));
        Assert.True(days.IsBankHoliday(easter.AddDays(-2)), "Good Friday");
        Assert.True(days.IsBankHoliday(easter.AddDays(1)), "Easter Monday");
        Assert.True(days.IsWorkingDay(easter.AddDays(2)), "the Tuesday after");
        Assert.True(days.IsWorkingDay(easter.AddDays(-3)), "Maundy Thursday");
    }

    [Theory]
    [InlineData("March 1900", true)]
    [InlineData("December 2199", true)]
    [InlineData("December 1899", false)]
    [InlineData("January 2200", false)]
    [InlineData("2199", true)]
    [InlineData("2200", false)]
    public void Fuzzy_dates_take_years_from_1900_to_2199_and_no_others(string text, bool accepted)
    {
        Assert.Equal(accepted, FuzzyDate.TryParse(text, out _));
    }

    [Theory]
    [InlineData("October\u2010December 2022")]
    [InlineData("October\u2011December 2022")]
    [InlineData("October\u2012December 2022")]
    [InlineData("October \u2013 December 2022")]
    [InlineData("October \u2014 December 2022")]
    [InlineData("October\u2015December 2022")]
    [InlineData("October\u2212December 2022")]
    [InlineData("October\uFE58December 2022")]
    [InlineData("October\uFE63December 2022")]
    [InlineData("October\uFF0DDecember 2022")]
    [InlineData("October\u200B - December 2022")]
    [InlineData("\uFEFFOctober - December 2022")]
    public void Every_dash_and_invisible_space_people_paste_reads_as_a_range(string text)
    {
        Assert.True(FuzzyDate.TryParse(text, out var window), text);
        Assert.Equal(new MilestoneWindow(new DateOnly(2022, 10, 1), new DateOnly(2022, 12, 31)), window);
    }
}
