using FactFunctions.Programme;
using FactFunctions.Programme.Outcomes;
using FactFunctions.Reports.Papers;
using FactFunctions.Validation;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// Composes a verbal update's slides from a frozen programme: the same data the papers read, cut to what a slide holds
/// (a few short lines, each list saying how many more the paper has). Pure: the same request gives the same deck.
/// </summary>
public static class DeckComposer
{
    /// <summary>The most lines a list on a project's slide shows; more are counted in a last line.</summary>
    public const int MaxLines = 3;

    /// <summary>The most characters a line shows before it is cut (at a sentence's end when one is near, else with an ellipsis).</summary>
    public const int MaxLineLength = 150;

    /// <summary>The most characters of a project's aim and of the lead's words, each a paragraph of its own on the slide.</summary>
    public const int MaxWords = 240;

    /// <summary>The most actions the closing slide's table shows (each cut to <see cref="MaxActionText"/> characters, so five rows fit).</summary>
    public const int MaxActions = 5;

    public const int MaxActionText = 120;

    /// <summary>The lines a project slide's body holds at 20pt, of about <see cref="LineLength"/> characters: lists are shortened to fit.</summary>
    public const int BodyLines = 14;

    private const int LineLength = 80;

    public static Deck Compose(PaperRequest request, string audience)
    {
        var state = request.Snapshot.State;
        var text = state.Text ?? new ProgrammeText();
        string board = request.Board?.Name ?? PaperDefinitions.Get(request.Kind).Committee;
        var asOf = PaperComposer.AsOf(request);
        var subtitle = new List<string> { Cut($"Verbal update to the {board}, {PaperComposer.LongDate(request.MeetingDate)}") };
        if (!string.IsNullOrWhiteSpace(text.Author?.Name))
        {
            subtitle.Add(Cut($"Presented by {text.Author.Name}{(string.IsNullOrWhiteSpace(text.Author.Role) ? string.Empty : $", {text.Author.Role}")}"));
        }

        var updates = PaperComposer.UpdatesFor(request, audience);
        var changed = request.Changes?.Projects.Where(p => p.Kind == Snapshots.ChangeKinds.StatusChanged).Select(p => p.ProjectId).ToHashSet(StringComparer.Ordinal) ?? [];

        // A talk is about what is moving: projects in delivery, and any whose status changed since the last update.
        var slides = state.Projects
            .Where(p => ProjectStatus.InDelivery(p.Status) || changed.Contains(p.Id))
            .Select(p => ProjectSlide(request, p, updates[p.Id].ToList(), asOf))
            .ToList();

        var open = PaperComposer.Actions(request).Where(a => a.Action.Status == ActionStatus.Open).ToList();
        return new Deck(Cut(string.IsNullOrWhiteSpace(text.Title) ? "FACT programme" : text.Title), subtitle, slides, [.. open.Take(MaxActions)],
            Math.Max(0, open.Count - MaxActions), string.IsNullOrWhiteSpace(text.Author?.Name) ? null : Cut(text.Author.Name), asOf);
    }

