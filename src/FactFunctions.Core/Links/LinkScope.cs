namespace FactFunctions.Links;

/// <summary>
/// What a signed link reads beyond its own path, covered by its signature: <see cref="EveryVersion"/> (drafts and
/// approved papers too, for links a page made for a key holder) and <see cref="Board"/> (only that board's papers and
/// meetings, for links made for a board's members). A key reads <see cref="Everything"/>.
/// </summary>
public sealed record LinkScope(bool EveryVersion, string? Board)
{
    /// <summary>A key holder's reach, and that of the links its pages make: every version of every board's papers.</summary>
    public static readonly LinkScope Everything = new(true, null);

    /// <summary>A link with nothing in its scope (from before boards were named): published papers of every board.</summary>
    public static readonly LinkScope Published = new(false, null);

    /// <summary>A board member's reach: what was published to <paramref name="board"/>.</summary>
    public static LinkScope Member(string board) => new(false, board);

    public bool Reaches(string? boardId) => Board is null || string.Equals(Board, boardId, StringComparison.Ordinal);
}
