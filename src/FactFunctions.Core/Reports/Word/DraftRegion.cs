namespace FactFunctions.Reports.Word;

/// <summary>
/// A region of a draft whose words come from the narrative: a standing section of the programme's text, a free section,
/// or one project's update for the meeting. <see cref="Id"/> is its stable identity, written as the editable control's
/// tag and in the hidden marker paragraphs around it (<see cref="DraftMarks"/>); <see cref="Place"/> is how its blocks
/// are written and so how they are read back.
/// </summary>
public sealed record DraftRegion(string Id, string Title, BlockPlace Place, string Placeholder)
{
    public const string UpdatePrefix = "update.";
    public const string NewUpdatePrefix = "newUpdate.";
    public const string FreeSectionPrefix = "freeSection.";

    /// <summary>A standing section of the programme's text, known by its template tag ("programme.purpose").</summary>
    public static DraftRegion Text(string tag, string title, BlockPlace place) =>
        new(tag, title, place, $"Write the {Lower(title)} here.");

    /// <summary>The free section at <paramref name="index"/>, known by its id, or by its place in the list when it has none or shares it.</summary>
    public static DraftRegion Free(IReadOnlyList<Programme.FreeSection> sections, int index, BlockPlace place)
    {
        string key = KeyOf(sections, index);
        return new(FreeSectionPrefix + key, $"Section {key.TrimStart('#')}", place, "Write this section here.");
    }

    /// <summary>Where the free section a region names is in <paramref name="sections"/>; -1 when it is not there.</summary>
    public static int FreeSectionIndex(string regionId, IReadOnlyList<Programme.FreeSection> sections)
    {
        for (int i = 0; i < sections.Count; i++)
        {
            if (FreeSectionPrefix + KeyOf(sections, i) == regionId)
            {
                return i;
            }
        }

        return -1;
    }

    private static string KeyOf(IReadOnlyList<Programme.FreeSection> sections, int index) =>
        sections[index].Id is { } id && sections.Count(s => s.Id == id) == 1 ? id : $"#{index + 1}";

    /// <summary>An update already written for this meeting.</summary>
    public static DraftRegion Update(string projectId, string projectName, string updateId, DateOnly asOf, BlockPlace place) =>
        new($"{UpdatePrefix}{projectId}.{updateId}", $"{projectName}, update of {LongDate(asOf)}", place, $"Write the update on {projectName} here.");

    /// <summary>The update a project has not had yet for this meeting: written in the draft, stored as a new dated update.</summary>
    public static DraftRegion NewUpdate(string projectId, string projectName, string board, DateOnly meeting, BlockPlace place) =>
        new(NewUpdatePrefix + projectId, $"{projectName}, update for {LongDate(meeting)}", place, $"Write the update on {projectName} for the {board} of {LongDate(meeting)}");

    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string Lower(string title) => title.Length > 1 && char.IsUpper(title[0]) && !char.IsUpper(title[1]) ? char.ToLowerInvariant(title[0]) + title[1..] : title;
}
