namespace FactFunctions.Reports.Publication;

public enum PublicationFailure
{
    None,
    NotFound,

    /// <summary>Only an approved paper can be published.</summary>
    NotApproved,

    /// <summary>A published paper cannot be approved again, nor a superseded one published.</summary>
    WrongStatus,

    /// <summary>Another paper is the meeting's published paper; replacing it needs a reason.</summary>
    ReasonRequired,

    /// <summary>
    /// No board meets that day asking for the paper, and none is of its kind (its meeting was deleted after it was
    /// generated): publishing it would tell nobody, so it is not published.
    /// </summary>
    NoBoardToTell,

    /// <summary>A clearer of the paper has not cleared it, and the lead gave no reason to approve it without them.</summary>
    NotCleared,

    /// <summary>The paper's publication deadline has passed and no reason was given for the late item.</summary>
    LateReasonRequired,

    /// <summary>Other publications kept changing the meeting's record; nothing more was changed by this one.</summary>
    Busy,
}
