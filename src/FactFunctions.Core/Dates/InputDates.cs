using System.Globalization;

namespace FactFunctions.Dates;

/// <summary>
/// The dates any input may name: 2000-01-01 to 2099-12-31. The programme's dates are this century's; a date outside
/// is a typo, and the extremes (0001-01-01, 9999-12-31) would overflow the window, working-day and time-zone
/// arithmetic further on. One rule for every body field, route and query parameter.
/// </summary>
public static class InputDates
{
    public static readonly DateOnly Min = new(2000, 1, 1);
    public static readonly DateOnly Max = new(2099, 12, 31);

    public const string Rule = "must be a date from 2000-01-01 to 2099-12-31";

    public static bool InRange(DateOnly date) => date >= Min && date <= Max;

    /// <summary>A date written yyyy-MM-dd and within the range.</summary>
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && InRange(date);
}
