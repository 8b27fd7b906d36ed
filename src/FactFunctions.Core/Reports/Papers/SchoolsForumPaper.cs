using DocumentFormat.OpenXml;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports.Word;
using T = FactFunctions.Reports.Papers.TemplateTags;

namespace FactFunctions.Reports.Papers;

/// <summary>The Schools Forum paper, modelled on the 2020 seed: purpose, background, achievements, the update since the last report, priority projects, next steps.</summary>
public sealed class SchoolsForumPaper : WordPaper
{
    private static readonly int[] PriorityWidths = [2000, 2938, 1200, 2000, 1500];

    public override string Kind => PaperKinds.SchoolsForum;

    public override string Committee => "Schools Forum";

    public override string Audience => Programme.Audience.SchoolsForum;

    public override IReadOnlySet<string> RequiredTags { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        T.CommitteeName, T.MeetingDate, T.PreviousReport, T.AuthorName, T.AuthorRole, T.AuthorEmail, T.ReportDate,
        T.ForumPurpose, T.ForumBackground, T.Principles, T.KindnessAndCare, T.Achievements, T.ForumUpdate, T.ForumPriorityProjects, T.ForumNextSteps,
        T.PriorityProjects, T.PriorityName, T.PriorityAim, T.PriorityStatus, T.PriorityNextMilestone, T.PriorityNextDue,
        T.Projects, T.ProjectName, T.ProjectParagraphs,
    };

    public override byte[] BuildTemplate()
    {
        var b = new DocumentBuilder($"Template for the FACT paper to the {Committee}");
        const string S = DocumentBuilder.SectionStyle;
        const string Bullet = DocumentBuilder.BulletStyle;

        b.Add(BuiltInTemplates.Masthead(b));
        b.Add(
            b.Styled("Title", "FACT: Ambitious Transformation Through Partnership"),
            b.Styled(S, "Purpose of the report"),
            b.ParagraphsControl(T.ForumPurpose, "Normal", Bullet),
            b.Styled(S, "Background"),
            b.ParagraphsControl(T.ForumBackground, "Normal", Bullet),
            b.ParagraphsControl(T.Principles, Bullet),
            b.Styled("Normal", string.Empty),
            b.Plain("Kindness and care manifests in all the little things we do as part of our daily work with children and families. After " +
                "listening to vulnerable children and families and understanding how it feels to be supported by our partnership of services, we " +
                    "see that kindness and care means:"),
            b.ParagraphsControl(T.KindnessAndCare, Bullet),
            b.Styled(S, "Achievements to date"),
            b.Plain("Some examples of achievements to date for FACT projects:"),
            b.ParagraphsControl(T.Achievements, Bullet),
            b.Line(S, "Update since last report to Schools Forum in ", b.TextControl(T.PreviousReport)),
            b.ParagraphsControl(T.ForumUpdate, "Normal", Bullet),
            b.BlockControl(T.Projects,
                b.Line("Heading2", b.TextControl(T.ProjectName)),
                b.ParagraphsControl(T.ProjectParagraphs, "Normal", Bullet)),
            b.Styled(S, "Priority projects"),
            b.ParagraphsControl(T.ForumPriorityProjects, "Normal", Bullet),
            DocumentBuilder.Table(PriorityWidths, DocumentBuilder.HeaderRow(PriorityWidths, "Project", "Aim", "Status", "Next milestone", "Date"),
                b.RowControl(T.PriorityProjects, DocumentBuilder.Row(
                    DocumentBuilder.Cell(PriorityWidths[0], DocumentBuilder.CellLine(b.TextControl(T.PriorityName, bold: true))),
                    DocumentBuilder.Cell(PriorityWidths[1], DocumentBuilder.CellLine(b.TextControl(T.PriorityAim))),
                    DocumentBuilder.Cell(PriorityWidths[2], DocumentBuilder.CellLine(b.TextControl(T.PriorityStatus))),
                    DocumentBuilder.Cell(PriorityWidths[3], DocumentBuilder.CellLine(b.TextControl(T.PriorityNextMilestone))),
                    DocumentBuilder.Cell(PriorityWidths[4], DocumentBuilder.CellLine(b.TextControl(T.PriorityNextDue)))))),
            b.Styled(S, "Next steps and recommendation"),
            b.ParagraphsControl(T.ForumNextSteps, "Normal", Bullet),
            b.Plain("Schools Forum is asked to note the update."),
            b.Line("Normal", "Report author: ", b.TextControl(T.AuthorName), ", ", b.TextControl(T.AuthorRole), " (", b.TextControl(T.AuthorEmail), ")"),
            b.Line("Normal", "Date of report: ", b.TextControl(T.ReportDate)));

        return b.Save();
    }