    private static ProjectSlide ProjectSlide(PaperRequest request, ProjectView project, IReadOnlyList<UpdateView> updates, DateOnly asOf)
    {
        var state = request.Snapshot.State;
        var milestones = state.Milestones.Where(m => m.ProjectId == project.Id).ToList();
        var indicators = state.Indicators.Where(i => i.ProjectId == project.Id).OrderBy(i => i.Order ?? int.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();

        // What changed: the lead's words written since the board last heard (the last slides, else its previous meeting),
        // then what the data says changed since the board last saw the slides (or, at a first update, what was completed
        // since the board's previous meeting). Words older than that are not news, whatever the latest update is.
        DateOnly? heard = request.Changes is { } last ? Dates.LondonTime.DateOf(last.SinceTakenAt) : request.Board?.PreviousMeeting;
        var changes = new List<string>();
        if (updates.Where(u => heard is null || u.AsOf > heard).OrderByDescending(u => u.AsOf).SelectMany(u => u.Blocks ?? [])
            .FirstOrDefault(b => b.Type is BlockTypes.Paragraph or BlockTypes.Text && InlineText.Plain(b.Text).Length > 0) is { } first)
        {
            changes.Add(Cut(InlineText.Plain(first.Text), MaxWords));
        }

        string heading = request.Previous is { } paper ? $"Since the update of {PaperComposer.LongDate(paper.MeetingDate)}" : "Since the last update";
        if (request.Changes is { } diff)
        {
            var ids = indicators.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            changes.AddRange(diff.Projects.Where(c => c.ProjectId == project.Id).Select(c => c.Description)
                .Concat(diff.Milestones.Where(c => c.ProjectId == project.Id).Select(c => c.Description))
                .Concat(diff.IndicatorValues.Where(c => ids.Contains(c.IndicatorId)).Select(c => c.Description))
                .Select(line => Cut(line)));
        }
        else
        {
            var since = request.Board?.PreviousMeeting;
            heading = since is { } d ? $"Since the meeting of {PaperComposer.LongDate(d)}" : "Update";
            changes.AddRange(milestones
                .Where(m => m.Status == MilestoneStatus.Complete && m.Window.Latest <= asOf && (since is null || m.Window.Latest > since))
                .OrderBy(m => m.Window.Latest).ThenBy(m => m.Order)
                .Select(m => Cut($"Completed: {m.Activity} ({m.Due})")));
        }

        var figures = indicators
            .Select(i => (Indicator: i, Latest: (i.Values ?? []).OrderBy(v => v.Period, StringComparer.Ordinal).LastOrDefault()))
            .Where(x => x.Latest is not null)
            .Select(x => Cut($"{Name(x.Indicator, project)}: {IndicatorWording.Figure(x.Latest!)}{Unit(x.Indicator, x.Latest!)} ({x.Latest!.Period})"))
            .ToList();

        var next = milestones
            .Where(m => !MilestoneStatus.IsClosed(m.Status))
            .OrderBy(m => m.Window.Earliest).ThenBy(m => m.Order)
            .Select(m => Cut($"{m.Activity} ({(MilestoneStatus.IsOverdue(m.Status, m.Window, asOf) ? $"overdue, was due {m.Due}" : m.Due)})"))
            .ToList();

        // As many lines of each list as the slide holds: three each when they fit, fewer when the words are long.
        string? aim = string.IsNullOrWhiteSpace(project.Aim) ? null : Cut(project.Aim, MaxWords);
        var chart = indicators.FirstOrDefault(Word.IndicatorChart.Charted);
        for (int max = MaxLines; ; max--)
        {
            var slide = new ProjectSlide(
                Cut(project.Name ?? project.Id),
                aim,
                Lines(changes, "Nothing new recorded.", "more changes", max),
                Lines(figures, null, "more figures", max),
                Lines(next, "No open milestones.", "more milestones", max),
                chart)
            {
                ChangesHeading = heading,
            };
            if (max == 2 || BodyLinesOf(slide) <= BodyLines)
            {
                return slide;
            }
        }
    }

    /// <summary>About how many lines the slide's body takes: the aim, each list's heading and each item, wrapped at <see cref="LineLength"/>.</summary>
    private static int BodyLinesOf(ProjectSlide slide)
    {
        static int Wrapped(string text) => Math.Max(1, (text.Length + LineLength - 1) / LineLength);
        var lists = new List<IReadOnlyList<string>> { slide.Changes, slide.NextSteps };
        if (slide.Chart is null)
        {
            lists.Add(slide.Figures);
        }

        return (slide.Aim is { } aim ? Wrapped($"Aim: {aim}") : 0) + lists.Where(l => l.Count > 0).Sum(l => 1 + l.Sum(Wrapped));
    }

    /// <summary>At most <paramref name="max"/> lines (each already cut), the last saying how many more there are; <paramref name="whenEmpty"/> when none.</summary>
    private static IReadOnlyList<string> Lines(IReadOnlyList<string> lines, string? whenEmpty, string more, int max)
    {
        if (lines.Count == 0)
        {
            return whenEmpty is null ? [] : [whenEmpty];
        }

        return lines.Count <= max
            ? lines
            : [.. lines.Take(max - 1), $"And {lines.Count - max + 1} {more}."];
    }

    /// <summary>The indicator's name, after its category unless the category is the project the slide is about.</summary>
    private static string Name(IndicatorView indicator, ProjectView project) =>
        string.IsNullOrWhiteSpace(indicator.Category) || indicator.Category == project.Name ? indicator.Name ?? indicator.Id : $"{indicator.Category}: {indicator.Name}";

    private static string Unit(IndicatorView indicator, IndicatorValueView value) =>
        value.Value is not null && !string.IsNullOrWhiteSpace(indicator.Unit) && value.Rank is null ? $" {indicator.Unit}" : string.Empty;


    /// <summary>
    /// Text safe for XML, on one line, without the characters that reverse or embed the direction of what follows (a
    /// slide has no isolation to keep "exe.gpj" from showing as "jpg.exe"), cut to <paramref name="max"/> characters,
    /// never inside a letter and its accents or an emoji.
    /// </summary>
    public static string Cut(string? text, int max = MaxLineLength)
    {
        string clean = string.Join(' ', SafeText.Clean(text).Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        clean = string.Concat(clean.Where(c => c is not ((>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))));
        if (clean.Length <= max)
        {
            return clean;
        }

        // At the end of a sentence or clause when one ends far enough in, so the slide says a whole thought.
        int boundary = Math.Max(clean.LastIndexOf(". ", max - 1, StringComparison.Ordinal), clean.LastIndexOf("; ", max - 1, StringComparison.Ordinal));
        if (boundary >= max * 6 / 10)
        {
            return clean[..boundary] + ".";
        }

        return SafeText.Shorten(clean, max);
    }
}
