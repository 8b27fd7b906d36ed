namespace FactFunctions.Reports.Word;

/// <summary>A chart part the paper adds, under <see cref="PartName"/> in the zip (content type <see cref="PaperPackage.ChartContentType"/>).</summary>
public sealed record PaperChart(string RelationshipId, string PartName, byte[] Content);
