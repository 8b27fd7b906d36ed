namespace FactFunctions.Reports.Clearance;

/// <summary>Why a clearance step did not happen.</summary>
public enum ClearanceFailure
{
    None,
    NotFound,

    /// <summary>No board the paper is for names clearers of its kind.</summary>
    NoClearers,

    /// <summary>The paper is past clearance (approved, published, superseded) or was returned (regenerate it).</summary>
    WrongStatus,

    /// <summary>This clearer already answered for this version: nothing changes.</summary>
    AlreadyAnswered,

    /// <summary>The token names a clearer this version was not sent to.</summary>
    UnknownClearer,

    /// <summary>The paper kept changing under concurrent answers.</summary>
    Busy,
}
