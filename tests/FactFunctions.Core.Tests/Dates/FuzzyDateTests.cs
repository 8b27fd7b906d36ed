using CsCheck;
using FactFunctions.Dates;

namespace FactFunctions.Core.Tests.Dates;

public class FuzzyDateTests
{
    // Every row of domain.md's table, plus the typographic variants the seeds contain.
    [Theory]
    [InlineData("1 November 2022", "2022-11-01", "2022-11-01")]
    [InlineData("31 December 2022", "2022-12-31", "2022-12-31")]
    [InlineData("October 2022", "2022-10-01", "2022-10-31")]
    [InlineData("October – December 2022", "2022-10-01", "2022-12-31")]
    [InlineData("October - December 2022", "2022-10-01", "2022-12-31")]
    [InlineData("October to December 2022", "2022-10-01", "2022-12-31")]
    [InlineData("October 2022 – February 2023", "2022-10-01", "2023-02-28")]
    [InlineData("October 2022 – February 2023 ", "2022-10-01", "2023-02-28")]
    [InlineData("January/February 2023", "2023-01-01", "2023-02-28")]
    [InlineData("January 2023-August 2024", "2023-01-01", "2024-08-31")]
    [InlineData("July 2024-September 2024", "2024-07-01", "2024-09-30")]
    [InlineData("November 2019 – January 2020", "2019-11-01", "2020-01-31")]
    [InlineData("Spring 2024", "2024-03-01", "2024-05-31")]
    [InlineData("Summer 2024", "2024-06-01", "2024-08-31")]
    [InlineData("Autumn 2024", "2024-09-01", "2024-11-30")]
    [InlineData("Winter 2024", "2024-12-01", "2025-02-28")]
    [InlineData("spring 2020", "2020-03-01", "2020-05-31")]
    [InlineData("SPRING 2020", "2020-03-01", "2020-05-31")]
    [InlineData("early 2023", "2023-01-01", "2023-04-30")]
    [InlineData("mid 2023", "2023-05-01", "2023-08-31")]
    [InlineData("mid-2023", "2023-05-01", "2023-08-31")]
    [InlineData("late 2023", "2023-09-01", "2023-12-31")]
    [InlineData("end of March 2023", "2023-03-31", "2023-03-31")]
    [InlineData("Q1 2023", "2023-01-01", "2023-03-31")]
    [InlineData("Q2 2023", "2023-04-01", "2023-06-30")]
    [InlineData("Q3 2023", "2023-07-01", "2023-09-30")]
    [InlineData("Q4 2023", "2023-10-01", "2023-12-31")]
    [InlineData("2022/23", "2022-04-01", "2023-03-31")]
    [InlineData("Autumn term 2023", "2023-09-01", "2023-12-31")]
    [InlineData("Spring term 2024", "2024-01-01", "2024-04-30")]
    [InlineData("Summer term 2024", "2024-04-01", "2024-07-31")]
    [InlineData("2023-03-15", "2023-03-15", "2023-03-15")]
    [InlineData("Sept 2023", "2023-09-01", "2023-09-30")]
    [InlineData("Feb 2023", "2023-02-01", "2023-02-28")]
    [InlineData("Feb 2024", "2024-02-01", "2024-02-29")]
    [InlineData("October\u00A02022\u00A0\u2013\u00A0February 2023", "2022-10-01", "2023-02-28")]
    [InlineData("October 2022 \u2014 February 2023", "2022-10-01", "2023-02-28")]
    [InlineData("  October    2022  ", "2022-10-01", "2022-10-31")]
    [InlineData("November – January 2023", "2022-11-01", "2023-01-31")]
    [InlineData("Q1 - Q2 2023", "2023-01-01", "2023-06-30")]
    public void Parses_the_council_forms_into_inclusive_windows(string text, string earliest, string latest)
    {
        var window = FuzzyDate.Parse(text);

        Assert.Equal(DateOnly.Parse(earliest), window.Earliest);
        Assert.Equal(DateOnly.Parse(latest), window.Latest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("soon")]
    [InlineData("TBC")]
    [InlineData("October")]
    [InlineData("Octember 2022")]
    [InlineData("31 February 2023")]
    [InlineData("2023-02-30")]
    [InlineData("Q5 2023")]
    [InlineData("2022/24")]
    [InlineData("' or PartitionKey ne '")]
    [InlineData("1 November 20222")]
    public void Rejects_text_that_is_not_a_date_and_lists_the_accepted_forms(string text)
    {
        var result = FuzzyDate.TryParse(text);

        Assert.Null(result.Window);
        Assert.Contains("Accepted forms", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejection_quotes_the_text_the_person_typed()
    {
        var result = FuzzyDate.TryParse("next Tuesday");

        Assert.Contains("'next Tuesday'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("December 2022 – October 2022")]
    [InlineData("2023-03-15 - 2023-03-01")]
    [InlineData("Summer 2024 - Spring 2024")]
    public void Rejects_a_range_that_ends_before_it_starts(string text)
    {
        var result = FuzzyDate.TryParse(text);

        Assert.Null(result.Window);
        Assert.Contains("ends", result.Error, StringComparison.Ordinal);
        Assert.Contains("before it starts", result.Error, StringComparison.Ordinal);
    }

    private static readonly Gen<DateOnly> Day =
        Gen.Int[new DateOnly(1990, 1, 1).DayNumber, new DateOnly(2150, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    private static readonly Gen<MilestoneWindow> Window =
        Gen.Select(Day, Gen.Int[0, 800], (start, length) => new MilestoneWindow(start, start.AddDays(length)));

    private static readonly Gen<MilestoneWindow> MonthWindow =
        Gen.Select(Gen.Int[1990, 2150], Gen.Int[1, 12], Gen.Int[0, 30], (year, month, months) =>
        {
            var start = new DateOnly(year, month, 1);
            var endMonth = start.AddMonths(months);
            return new MilestoneWindow(start, endMonth.AddMonths(1).AddDays(-1));
        });

    [Fact]
    public void Describing_a_window_and_reading_it_back_gives_the_same_window()
    {
        Window.Sample(window => Assert.Equal(window, FuzzyDate.Parse(window.Describe())), iter: 5_000);
        MonthWindow.Sample(window => Assert.Equal(window, FuzzyDate.Parse(window.Describe())), iter: 5_000);
    }

    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Sept", "Feb"];

    private static readonly Gen<string> Part = Gen.OneOf(
        Gen.Select(Gen.Int[1, 28], Gen.Int[0, MonthNames.Length - 1], Gen.Int[2000, 2100], (d, m, y) => $"{d} {MonthNames[m]} {y}"),
        Gen.Select(Gen.Int[0, MonthNames.Length - 1], Gen.Int[2000, 2100], (m, y) => $"{MonthNames[m]} {y}"),
        Gen.Select(Gen.OneOf("Spring", "Summer", "Autumn", "Winter", "spring term", "Summer term", "Autumn term"), Gen.Int[2000, 2100], (s, y) => $"{s} {y}"),
        Gen.Select(Gen.OneOf("early", "mid", "late", "Q1", "Q2", "Q3", "Q4"), Gen.Int[2000, 2100], (s, y) => $"{s} {y}"),
        Gen.Select(Gen.Int[2000, 2100], y => $"{y}/{(y + 1) % 100:00}"));

    private static readonly Gen<string> Separator = Gen.OneOf(" – ", "-", " - ", " to ", "\u00A0\u2014\u00A0", "/");

    [Fact]
    public void Every_parsed_window_starts_no_later_than_it_ends()
    {
        Gen.Select(Part, Separator, Part, (a, sep, b) => a + sep + b).Sample(text =>
        {
            var result = FuzzyDate.TryParse(text);
            if (result.Window is { } window)
            {
                Assert.True(window.Earliest <= window.Latest, $"{text} gave {window}");
            }
            else
            {
                Assert.Contains("before it starts", result.Error, StringComparison.Ordinal);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void A_single_part_always_parses()
    {
        Part.Sample(text => Assert.NotNull(FuzzyDate.TryParse(text).Window), iter: 5_000);
    }

    [Fact]
    public void Arbitrary_text_never_throws()
    {
        Gen.String.Sample(text => _ = FuzzyDate.TryParse(text), iter: 5_000);
    }
}
