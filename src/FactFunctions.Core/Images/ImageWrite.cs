namespace FactFunctions.Images;

public enum ImageWrite
{
    Created,

    /// <summary>The same bytes were already stored under the id.</summary>
    Unchanged,

    /// <summary>Other bytes are stored under the id: images are never replaced.</summary>
    Conflict,
}
