namespace FactFunctions.Reports;

/// <summary>
/// What a kind of paper is made as: a Word document or a slide deck. The file's extension and media type, the words an
/// error uses for it, and the main part a template of it must have all come from here, so nothing assumes .docx.
/// </summary>
public sealed record PaperFormat(string Extension, string ContentType, string Description, IReadOnlySet<string> MainPartTypes, string SaveAs)
{
    public const string PresentationContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    public static readonly PaperFormat Word = new(
        "docx",
        FactFunctions.Reports.Word.DocxPackage.ContentType,
        "a .docx file",
        new HashSet<string>(StringComparer.Ordinal) { "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
        "save the template as a Word document (.docx), not a template (.dotx) or macro-enabled file");

    /// <summary>A deck: a presentation, or a PowerPoint template (.potx), whose main part is turned into a presentation's on upload.</summary>
    public static readonly PaperFormat Slides = new(
        "pptx",
        PresentationContentType,
        "a .pptx or .potx file",
        new HashSet<string>(StringComparer.Ordinal)
        {
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
        },
        "save the template as a PowerPoint presentation (.pptx) or template (.potx), not a macro-enabled file or slide show");

    public bool IsWord => this == Word;
}