    public override FieldSet Compose(PaperRequest request)
    {
        var state = request.Snapshot.State;
        var text = state.Text ?? new ProgrammeText();
        var forum = text.SchoolsForum ?? new SchoolsForumText();
        var fields = PaperComposer.Common(request, text.PreviousReports?.SchoolsForum);
        var writer = new BlockWriter(fields.Package, request.Images);
        var plain = new BlockPlace(Numbered: false, SubheadingLevel: 2);

        // Priority projects are the programme's projects that are not closed; their count and statuses come from the data.
        var priority = state.Projects.Where(p => p.Status != ProjectStatus.Closed).ToList();
        fields
            .Set(T.ForumPurpose, writer.RegionField(DraftRegion.Text(T.ForumPurpose, "Purpose", plain), forum.Purpose))
            .Set(T.ForumBackground, writer.RegionField(DraftRegion.Text(T.ForumBackground, "Background", plain), forum.Background))
            .Set(T.ForumUpdate, new ElementsField(
            [
                .. writer.Region(DraftRegion.Text(T.ForumUpdate, "Update", plain), forum.Update),
                .. ActionsSection.Elements(writer, PaperComposer.Actions(request), headingLevel: 2),
            ]))
            .Set(T.ForumPriorityProjects, new ElementsField(writer.IsDraft
                ? [.. writer.Locked(DraftLocks.Count, writer.Write([PriorityCount(priority)], plain)),
                    .. writer.Region(DraftRegion.Text(T.ForumPriorityProjects, "Priority projects", plain), forum.PriorityProjects)]
                : writer.Write([PriorityCount(priority), .. forum.PriorityProjects ?? []], plain)))
            .Set(T.ForumNextSteps, writer.IsDraft
                ? writer.RegionField(DraftRegion.Text(T.ForumNextSteps, "Next steps", plain), forum.NextSteps)
                : writer.Field(forum.NextSteps is { Count: > 0 } steps ? steps : ["None."], plain));

        var projectNames = state.Projects.ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
        var completed = state.Milestones
            .Where(m => m.Status == MilestoneStatus.Complete)
            .OrderBy(m => m.Window.Latest).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => $"{m.Activity} ({projectNames.GetValueOrDefault(m.ProjectId) ?? m.ProjectId}, {m.Due})");
        fields.Set(T.Achievements, ParagraphsField.Lines((text.Achievements ?? []).Concat(completed)));

        var updates = PaperComposer.UpdatesFor(request, Audience);
        var place = new BlockPlace(Numbered: false, SubheadingLevel: 3);
        fields.Set(T.Projects, new RepeatField(state.Projects
            .Where(p => updates[p.Id].Any() || (writer.IsDraft && ProjectStatus.InDelivery(p.Status)))
            .Select(p => new FieldSet(fields)
                .Text(T.ProjectName, p.Name)
                .Set(T.ProjectParagraphs, new ElementsField(PaperComposer.UpdateRegions(writer, request, p, [.. updates[p.Id]], place))))
            .ToList()));

        var (from, _) = PaperComposer.MilestoneWindow(request);
        var milestones = state.Milestones.ToLookup(m => m.ProjectId, StringComparer.Ordinal);
        fields.Set(T.PriorityProjects, new RepeatField(priority
            .Select(p =>
            {
                var next = milestones[p.Id]
                    .Where(m => !MilestoneStatus.IsClosed(m.Status) && m.Window.Latest >= from)
                    .OrderBy(m => m.Window.Earliest).ThenBy(m => m.Order)
                    .FirstOrDefault();
                return new FieldSet(fields)
                    .Text(T.PriorityName, p.Name)
                    .Text(T.PriorityAim, p.Aim)
                    .Text(T.PriorityStatus, PaperComposer.Capitalised(ProjectStatus.Words(p.Status)))
                    .Text(T.PriorityNextMilestone, next?.Activity ?? "No open milestone")
                    .Text(T.PriorityNextDue, next?.Due ?? "–");
            })
            .ToList()));
        return fields;
    }

    /// <summary>"The programme has 7 priority projects: 4 in delivery, 2 now business as usual and 1 paused." From the data.</summary>
    private static Block PriorityCount(IReadOnlyList<ProjectView> projects)
    {
        if (projects.Count == 0)
        {
            return "The programme has no priority projects at present.";
        }

        var groups = projects.GroupBy(p => p.Status).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {ProjectStatus.Words(g.Key)}").ToList();
        string parts = groups.Count == 1 ? groups[0] : $"{string.Join(", ", groups.Take(groups.Count - 1))} and {groups[^1]}";
        return $"The programme has {Count(projects.Count)} priority project{(projects.Count == 1 ? string.Empty : "s")}: {parts}.";
    }

    private static string Count(int n) => n switch
    {
        1 => "one",
        2 => "two",
        3 => "three",
        4 => "four",
        5 => "five",
        6 => "six",
        7 => "seven",
        8 => "eight",
        9 => "nine",
        10 => "ten",
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
