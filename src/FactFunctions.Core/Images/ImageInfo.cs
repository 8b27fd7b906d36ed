namespace FactFunctions.Images;

/// <summary>What was stored: the image's id, type and size in pixels.</summary>
public sealed record ImageInfo(string Id, string ContentType, int Width, int Height);
