using DocumentFormat.OpenXml;

namespace FactFunctions.Reports.Word;

/// <summary>One region of an uploaded draft: its id (from its markers) and the paragraphs and tables between them.</summary>
public sealed record DraftSpan(string Id)
{
    public List<OpenXmlElement> Elements { get; } = [];
}
