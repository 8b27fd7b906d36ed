using FactFunctions.Programme;

namespace FactFunctions.Reports.Drafts;

/// <summary>
/// Where each standing region of a draft lives in the programme's text. A standing region is known by the template tag
/// it fills, which names its section (<see cref="TextSections"/>): "programme.purpose" is the text's <c>purpose</c>,
/// "schoolsForum.update" its <c>schoolsForum.update</c>. An id that names no section is no standing region, and asking
/// for it throws.
/// </summary>
public static class TextRegions
{
    private const string ProgrammePrefix = "programme.";

    public static bool Contains(string regionId) => TextSections.Contains(SectionPath(regionId));

    /// <summary>The region's blocks in <paramref name="text"/>.</summary>
    public static IReadOnlyList<Block>? Get(ProgrammeText text, string regionId) => TextSections.Get(SectionPath(regionId)).Get(text);

    /// <summary><paramref name="text"/> with the region's blocks replaced (null or none: the section is left out).</summary>
    public static ProgrammeText Set(ProgrammeText text, string regionId, IReadOnlyList<Block>? blocks) =>
        TextSections.Get(SectionPath(regionId)).Set(text, blocks is { Count: > 0 } ? blocks : null);

    /// <summary>The JSON path of the region's blocks in an import document ("programme.purpose").</summary>
    public static string Path(string regionId) => ProgrammePrefix + TextSections.Get(SectionPath(regionId)).Path;

    private static string SectionPath(string regionId) =>
        regionId.StartsWith(ProgrammePrefix, StringComparison.Ordinal) ? regionId[ProgrammePrefix.Length..] : regionId;
}
