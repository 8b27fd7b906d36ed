using System.ComponentModel.DataAnnotations;

namespace FactFunctions.Jobs;

public sealed class SnapshotOptions
{
    public const string Section = "Fact:Snapshots";

    /// <summary>London wall-clock time from which the day's snapshot is taken.</summary>
    public TimeOnly DailyAt { get; set; } = new(6, 0);

    /// <summary>
    /// How long an on-demand snapshot that no paper was made from is kept. Daily snapshots and any snapshot a paper
    /// names are kept for good; the latest snapshot is always kept.
    /// </summary>
    [Range(1, 3650, ErrorMessage = "Fact:Snapshots:OnDemandRetentionDays must be from 1 to 3650.")]
    public int OnDemandRetentionDays { get; set; } = 30;
}
