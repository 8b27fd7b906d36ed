namespace FactFunctions.Reports;

public sealed class PaperOptions
{
    public const string Section = "Fact:Reports";

    /// <summary>How far past the meeting the Key milestones table looks.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 60, ErrorMessage = "Fact:Reports:MilestoneLookAheadMonths must be between 1 and 60.")]
    public int MilestoneLookAheadMonths { get; set; } = 24;
}
