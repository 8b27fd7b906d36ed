using FactFunctions.Dates;

namespace FactFunctions.Programme;

/// <summary>
/// How far a milestone has slipped against its baseline: the latest date of its current window against the latest
/// date of its baseline's, in whole calendar months ("October 2022" to "December 2022" is 2 months; a season, a range
/// or a day compare by the last day each allows). A milestone brought forward or not moved has not slipped.
/// </summary>
public sealed record Slippage(MilestoneView Milestone, string Baseline, int Months)
{
    /// <summary>The slippage of <paramref name="milestone"/>, or null when its current window ends no later than its baseline's.</summary>
    public static Slippage? Of(MilestoneView milestone)
    {
        if (milestone.BaselineDue is not { } baseline || FuzzyDate.TryParse(baseline).Window is not { } planned || milestone.Window.Latest <= planned.Latest)
        {
            return null;
        }

        var now = milestone.Window.Latest;
        int months = ((now.Year - planned.Latest.Year) * 12) + now.Month - planned.Latest.Month;
        return new Slippage(milestone, baseline, months);
    }

    /// <summary>
    /// How many months the slippage runs past the schedule tolerance the board agreed (<paramref name="toleranceMonths"/>),
    /// or null when it is within it or no tolerance is set. Exactly at the tolerance is within it; a month over is an
    /// exception (<see cref="ProjectRag"/> counts it as off track).
    /// </summary>
    public int? MonthsOver(int? toleranceMonths) => toleranceMonths is { } tolerance && Months > tolerance ? Months - tolerance : null;

    /// <summary>"slipped 2 months: baseline October 2022, now December 2022" (less than a month when both end in one month).</summary>
    public string Words() => $"slipped {MonthWords(Months)}: baseline {Baseline}, now {Milestone.Due}";

    /// <summary>"less than a month", "1 month", "3 months".</summary>
    public static string MonthWords(int months) => months switch
    {
        0 => "less than a month",
        1 => "1 month",
        _ => $"{months} months",
    };
}
