namespace FactFunctions.Reports;

/// <summary>The kinds of paper, by name: each is one definition in <see cref="Papers"/>.</summary>
public static class PaperKinds
{
    public const string SelectCommittee = "select-committee";
    public const string SchoolsForum = "schools-forum";
    public const string Highlight = "highlight";

    /// <summary>Every kind, in the order of <see cref="Papers.All"/>.</summary>
    public static readonly IReadOnlyList<string> All = Papers.All.Select(p => p.Kind).ToList();

    /// <summary>The board a kind of paper is written for; an unknown kind throws.</summary>
    public static string Committee(string kind) => Papers.Get(kind).Committee;
}
