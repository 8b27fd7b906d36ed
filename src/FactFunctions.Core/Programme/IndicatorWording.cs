using System.Globalization;

namespace FactFunctions.Programme;

/// <summary>How papers, e-mails and change summaries say an indicator's figure.</summary>
public static class IndicatorWording
{
    /// <summary>A figure as a paper would say it: "ranked 10 of 156, band A", or the value.</summary>
    public static string Figure(IndicatorValueView v)
    {
        var parts = new List<string>();
        if (v.Value is { } value)
        {
            parts.Add(value.ToString(CultureInfo.InvariantCulture));
        }

        if (v.Rank is { } rank)
        {
            parts.Add(v.OutOf is { } outOf ? $"ranked {rank} of {outOf}" : $"ranked {rank}");
        }

        if (!string.IsNullOrEmpty(v.Band))
        {
            parts.Add($"band {v.Band}");
        }

        return parts.Count == 0 ? "no figure" : string.Join(", ", parts);
    }
}
