namespace FactFunctions.Boards;

/// <summary>
/// The kinds of paper, by name: what a meeting may ask for and a request may name. Each is one definition in
/// <c>Reports/Papers</c>, in this order (a test holds them together; a lookup of any other kind throws).
/// </summary>
public static class PaperKinds
{
    public const string SelectCommittee = "select-committee";
    public const string SchoolsForum = "schools-forum";
    public const string Highlight = "highlight";

    /// <summary>The verbal update's slides: a .pptx deck, not a Word paper.</summary>
    public const string Presentation = "presentation";

    /// <summary>Every kind, in the order of <c>PaperDefinitions.All</c>.</summary>
    public static readonly IReadOnlyList<string> All = [SelectCommittee, SchoolsForum, Highlight, Presentation];
}
