using System.Globalization;

namespace FactFunctions.Programme;

/// <summary>
/// A re-baseline a board agreed: the milestone's baseline moved from <see cref="Was"/> to <see cref="BaselineDue"/> by
/// the decision of <see cref="BoardName"/> at its meeting of <see cref="MeetingDate"/>, for <see cref="Reason"/>. A
/// baseline moves only so (<c>POST /api/projects/{p}/milestones/{m}/rebaseline</c>); the decisions are kept in order,
/// so the original baseline is always the first one's <see cref="Was"/>.
/// </summary>
public sealed record BaselineDecision
{
    public required string Was { get; init; }

    public required string BaselineDue { get; init; }

    public required string Board { get; init; }

    public string? BoardName { get; init; }

    public required DateOnly MeetingDate { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public string? RecordedBy { get; init; }

    /// <summary>"re-baselined by the FACT Operational Board on 10 January 2023: was October 2022".</summary>
    public string Words() =>
        $"re-baselined by the {BoardName ?? Board} on {MeetingDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: was {Was}";

    /// <summary>
    /// The one rule that keeps a baseline from moving silently: a write naming a baseline other than the stored one
    /// (<paramref name="stored"/>, null for a new milestone, which takes the one it names) is refused with this reason.
    /// The same dates written another way ("Mar 2023" for "March 2023") are the same baseline.
    /// </summary>
    public static string? Refusal(string? named, string? stored, string projectId, string milestoneId) =>
        named is null || stored is null || string.Equals(named.Trim(), stored.Trim(), StringComparison.Ordinal) ||
        (Dates.FuzzyDate.TryParse(named).Window is { } a && Dates.FuzzyDate.TryParse(stored).Window is { } b && a == b)
            ? null
            : $"would move the stored baseline ({stored}) to {named.Trim()}. A baseline moves only by a board's decision: " +
              $"POST /api/projects/{projectId}/milestones/{milestoneId}/rebaseline with the new baseline, the board, the meeting and the reason.";
}
