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

    /// <summary>Other publications kept changing the meeting's record; nothing more was changed by this one.</summary>
    Busy,
}
