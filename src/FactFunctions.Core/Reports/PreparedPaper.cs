using FactFunctions.Reports.Papers;

namespace FactFunctions.Reports;

/// <summary>What a paper is made from, gathered (<see cref="PaperService"/>): its definition's request, the template in use, and the paper before it.</summary>
public sealed record PreparedPaper(PaperRequest Request, byte[] Template, TemplateInfo TemplateInfo, PaperMetadata? Previous);
