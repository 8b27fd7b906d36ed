using FactFunctions.Dates;

namespace FactFunctions.Core.Tests.Dates;

/// <summary>
/// The edges that decide a row: a window ending the day before, on, or after a range's first day, starting the day
/// before, on, or after its last day; and "overdue" the day a window ends and the day after.
/// </summary>
public sealed class MilestoneWindowTests
{
    private static readonly DateOnly From = new(2022, 10, 1);
    private static readonly DateOnly To = new(2024, 11, 8);

    [Theory]
    [InlineData("2022-09-01", "2022-09-30", false)] // ends the day before the range starts
    [InlineData("2022-09-01", "2022-10-01", true)]  // ends on its first day
    [InlineData("2022-09-01", "2022-10-02", true)]  // ends the day after
    [InlineData("2024-11-07", "2024-12-31", true)]  // starts the day before the range ends
    [InlineData("2024-11-08", "2024-12-31", true)]  // starts on its last day
    [InlineData("2024-11-09", "2024-12-31", false)] // starts the day after
    [InlineData("2022-01-01", "2025-01-01", true)]  // covers the whole range
    [InlineData("2023-01-01", "2023-01-01", true)]  // one day inside it
    public void A_window_overlaps_a_range_when_they_share_a_day(string earliest, string latest, bool overlaps)
    {
        var window = new MilestoneWindow(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(latest,
            System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(overlaps, window.Overlaps(From, To));
    }

    [Theory]
    [InlineData("2022-10-31", false)] // the last day of the window: still due, not overdue
    [InlineData("2022-11-01", true)]  // the day after: overdue
    [InlineData("2022-10-30", false)]
    public void A_window_ends_before_a_day_only_from_the_day_after_its_last(string today, bool endsBefore)
    {
        var october = MilestoneWindow.Month(2022, 10);

        Assert.Equal(endsBefore, october.EndsBefore(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_window_cannot_end_before_it_starts()
    {
        Assert.ThrowsAny<ArgumentException>(() => new MilestoneWindow(new DateOnly(2022, 10, 2), new DateOnly(2022, 10, 1)));
    }
}
