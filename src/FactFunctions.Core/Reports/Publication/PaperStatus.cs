namespace FactFunctions.Reports.Publication;

/// <summary>
/// A paper's life: generated as a <c>draft</c>; sent to its board's clearers (<c>in-clearance</c>), then <c>cleared</c> by all
/// or <c>returned</c> by any; <c>approved</c> by the programme lead; <c>published</c> as the meeting's paper of record (one
/// per meeting and kind); <c>superseded</c> when another is published in its place.
/// </summary>
public static class PaperStatus
{
    public const string Draft = "draft";
    public const string InClearance = "in-clearance";
    public const string Cleared = "cleared";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Published = "published";
    public const string Superseded = "superseded";

    public static readonly IReadOnlyList<string> All = [Draft, InClearance, Cleared, Returned, Approved, Published, Superseded];

    /// <summary>Before approval: what clearance and approval may still change.</summary>
    public static bool BeforeApproval(string status) => status is Draft or InClearance or Cleared or Returned;

    /// <summary>Whether clearers' answers are taken (and awaited): a returned version is done with; the lead sends a new one.</summary>
    public static bool TakesAnswers(string status) => status is InClearance or Cleared;

    /// <summary>
    /// Whether the paper was ever published (published, or superseded by a later version): what a signed link from an
    /// e-mail or a calendar may list and open. Drafts and approved papers are for callers with a key.
    /// </summary>
    public static bool WasPublished(string status) => status is Published or Superseded;

    /// <summary>How a person reads the status.</summary>
    public static string Label(string status) => status switch
    {
        Draft => "Draft",
        InClearance => "Sent for clearance",
        Cleared => "Cleared, not yet approved",
        Returned => "Returned by a clearer",
        Approved => "Approved, not yet published",
        Published => "Published",
        Superseded => "Superseded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown paper status."),
    };
}
