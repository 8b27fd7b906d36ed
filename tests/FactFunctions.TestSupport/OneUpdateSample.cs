using FactFunctions.Programme;

namespace FactFunctions.TestSupport;

/// <summary>
/// The October 2022 sample with one update only, on its first project, dated 14 October 2022 for both papers, and no
/// indicators or free sections: that project's update is then the whole of its section in either paper.
/// </summary>
public static class OneUpdateSample
{
    public static (ProgrammeDocument Document, string Project) With(IReadOnlyList<Block> blocks)
    {
        var sample = SampleProgramme.Load();
        var document = sample with
        {
            Programme = sample.Programme! with { FreeSections = null },
            Indicators = [],
            Projects =
            [
                .. sample.Projects!.Select((p, i) => p with
                {
                    Updates = i == 0 ? [new UpdateDocument { Id = "read-back", AsOf = new DateOnly(2022, 10, 14), Audience = Audience.Both, Blocks = blocks }] : [],
                }),
            ],
        };
        return (document, sample.Projects![0].Name!);
    }
}
