using FactFunctions.Programme;
using T = FactFunctions.Reports.Papers.TemplateTags;

namespace FactFunctions.Reports.Drafts;

/// <summary>
/// Where each standing region of a draft lives in the programme's text, by the region's id (the template tag it fills):
/// how an upload's words are put back, and the JSON path its validation names. An id not listed is no standing region,
/// and asking for it throws.
/// </summary>
public static class TextRegions
{
    private sealed record Place(string Path, Func<ProgrammeText, IReadOnlyList<Block>?> Get, Func<ProgrammeText, IReadOnlyList<Block>?, ProgrammeText> Set);

    private static readonly Dictionary<string, Place> All = new(StringComparer.Ordinal)
    {
        [T.ExecutiveSummary] = new("programme.executiveSummary", t => t.ExecutiveSummary, (t, b) => t with { ExecutiveSummary = b }),
        [T.ReasonForProposal] = new("programme.reasonForProposal", t => t.ReasonForProposal, (t, b) => t with { ReasonForProposal = b }),
        [T.Purpose] = new("programme.purpose", t => t.Purpose, (t, b) => t with { Purpose = b }),
        [T.Background] = new("programme.background", t => t.Background, (t, b) => t with { Background = b }),
        [T.MainConsiderations] = new("programme.mainConsiderations", t => t.MainConsiderations, (t, b) => t with { MainConsiderations = b }),
        [T.Governance] = new("programme.governance", t => t.Governance, (t, b) => t with { Governance = b }),
        [T.DecisionsRequested] = new("programme.decisionsRequested", t => t.DecisionsRequested, (t, b) => t with { DecisionsRequested = b }),
        [T.Safeguarding] = new("programme.safeguarding", t => t.Safeguarding, (t, b) => t with { Safeguarding = b }),
        [T.PublicHealth] = new("programme.publicHealth", t => t.PublicHealth, (t, b) => t with { PublicHealth = b }),
        [T.Procurement] = new("programme.procurement", t => t.Procurement, (t, b) => t with { Procurement = b }),
        [T.Equalities] = new("programme.equalities", t => t.Equalities, (t, b) => t with { Equalities = b }),
        [T.Environmental] = new("programme.environmental", t => t.Environmental, (t, b) => t with { Environmental = b }),
        [T.Financial] = new("programme.financial", t => t.Financial, (t, b) => t with { Financial = b }),
        [T.Legal] = new("programme.legal", t => t.Legal, (t, b) => t with { Legal = b }),
        [T.Options] = new("programme.options", t => t.Options, (t, b) => t with { Options = b }),
        [T.Conclusion] = new("programme.conclusion", t => t.Conclusion, (t, b) => t with { Conclusion = b }),
        [T.Appendices] = new("programme.appendices", t => t.Appendices, (t, b) => t with { Appendices = b }),
        [T.ForumPurpose] = Forum("purpose", f => f.Purpose, (f, b) => f with { Purpose = b }),
        [T.ForumBackground] = Forum("background", f => f.Background, (f, b) => f with { Background = b }),
        [T.ForumUpdate] = Forum("update", f => f.Update, (f, b) => f with { Update = b }),
        [T.ForumPriorityProjects] = Forum("priorityProjects", f => f.PriorityProjects, (f, b) => f with { PriorityProjects = b }),
        [T.ForumNextSteps] = Forum("nextSteps", f => f.NextSteps, (f, b) => f with { NextSteps = b }),
    };

    public static bool Contains(string regionId) => All.ContainsKey(regionId);

    /// <summary>The region's blocks in <paramref name="text"/>.</summary>
    public static IReadOnlyList<Block>? Get(ProgrammeText text, string regionId) => Of(regionId).Get(text);

    /// <summary><paramref name="text"/> with the region's blocks replaced (null or none: the section is left out).</summary>
    public static ProgrammeText Set(ProgrammeText text, string regionId, IReadOnlyList<Block>? blocks) =>
        Of(regionId).Set(text, blocks is { Count: > 0 } ? blocks : null);

    /// <summary>The JSON path of the region's blocks in an import document ("programme.purpose").</summary>
    public static string Path(string regionId) => Of(regionId).Path;

    private static Place Of(string regionId) =>
        All.TryGetValue(regionId, out var place) ? place : throw new ArgumentOutOfRangeException(nameof(regionId), regionId, "No standing region has this id.");

    private static Place Forum(string name, Func<SchoolsForumText, IReadOnlyList<Block>?> get, Func<SchoolsForumText, IReadOnlyList<Block>?, SchoolsForumText> set) =>
        new($"programme.schoolsForum.{name}", t => t.SchoolsForum is { } f ? get(f) : null, (t, b) => t with { SchoolsForum = set(t.SchoolsForum ?? new SchoolsForumText(), b) });
}
