using FactFunctions.Programme;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Snapshots;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>Papers rendered from the FACT sample without storage, as the seed paper was written: 14 October 2022, for 8 November.</summary>
internal static class SamplePapers
{
    public static readonly DateOnly Written = new(2022, 10, 14);
    public static readonly DateOnly Meeting = new(2022, 11, 8);

    public static ProgrammeSnapshot Snapshot(ProgrammeDocument? document = null) => new()
    {
        Header = new SnapshotHeader
        {
            Id = "sample",
            Kind = SnapshotKinds.OnDemand,
            TakenAt = new DateTimeOffset(2022, 10, 14, 9, 0, 0, TimeSpan.FromHours(1)),
            AsOf = Written,
            Counts = new SnapshotCounts(0, 0, 0, 0, 0, 0),
        },
        State = ProgrammeState.FromDocument(document ?? SampleProgramme.Load(), Written),
    };

    public static PaperRequest Request(string kind, ProgrammeDocument? document = null) => new()
    {
        Kind = kind,
        MeetingDate = Meeting,
        Snapshot = Snapshot(document),
        Images = SampleProgramme.StoredImages(),
    };

    /// <summary>Where a test's HTML says a paper's n-th image is.</summary>
    public static string ImageLink(int index) => $"/api/reports/sample/images/{index}";

    public static byte[] Render(string kind, ProgrammeDocument? document = null)
    {
        var request = Request(kind, document);
        return PaperDefinitions.Get(kind).Render(BuiltInTemplates.For(kind), request);
    }
}
