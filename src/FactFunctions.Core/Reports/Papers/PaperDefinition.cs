namespace FactFunctions.Reports.Papers;

/// <summary>
/// One kind of paper, whole: its kind, the board it is for, which updates it prints, what it is made as (a Word paper,
/// <see cref="WordPaper"/>, or a slide deck), what its template must carry, its built-in template and how it is made
/// from a snapshot. Every kind is listed once in <see cref="PaperDefinitions.All"/>; adding a paper is one file and one line there.
/// </summary>
public abstract class PaperDefinition
{
    public abstract string Kind { get; }

    /// <summary>The board the paper is written for, as the paper names it.</summary>
    public abstract string Committee { get; }

    /// <summary>What people call the paper ("Children’s Select Committee paper", "FACT highlight report"): e-mails name it so.</summary>
    public virtual string Name => $"{Committee} paper";

    /// <summary>
    /// Whether the paper is written for one board of several that ask for this kind (the highlight report): generating
    /// it needs the board whose meeting it is for, and it reports since that board's previous report.
    /// </summary>
    public virtual bool ForOneBoard => false;

    /// <summary>
    /// Whether, when the board has had no paper of this kind before, "since the last report" is since its last paper of
    /// any kind (the verbal update's first slides tell what changed since the Forum's last paper).
    /// </summary>
    public virtual bool SinceAnyEarlierPaper => false;

    /// <summary>Whether a request may ask the paper to chart its indicators (<c>indicatorCharts</c>); no other paper takes the option.</summary>
    public virtual bool ChartsOnRequest => false;

    /// <summary>The update audience whose updates the paper prints (updates for "both" are printed too).</summary>
    public abstract string Audience { get; }

    /// <summary>What the paper is made as: its file's extension and media type, and what a template of it must be.</summary>
    public abstract PaperFormat Format { get; }

    /// <summary>What a template of this kind must contain: a Word paper's content-control tags, a deck's slide layout types.</summary>
    public abstract IReadOnlySet<string> RequiredTags { get; }

    /// <summary>The built-in template, made in code.</summary>
    public abstract byte[] BuildTemplate();

    /// <summary>The paper's bytes from a template (already inspected) and a frozen programme. Pure: the same request gives the same bytes.</summary>
    public abstract byte[] Render(byte[] template, PaperRequest request);
}
