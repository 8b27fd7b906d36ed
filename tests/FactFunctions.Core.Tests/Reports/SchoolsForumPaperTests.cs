using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>The Schools Forum paper says what today's data says: nothing carried over from the 2020 paper's text.</summary>
public sealed class SchoolsForumPaperTests
{
    private static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<Paragraph>().Select(p => p.InnerText));
    }

    [Fact]
    public void The_paper_for_the_2022_meeting_says_nothing_stale()
    {
        string text = Text(SamplePapers.Render(PaperKinds.SchoolsForum));

        Assert.Contains("Update since last report to Schools Forum in 2020", text, StringComparison.Ordinal);
        Assert.Contains("The programme has seven priority projects: 4 in delivery, 2 now business as usual and 1 paused.", text, StringComparison.Ordinal);
        Assert.Contains("The formal Family Help pilot begins in Westbury and Warminster in January 2023", text, StringComparison.Ordinal);
        Assert.Contains("New service level agreements are in place for alternative educational provision", text, StringComparison.Ordinal);
        foreach (string stale in new[] { "June 2019", "early part of 2021", "six Priority Projects", "\nactive\n" })
        {
            Assert.DoesNotContain(stale, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_previous_paper_date_and_the_counts_follow_the_data()
    {
        var sample = SampleProgramme.Load();
        var closedTwo = sample with
        {
            Projects = sample.Projects!.Select((p, i) => i < 2 ? p with { Status = ProjectStatus.Closed } : p).ToList(),
        };
        var request = SamplePapers.Request(PaperKinds.SchoolsForum, closedTwo) with { Previous = new PreviousPaper(new DateOnly(2022, 3, 10), "earlier") };

        string text = Text(PaperRenderer.Render(BuiltInTemplates.For(PaperKinds.SchoolsForum), PaperComposer.Compose(request)));

        Assert.Contains("Update since last report to Schools Forum in March 2022", text, StringComparison.Ordinal);
        Assert.Contains("The programme has five priority projects: 2 in delivery, 2 now business as usual and 1 paused.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Statuses_are_words_people_use_and_an_unknown_status_throws()
    {
        Assert.Equal("now business as usual", ProjectStatus.Words(ProjectStatus.BusinessAsUsual));
        Assert.All(ProjectStatus.All, s => Assert.DoesNotContain("-", ProjectStatus.Words(s), StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProjectStatus.Words("on-hold"));
    }
}
