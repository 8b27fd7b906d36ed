namespace FactFunctions.Images;

/// <summary>A stored diagram: its bytes, what they are, and their hash (an image never changes once stored).</summary>
public sealed record StoredImage(string Id, byte[] Content, ImageFile File, string Sha256);
