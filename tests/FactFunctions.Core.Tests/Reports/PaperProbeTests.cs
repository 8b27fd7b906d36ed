using FactFunctions.Reports;

namespace FactFunctions.Core.Tests.Reports;

public class PaperProbeTests
{
    [Fact]
    public void Writes_sample_papers_for_a_look()
    {
        string folder = Environment.GetEnvironmentVariable("FACT_PAPER_OUT") ?? Path.GetTempPath();
        File.WriteAllBytes(Path.Combine(folder, "select-committee.docx"), SamplePapers.Render(PaperKinds.SelectCommittee));
        File.WriteAllBytes(Path.Combine(folder, "schools-forum.docx"), SamplePapers.Render(PaperKinds.SchoolsForum));
    }
}
