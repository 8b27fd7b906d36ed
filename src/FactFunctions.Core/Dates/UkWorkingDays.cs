using Microsoft.Extensions.Options;

namespace FactFunctions.Dates;

/// <summary>
/// Working days in England and Wales: Monday to Friday less bank holidays, which are computed from the standing
/// rules (Easter by the Gregorian computus, substitute days for weekends) plus one-off changes.
/// </summary>
public sealed class UkWorkingDays
{
    private readonly IReadOnlyList<BankHolidayChange> changes;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlySet<DateOnly>> years = new();

    public UkWorkingDays(IOptions<CalendarOptions> options)
        : this(options.Value.Changes)
    {
    }

    public UkWorkingDays(IEnumerable<BankHolidayChange>? extraChanges = null)
    {
        changes = CalendarOptions.KnownChanges.Concat(extraChanges ?? []).ToList();
    }

    public IReadOnlySet<DateOnly> BankHolidays(int year) => years.GetOrAdd(year, Compute);

    public bool IsBankHoliday(DateOnly date) => BankHolidays(date.Year).Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>
    /// The last day a paper can be published and leave <paramref name="clearDays"/> clear days before the meeting on
    /// <paramref name="meeting"/>: clear days exclude the day of publication, the day of the meeting, weekends and bank
    /// holidays. It is a working day, and exactly <paramref name="clearDays"/> working days lie strictly between it and the
    /// meeting (Local Government Act 1972 s100B: five in England, three in Wales).
    /// </summary>
    public DateOnly PublicationDeadline(DateOnly meeting, int clearDays) => WorkingDaysBefore(meeting, clearDays + 1);

    /// <summary>The working day <paramref name="count"/> working days before <paramref name="date"/> (0: the date itself if working, else the one before).</summary>
    public DateOnly WorkingDaysBefore(DateOnly date, int count)
    {
        var day = date;
        if (count == 0)
        {
            while (!IsWorkingDay(day))
            {
                day = day.AddDays(-1);
            }

            return day;
        }

        for (int left = count; left > 0;)
        {
            day = day.AddDays(-1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }

        return day;
    }

    private IReadOnlySet<DateOnly> Compute(int year)
    {
        var easter = EasterSunday(year);
        var days = new HashSet<DateOnly>
        {
            Substitute(new DateOnly(year, 1, 1)),
            easter.AddDays(-2),
            easter.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };

        // Christmas and Boxing Day: a weekend day moves to the next weekday not already taken.
        var christmas = new DateOnly(year, 12, 25);
        var boxing = new DateOnly(year, 12, 26);
        foreach (var day in new[] { christmas, boxing })
        {
            var holiday = day;
            while (holiday.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || days.Contains(holiday))
            {
                holiday = holiday.AddDays(1);
            }

            days.Add(holiday);
        }

        foreach (var change in changes)
        {
            if (change.Remove is { } removed && removed.Year == year)
            {
                days.Remove(removed);
            }

            if (change.Add is { } added && added.Year == year)
            {
                days.Add(added);
            }
        }

        return days;
    }

    private static DateOnly Substitute(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
