using System.Globalization;

namespace FactFunctions.Programme;

/// <summary>
/// Which way an indicator is going: its latest figure against the one before. A series is of ranks when every period
/// has one (as the charts draw it), and a lower rank is always better; values are read by the indicator's polarity.
/// Told in a word and a symbol, never colour alone.
/// </summary>
public sealed record IndicatorTrend(string Kind, string? Words)
{
    public const string Improving = "improving";
    public const string Worsening = "worsening";
    public const string Steady = "steady";
    public const string NoTrend = "no-trend";

    public static IndicatorTrend Of(IndicatorView indicator)
    {
        var values = (indicator.Values ?? []).OrderBy(v => v.Period, StringComparer.Ordinal).ToList();
        bool ranks = values.Count > 0 && values.All(v => v.Rank is not null);
        var figures = values
            .Select(v => (v.Period, Figure: ranks ? v.Rank : v.Value, IsRank: ranks))
            .Where(v => v.Figure is not null)
            .ToList();
        if (figures.Count < 2)
        {
            return new IndicatorTrend(NoTrend, figures.Count == 1 ? $"one period so far ({Say(figures[0])})" : "no figures yet");
        }

        var (before, latest) = (figures[^2], figures[^1]);
        string change = $"{Say(before)} → {Say(latest)}";
        if (latest.Figure == before.Figure)
        {
            return new IndicatorTrend(Steady, $"► steady ({change})");
        }

        bool lowerIsBetter = ranks || indicator.Polarity != "higher-is-better";
        bool better = lowerIsBetter ? latest.Figure < before.Figure : latest.Figure > before.Figure;
        return better ? new IndicatorTrend(Improving, $"▲ improving ({change})") : new IndicatorTrend(Worsening, $"▼ worsening ({change})");
    }

    private static string Say((string? Period, decimal? Figure, bool IsRank) v) =>
        string.Create(CultureInfo.InvariantCulture, $"{(v.IsRank ? "rank " : string.Empty)}{v.Figure:0.##} in {v.Period}");
}
