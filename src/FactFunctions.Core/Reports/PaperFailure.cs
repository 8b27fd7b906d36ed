namespace FactFunctions.Reports;

public enum PaperFailure
{
    None,
    UnknownSnapshot,

    /// <summary>No snapshot was named and an import is incomplete, so no snapshot can be taken now.</summary>
    ImportIncomplete,

    /// <summary>An image block of the snapshot names an image that is not stored.</summary>
    MissingImage,

    /// <summary>The paper is for one board's meeting, and no board (or more than one) meets that day asking for it.</summary>
    NoBoardMeeting,

    /// <summary>More than one board's meeting that day asks for the paper, and the request names none of them.</summary>
    AmbiguousBoard,
}
