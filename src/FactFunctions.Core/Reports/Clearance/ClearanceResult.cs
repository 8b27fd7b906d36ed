using FactFunctions.Email;

namespace FactFunctions.Reports.Clearance;

/// <summary>The answer to sending a paper for clearance: the paper as it now stands and one outcome per clearer's e-mail.</summary>
public sealed record ClearanceResult
{
    public required PaperMetadata Report { get; init; }

    public required IReadOnlyList<ReminderOutcome> Emails { get; init; }
}
