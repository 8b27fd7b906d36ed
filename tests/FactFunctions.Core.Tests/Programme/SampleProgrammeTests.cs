using FactFunctions.Dates;
using FactFunctions.Programme;

namespace FactFunctions.Core.Tests.Programme;

public class SampleProgrammeTests
{
    [Fact]
    public void The_shipped_sample_passes_import_validation()
    {
        var errors = ProgrammeImporter.Validate(SampleProgramme.Load());

        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
    }

    [Fact]
    public void The_sample_to_2025_passes_import_validation_and_keeps_everything_of_2022()
    {
        var sample = SampleProgramme.Load();
        var later = SampleProgramme.LoadTo2025();
        var errors = ProgrammeImporter.Validate(later);
        Assert.True(errors.IsEmpty, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

        // Every 2022 milestone and update is still there, in its place; the years since come after.
        foreach (var project in sample.Projects!)
        {
            var now = later.Projects!.Single(p => p.Id == project.Id);
            Assert.Equal(project.Milestones!.Select(m => m.Id), now.Milestones!.Take(project.Milestones!.Count).Select(m => m.Id));
            Assert.Equal(project.Updates!.Select(u => u.Id), now.Updates!.Take(project.Updates!.Count).Select(u => u.Id));
        }

        Assert.Equal(sample.Projects!.Select(p => p.Id), later.Projects!.Take(sample.Projects!.Count).Select(p => p.Id));
        Assert.Contains(later.Projects!, p => p.Id == "westbury-warminster-pilot" && p.Milestones!.Any(m => m.Due == "Spring 2023"));
        Assert.Equal(ProjectStatus.Closed, later.Projects!.Single(p => p.Id == "family-help").Status);

        // The minutes give no figures: every later value says it is illustrative.
        var added = later.Indicators!.Skip(sample.Indicators!.Count).ToList();
        Assert.NotEmpty(added);
        Assert.All(added.SelectMany(i => i.Values ?? []), v => Assert.Contains("Illustrative", v.Note, StringComparison.Ordinal));
    }

    // The Key milestones table of childrens-select-committee-report-2022-10.txt, row by row, as printed.
    public static TheoryData<string, string, string> SeedMilestones => new()
    {
        { "early-support-assessment", "Audit Report presented to the FACT Operational Board", "1 November 2022" },
        { "early-support-assessment", "Decision to formally transition the project to business as usual", "1 November 2022" },
        { "early-support-assessment", "ESA project evaluated and closed", "31 December 2022" },
        { "transitional-safeguarding", "Workshops gathering feedback", "October – December 2022" },
        { "transitional-safeguarding", "Report presented to the Operational Board", "January 2023" },
        { "transitional-safeguarding", "Report presented to the Executive Board", "January/February 2023" },
        { "transitional-safeguarding", "Decision on future activity", "February 2023" },
        { "family-help", "FACT/SVPP Workforce Development Lead selected", "October 2022" },
        { "family-help", "Consultation on Family Hubs model", "October 2022 – February 2023" },
        { "family-help", "Local stakeholder events begun in Westbury/Warminster", "October 2022" },
        { "family-help", "Evaluation partner confirmed", "October 2022" },
        { "family-help", "Migration of existing Family Help information to Wiltshire Together platform", "December 2022" },
        { "family-help", "Recruitment of additional resources", "December 2022" },
        { "family-help", "Formal pilot activity begins", "January 2023" },
        { "family-help", "Continual assessment and learning", "January 2023-August 2024" },
        { "family-help", "Formal evaluation concluded and decision on future rollout", "July 2024-September 2024" },
    };

    [Theory]
    [MemberData(nameof(SeedMilestones))]
    public void The_sample_holds_every_key_milestone_of_the_2022_paper_verbatim(string projectId, string activity, string due)
    {
        var project = Assert.Single(SampleProgramme.Load().Projects!, p => p.Id == projectId);

        var milestone = Assert.Single(project.Milestones!, m => m.Activity == activity);
        Assert.Equal(due, milestone.Due);
        Assert.True(FuzzyDate.TryParse(milestone.Due, out _));
    }

    [Fact]
    public void The_sample_has_exactly_the_sixteen_key_milestones_of_the_paper()
    {
        Assert.Equal(SeedMilestones.Count, SampleProgramme.Load().Projects!.Sum(p => p.Milestones!.Count));
    }

    [Fact]
    public void The_exclusions_indicators_carry_the_ranks_and_bands_of_the_paper()
    {
        var values = SampleProgramme.Load().Indicators!
            .Where(i => i.Values is not null)
            .SelectMany(i => i.Values!.Where(v => v.Period == "2020-21" && v.Rank is not null).Select(v => (i.Id, v.Rank, v.OutOf, v.Band)))
            .ToList();

        Assert.Contains(("permanent-exclusions-primary", (int?)10, (int?)156, "A"), values);
        Assert.Contains(("suspensions-primary", (int?)142, (int?)156, "D"), values);
        Assert.Contains(("suspensions-secondary", (int?)71, (int?)156, "B"), values);
    }
}
