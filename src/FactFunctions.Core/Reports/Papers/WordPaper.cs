using FactFunctions.Reports.Word;

namespace FactFunctions.Reports.Papers;

/// <summary>A paper made as a Word document: a template with content controls, filled with fields composed from a snapshot.</summary>
public abstract class WordPaper : PaperDefinition
{
    public sealed override PaperFormat Format => PaperFormat.Word;

    /// <summary>The paper's field values from a frozen programme. Pure: the same request gives the same fields.</summary>
    public abstract FieldSet Compose(PaperRequest request);

    public sealed override byte[] Render(byte[] template, PaperRequest request) => PaperRenderer.Render(template, Compose(request));
}
