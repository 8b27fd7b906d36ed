using FactFunctions.Email;

namespace FactFunctions.Reports.Publication;

public sealed record PublicationResult
{
    public required PaperMetadata Report { get; init; }

    /// <summary>The paper this publication replaced, when it replaced one.</summary>
    public string? Superseded { get; init; }

    /// <summary>One per board member: sent now, already sent by an earlier or concurrent call, or failed (resend to retry).</summary>
    public required IReadOnlyList<ReminderOutcome> Emails { get; init; }
}
