namespace FactFunctions.Programme;

/// <summary>
/// The programme text's sections of blocks, once: each by its JSON path under the text ("purpose",
/// "schoolsForum.update"), with how to read and replace it. Validation walks them (<see cref="ProgrammeValidation.TextBlocks"/>),
/// and a draft's standing regions are put back through them.
/// </summary>
public static class TextSections
{
    /// <summary>A section: its path under the programme's text, and how to read and replace its blocks.</summary>
    public sealed record Section(string Path, Func<ProgrammeText, IReadOnlyList<Block>?> Get, Func<ProgrammeText, IReadOnlyList<Block>?, ProgrammeText> Set);

    /// <summary>Every section of blocks in the text but the free sections (a list of their own), in the order validation reports them.</summary>
    public static readonly IReadOnlyList<Section> All =
    [
        new("executiveSummary", t => t.ExecutiveSummary, (t, b) => t with { ExecutiveSummary = b }),
        new("reasonForProposal", t => t.ReasonForProposal, (t, b) => t with { ReasonForProposal = b }),
        new("purpose", t => t.Purpose, (t, b) => t with { Purpose = b }),
        new("background", t => t.Background, (t, b) => t with { Background = b }),
        new("mainConsiderations", t => t.MainConsiderations, (t, b) => t with { MainConsiderations = b }),
        new("governance", t => t.Governance, (t, b) => t with { Governance = b }),
        new("safeguarding", t => t.Safeguarding, (t, b) => t with { Safeguarding = b }),
        new("publicHealth", t => t.PublicHealth, (t, b) => t with { PublicHealth = b }),
        new("procurement", t => t.Procurement, (t, b) => t with { Procurement = b }),
        new("equalities", t => t.Equalities, (t, b) => t with { Equalities = b }),
        new("environmental", t => t.Environmental, (t, b) => t with { Environmental = b }),
        new("financial", t => t.Financial, (t, b) => t with { Financial = b }),
        new("legal", t => t.Legal, (t, b) => t with { Legal = b }),
        new("options", t => t.Options, (t, b) => t with { Options = b }),
        new("conclusion", t => t.Conclusion, (t, b) => t with { Conclusion = b }),
        new("appendices", t => t.Appendices, (t, b) => t with { Appendices = b }),
        new("decisionsRequested", t => t.DecisionsRequested, (t, b) => t with { DecisionsRequested = b }),
        Forum("purpose", f => f.Purpose, (f, b) => f with { Purpose = b }),
        Forum("background", f => f.Background, (f, b) => f with { Background = b }),
        Forum("update", f => f.Update, (f, b) => f with { Update = b }),
        Forum("priorityProjects", f => f.PriorityProjects, (f, b) => f with { PriorityProjects = b }),
        Forum("nextSteps", f => f.NextSteps, (f, b) => f with { NextSteps = b }),
    ];

    private static readonly Dictionary<string, Section> ByPath = All.ToDictionary(s => s.Path, StringComparer.Ordinal);

    /// <summary>The section at <paramref name="path"/>; throws for a path no section has.</summary>
    public static Section Get(string path) =>
        ByPath.TryGetValue(path, out var section) ? section : throw new ArgumentOutOfRangeException(nameof(path), path, "No section of the programme's text has this path.");

    public static bool Contains(string path) => ByPath.ContainsKey(path);

    private static Section Forum(string name, Func<SchoolsForumText, IReadOnlyList<Block>?> get, Func<SchoolsForumText, IReadOnlyList<Block>?, SchoolsForumText> set) =>
        new($"schoolsForum.{name}", t => t.SchoolsForum is { } f ? get(f) : null, (t, b) => t with { SchoolsForum = set(t.SchoolsForum ?? new SchoolsForumText(), b) });
}
