using System.Globalization;
using System.Text.Json.Serialization;

namespace FactFunctions.Dates;

/// <summary>The inclusive range of days a fuzzy milestone date such as "October – December 2022" stands for.</summary>
public readonly record struct MilestoneWindow
{
    [JsonConstructor]
    public MilestoneWindow(DateOnly earliest, DateOnly latest)
    {
        if (latest < earliest)
        {
            throw new ArgumentException($"A window cannot end ({latest:yyyy-MM-dd}) before it starts ({earliest:yyyy-MM-dd}).", nameof(latest));
        }

        Earliest = earliest;
        Latest = latest;
    }

    public DateOnly Earliest { get; }

    public DateOnly Latest { get; }

    public static MilestoneWindow Day(DateOnly day) => new(day, day);

    public static MilestoneWindow Month(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    public bool Overlaps(DateOnly from, DateOnly to) => Earliest <= to && Latest >= from;

    /// <summary>True when the whole window lies before <paramref name="today"/>.</summary>
    public bool EndsBefore(DateOnly today) => Latest < today;

    /// <summary>
    /// Canonical text for the window, in the same words a council paper uses, which
    /// <see cref="FuzzyDate.Parse"/> reads back to the same window.
    /// </summary>
    public string Describe()
    {
        var culture = CultureInfo.InvariantCulture;
        if (Earliest == Latest)
        {
            return Earliest.ToString("d MMMM yyyy", culture);
        }

        bool startsOnMonth = Earliest.Day == 1;
        bool endsOnMonth = Latest.Day == DateTime.DaysInMonth(Latest.Year, Latest.Month);
        if (startsOnMonth && endsOnMonth)
        {
            if (Earliest.Year == Latest.Year && Earliest.Month == Latest.Month)
            {
                return Earliest.ToString("MMMM yyyy", culture);
            }

            return $"{Earliest.ToString("MMMM yyyy", culture)} – {Latest.ToString("MMMM yyyy", culture)}";
        }

        return $"{Earliest.ToString("d MMMM yyyy", culture)} – {Latest.ToString("d MMMM yyyy", culture)}";
    }

    public override string ToString() => $"{Earliest:yyyy-MM-dd}..{Latest:yyyy-MM-dd}";
}
