using System.Net.Http.Json;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Snapshots;

namespace FactFunctions.Benchmarks;

/// <summary>The FACT sample's standing text with a generated body of projects, milestones and indicators.</summary>
internal static class Workloads
{
    public static readonly DateOnly Written = new(2022, 10, 14);
    public static readonly DateOnly Meeting = new(2022, 11, 8);

    private static readonly string[] Dues = ["October 2022", "October – December 2022", "January 2023", "January/February 2023", "Spring term 2023",
        "2023-03-15", "Q2 2023", "July 2024-September 2024"];

    /// <summary>The sample's fourth diagram, shown in the first project's update as the sample shows it in one of its own.</summary>
    private static readonly Block[] OutcomesFramework =
        [new Block { Type = BlockTypes.Image, ImageId = "fact-outcomes-framework", AltText = "The FACT outcomes framework" }];

    public static ProgrammeDocument Programme(int projects, int milestones, int indicators, int periods = 1)
    {
        var sample = SampleProgramme.Load();
        return sample with
        {
            // The sample's free section follows one of its own projects; these generated projects are others.
            // Its issues log and benefits name the sample's projects and indicators, which these replace.
            Programme = sample.Programme! with
            {
                FreeSections = sample.Programme.FreeSections?.Select(f => f with { After = null }).ToList(),
                IssueLog = null,
                Benefits = null,
            },
            Projects = Enumerable.Range(0, projects).Select(p => new ProjectDocument
            {
                Id = $"project-{p:00}",
                Name = $"Priority project {p + 1}",
                Status = "active",
                Order = p,
                Aim = "To enable children, young people and families to access the right help at the right time.",
                Updates = [new UpdateDocument { Id = "u1", AsOf = Written, Audience = Audience.Both, Blocks = [.. sample.Projects![0].Updates![0].Content
                    .Select(b => b with { Id = null }), .. p == 0 ? OutcomesFramework : []] }],
                Milestones = Enumerable.Range(0, milestones / projects + (p < milestones % projects ? 1 : 0)).Select(m => new MilestoneDocument
                {
                    Id = $"m{m:0000}",
                    Activity = $"Milestone {m + 1} of project {p + 1}: report presented to the Operational Board",
                    Due = Dues[(p + m) % Dues.Length],
                    Status = "planned",
                    Order = m,
                }).ToList(),
            }).ToList(),
            Indicators = Enumerable.Range(0, indicators).Select(i => new IndicatorDocument
            {
                Id = $"indicator-{i}",
                Name = i % 2 == 0 ? "Primary Schools" : "Secondary Schools",
                Category = i < indicators / 2 ? "Permanent exclusion" : "Fixed term exclusion (suspension)",
                Polarity = "lower-is-better",
                ProjectId = $"project-{i % projects:00}",
                Source = "DfE",
                Order = i,
                Values = Enumerable.Range(0, periods)
                    .Select(p => new IndicatorValueDocument { Period = $"{2020 - p}-{21 - p:00}", Rank = 10 + i + (2 * p), OutOf = 156, Band = "A" })
                    .Reverse().ToList(),
            }).ToList(),
            Boards = [],

            // The sample's meeting outcomes name its boards' meetings, which the workload leaves out.
            Outcomes = null,
        };
    }

    /// <summary>Imports a programme over HTTP after uploading the sample's diagrams, which its image blocks name.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, ProgrammeDocument document)
    {
        await FactFunctions.TestSupport.SampleImages.UploadAsync(client);
        return await client.PostAsJsonAsync("api/import", document, FactFunctions.Http.FactJson.Options);
    }

    public static PaperRequest Paper(ProgrammeDocument document) => new()
    {
        Images = SampleProgramme.StoredImages(),
        Kind = PaperKinds.SelectCommittee,
        MeetingDate = Meeting,
        LookAheadMonths = 36,
        Snapshot = new ProgrammeSnapshot
        {
            Header = new SnapshotHeader { Id = "bench", Kind = SnapshotKinds.OnDemand, AsOf = Written, Counts = new SnapshotCounts(0, 0, 0, 0, 0, 0) },
            State = ProgrammeState.FromDocument(document, Written),
        },
    };
}
