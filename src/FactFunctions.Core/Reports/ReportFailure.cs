namespace FactFunctions.Reports;

public enum ReportFailure
{
    None,
    UnknownSnapshot,

    /// <summary>No snapshot was named and an import is incomplete, so no snapshot can be taken now.</summary>
    ImportIncomplete,

    /// <summary>An image block of the snapshot names an image that is not stored.</summary>
    MissingImage,
}
