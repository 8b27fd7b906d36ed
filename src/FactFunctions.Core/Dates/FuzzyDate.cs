using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FactFunctions.Dates;

/// <summary>
/// Reads milestone dates the way council papers write them ("October – December 2022",
/// "January/February 2023", "Spring term 2024") into an inclusive <see cref="MilestoneWindow"/>.
/// The text itself is kept verbatim elsewhere; this only gives it a meaning for sorting and filtering.
/// </summary>
public static partial class FuzzyDate
{
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    public const string AcceptedForms =
        "1 November 2022; October 2022; October – December 2022; October 2022 – February 2023; " +
        "January/February 2023; Spring 2024 (also Summer, Autumn, Winter); early/mid/late 2023; " +
        "end of March 2023; Q1 2023; 2022/23 (financial year); Autumn term 2023 (also Spring term, Summer term); " +
        "2023; 2023-03-15";

    public static MilestoneWindow Parse(string text)
    {
        var result = TryParse(text);
        return result.Window ?? throw new FormatException(result.Error);
    }

    public static bool TryParse(string? text, out MilestoneWindow window)
    {
        var result = TryParse(text);
        window = result.Window ?? default;
        return result.Window is not null;
    }

    /// <summary>Parses <paramref name="text"/>; on failure the error quotes the text and lists the accepted forms.</summary>
    public static FuzzyDateResult TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return FuzzyDateResult.Fail($"A milestone date is required. Accepted forms: {AcceptedForms}.");
        }

        if (text.Length > 100)
        {
            return FuzzyDateResult.Fail($"A milestone date is at most 100 characters. Accepted forms: {AcceptedForms}.");
        }

        string normal = Normalise(text);
        if (TryPeriod(normal, null, out var single) && single.HasYear)
        {
            return FuzzyDateResult.Ok(single.Window);
        }

        foreach (Match separator in RangeSeparator().Matches(normal))
        {
            string left = normal[..separator.Index].Trim();
            string right = normal[(separator.Index + separator.Length)..].Trim();
            if (left.Length == 0 || right.Length == 0 || !TryPeriod(right, null, out var end) || !end.HasYear)
            {
                continue;
            }

            if (!TryPeriod(left, end.Window.Earliest.Year, out var start))
            {
                continue;
            }

            // "November – January 2023" means November 2022: a yearless start after the end is last year's.
            if (!start.HasYear && start.Window.Earliest > end.Window.Earliest &&
                TryPeriod(left, end.Window.Earliest.Year - 1, out var previousYear))
            {
                start = previousYear;
            }

            if (end.Window.Latest < start.Window.Earliest)
            {
                return FuzzyDateResult.Fail(
                    $"'{Quote(text)}' ends ({end.Window.Latest:yyyy-MM-dd}) before it starts ({start.Window.Earliest:yyyy-MM-dd}).");
            }

            return FuzzyDateResult.Ok(new MilestoneWindow(start.Window.Earliest, end.Window.Latest));
        }

        return FuzzyDateResult.Fail($"'{Quote(text)}' is not a recognised milestone date. Accepted forms: {AcceptedForms}.");
    }

    private readonly record struct Period(MilestoneWindow Window, bool HasYear);

    private static bool TryPeriod(string s, int? defaultYear, out Period period)
    {
        period = default;
        Match m;

        if ((m = IsoDay().Match(s)).Success)
        {
            return TryDay(Int(m, 1), Int(m, 2), Int(m, 3), true, out period);
        }

        if ((m = FinancialYear().Match(s)).Success)
        {
            int first = Int(m, 1);
            string second = m.Groups[2].Value;
            int expected = second.Length == 2 ? (first + 1) % 100 : first + 1;
            if (int.Parse(second, CultureInfo.InvariantCulture) != expected || !YearInRange(first + 1))
            {
                return false;
            }

            return Build(new DateOnly(first, 4, 1), new DateOnly(first + 1, 3, 31), true, out period);
        }

        if ((m = WholeYear().Match(s)).Success)
        {
            int year = Int(m, 1);
            return YearInRange(year) && Build(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), true, out period);
        }

        if ((m = EndOfMonth().Match(s)).Success)
        {
            if (!TryYear(m.Groups[2], defaultYear, out int year, out bool hasYear))
            {
                return false;
            }

            int month = MonthNumber(m.Groups[1].Value);
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return Build(last, last, hasYear, out period);
        }

        if ((m = DayMonth().Match(s)).Success)
        {
            if (!TryYear(m.Groups[3], defaultYear, out int year, out bool hasYear))
            {
                return false;
            }

            return TryDay(year, MonthNumber(m.Groups[2].Value), Int(m, 1), hasYear, out period);
        }

        if ((m = MonthOnly().Match(s)).Success)
        {
            if (!TryYear(m.Groups[2], defaultYear, out int year, out bool hasYear))
            {
                return false;
            }

            period = new Period(MilestoneWindow.Month(year, MonthNumber(m.Groups[1].Value)), hasYear);
            return true;
        }

        if ((m = Season().Match(s)).Success)
        {
            if (!TryYear(m.Groups[3], defaultYear, out int year, out bool hasYear))
            {
                return false;
            }

            bool term = m.Groups[2].Success;
            (int fromMonth, int toYear, int toMonth) = (m.Groups[1].Value, term) switch
            {
                ("spring", false) => (3, year, 5),
                ("summer", false) => (6, year, 8),
                ("autumn" or "fall", false) => (9, year, 11),
                ("winter", false) => (12, year + 1, 2),
                ("autumn" or "fall", true) => (9, year, 12),
                ("spring", true) => (1, year, 4),
                ("summer", true) => (4, year, 7),
                _ => (0, 0, 0),
            };
            if (fromMonth == 0 || !YearInRange(toYear))
            {
                return false;
            }

            return Build(new DateOnly(year, fromMonth, 1), LastDay(toYear, toMonth), hasYear, out period);
        }

        if ((m = PartOfYear().Match(s)).Success)
        {
            if (!TryYear(m.Groups[2], defaultYear, out int year, out bool hasYear))
            {
                return false;
            }

            (int from, int to) = m.Groups[1].Value switch
            {
                "early" => (1, 4),
                "mid" => (5, 8),
                _ => (9, 12),
            };
            return Build(new DateOnly(year, from, 1), LastDay(year, to), hasYear, out period);
        }

        if ((m = Quarter().Match(s)).Success)
        {
            if (!TryYear(m.Groups[2], defaultYear, out int year, out bool hasYear))
            {
                return false;
            }

            int quarter = Int(m, 1);
            return Build(new DateOnly(year, (quarter * 3) - 2, 1), LastDay(year, quarter * 3), hasYear, out period);
        }

        return false;
    }

    private static bool TryDay(int year, int month, int day, bool hasYear, out Period period)
    {
        period = default;
        if (!YearInRange(year) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var date = new DateOnly(year, month, day);
        return Build(date, date, hasYear, out period);
    }

    private static bool Build(DateOnly from, DateOnly to, bool hasYear, out Period period)
    {
        period = new Period(new MilestoneWindow(from, to), hasYear);
        return true;
    }

    private static bool TryYear(Group group, int? defaultYear, out int year, out bool hasYear)
    {
        hasYear = group.Success;
        year = hasYear ? int.Parse(group.Value, CultureInfo.InvariantCulture) : defaultYear ?? 0;
        return (hasYear || defaultYear is not null) && YearInRange(year);
    }

    private static bool YearInRange(int year) => year is >= MinYear and <= MaxYear;

    private static DateOnly LastDay(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int MonthNumber(string name) => name[..3] switch
    {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a month."),
    };

    /// <summary>Folds the typography of pasted text (non-breaking spaces, dashes, curly quotes, case) into one plain form.</summary>
    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            char folded = c switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' or '\uFE63' or '\uFF0D' => '-',
                '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                '\u2044' or '\u2215' => '/',
                _ when char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF' => ' ',
                _ => char.ToLowerInvariant(c),
            };
            builder.Append(folded);
        }

        string collapsed = Spaces().Replace(builder.ToString(), " ").Trim().Trim('.', ',', ' ');
        return Regex.Replace(collapsed, @"\b(early|mid|late)-(?=\d)", "$1 ", RegexOptions.CultureInvariant);
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? '\uFFFD' : c);
        }

        return builder.ToString();
    }

    private const string MonthPattern =
        @"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDay();

    [GeneratedRegex(@"^(\d{4})\s?/\s?(\d{2}|\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex FinancialYear();

    [GeneratedRegex(@"^(\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeYear();

    [GeneratedRegex(@"^(?:the )?end of " + MonthPattern + @"(?: (\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex EndOfMonth();

    [GeneratedRegex(@"^(\d{1,2})(?:st|nd|rd|th)? (?:of )?" + MonthPattern + @",?(?: (\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"^" + MonthPattern + @"(?: (\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"^(spring|summer|autumn|fall|winter)( term)?(?: (\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Season();

    [GeneratedRegex(@"^(early|mid|late)(?: (\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PartOfYear();

    [GeneratedRegex(@"^q([1-4])(?: (\d{4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Quarter();

    [GeneratedRegex(@" ?- ?| to | until |/", RegexOptions.CultureInvariant)]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}

/// <summary>The outcome of reading a fuzzy date: a window, or an error a person can act on.</summary>
public readonly record struct FuzzyDateResult(MilestoneWindow? Window, string? Error)
{
    public static FuzzyDateResult Ok(MilestoneWindow window) => new(window, null);

    public static FuzzyDateResult Fail(string error) => new(null, error);
}
