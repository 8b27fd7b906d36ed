namespace FactFunctions.Reports.Papers;

/// <summary>Every kind of paper, once. A lookup of an unknown kind throws: nothing falls back to another paper.</summary>
public static class PaperDefinitions
{
    public static readonly IReadOnlyList<PaperDefinition> All =
        [new SelectCommitteePaper(), new SchoolsForumPaper(), new HighlightPaper(), new Slides.PresentationPaper()];

    /// <summary>The kinds made as Word documents, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<WordPaper> Word = [.. All.OfType<WordPaper>()];

    private static readonly IReadOnlyDictionary<string, PaperDefinition> ByKind = All.ToDictionary(p => p.Kind, StringComparer.Ordinal);

    public static PaperDefinition Get(string kind) =>
        ByKind.TryGetValue(kind, out var paper)
            ? paper
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, $"Unknown paper kind; the kinds are {string.Join(", ", All.Select(p => p.Kind))}.");

    /// <summary>A kind made as a Word document; any other kind (a deck, an unknown kind) throws.</summary>
    public static WordPaper GetWord(string kind) =>
        Get(kind) as WordPaper ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, $"The {kind} paper is not made as a Word document.");
}
