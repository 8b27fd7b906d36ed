namespace FactFunctions.Reports.Word;

/// <summary>An image part the paper adds, under <see cref="PartName"/> in the zip.</summary>
public sealed record PaperMedia(string Key, string RelationshipId, string PartName, string Extension, string ContentType, byte[] Content);
