namespace FactFunctions.Reports.Clearance;

/// <summary>
/// What changed between the version a clearer last saw and the one now sent: the programme's changes in words (from the
/// two versions' snapshots) and the sections they answer for whose words differ.
/// </summary>
public sealed record ClearanceChange(DateTimeOffset PreviousCreatedAt, IReadOnlyList<string> Programme, IReadOnlyList<string> Sections);
