using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports.Drafts;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>Every standing region a Word paper's draft writes is a section of the programme's text that an upload can put back.</summary>
public sealed class TextRegionsTests
{
    public static TheoryData<string> Kinds => [PaperKinds.SelectCommittee, PaperKinds.SchoolsForum, PaperKinds.Highlight];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_standing_region_of_a_draft_is_a_section_its_words_go_back_to(string kind)
    {
        var request = SamplePapers.Request(kind) with
        {
            Draft = new DraftSettings(StartFromPrevious: false, UpdatesSince: null),
            Board = kind == PaperKinds.Highlight ? new PaperBoard("fact-operational-board", "FACT Operational Board", null, null) : null,
        };
        var regions = PaperDefinitions.GetWord(kind).Compose(request).Package.Draft!.Regions
            .Where(r => !r.Id.StartsWith(DraftRegion.UpdatePrefix, StringComparison.Ordinal) && !r.Id.StartsWith(DraftRegion.NewUpdatePrefix, StringComparison.Ordinal)
                && !r.Id.StartsWith(DraftRegion.FreeSectionPrefix, StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(regions);
        foreach (var region in regions)
        {
            Assert.True(TextRegions.Contains(region.Id), $"{region.Id} is no section of the programme's text.");
            Block written = $"Words for {region.Id}.";
            var text = TextRegions.Set(new ProgrammeText(), region.Id, [written]);
            Assert.Equal([written], TextRegions.Get(text, region.Id));
            Assert.Contains(ProgrammeValidation.TextBlocks(text, "programme"), b => b.Field.StartsWith(TextRegions.Path(region.Id), StringComparison.Ordinal));
        }

        Assert.False(TextRegions.Contains("programme.title"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextRegions.Get(new ProgrammeText(), "programme.title"));
    }
}
