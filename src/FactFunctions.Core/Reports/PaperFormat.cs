namespace FactFunctions.Reports;

/// <summary>
/// What a kind of paper is made as: a Word document or a slide deck. The file's extension and media type, the words an
/// error uses for it, and the main part a template of it must have all come from here, so nothing assumes .docx.
/// </summary>
/// <param name="Extension">The file's extension, without the dot.</param>
/// <param name="ContentType">The file's media type.</param>
/// <param name="Description">What an upload must be, as an error says it ("a .docx file").</param>
/// <param name="MainPartTypes">The content types a template's main part may have.</param>
/// <param name="SaveAs">How to save a template whose main part is of another type, as an error says it.</param>
/// <param name="DocumentName">What a download link calls the file ("a Word document").</param>
/// <param name="Items">What a paper of this format is, after the board's name ("paper", "verbal update slides").</param>
public sealed record PaperFormat(string Extension, string ContentType, string Description, IReadOnlySet<string> MainPartTypes, string SaveAs,
    string DocumentName, string Items)
{
    public const string PresentationContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    public static readonly PaperFormat Word = new(
        "docx",
        FactFunctions.Reports.Word.DocxPackage.ContentType,
        "a .docx file",
        new HashSet<string>(StringComparer.Ordinal) { "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml" },
        "save the template as a Word document (.docx), not a template (.dotx) or macro-enabled file",
        "a Word document",
        "paper");

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
        "save the template as a PowerPoint presentation (.pptx) or template (.potx), not a macro-enabled file or slide show",
        "a PowerPoint presentation",
        "verbal update slides");

    public bool IsWord => this == Word;
}
