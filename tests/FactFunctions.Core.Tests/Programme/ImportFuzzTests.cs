using CsCheck;
using FactFunctions.Boards;
using FactFunctions.Core.Tests.Reports;
using FactFunctions.Programme;

namespace FactFunctions.Core.Tests.Programme;

/// <summary>Random import documents, valid and not: validation never throws, and whatever it accepts renders valid papers.</summary>
public class ImportFuzzTests
{
    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Const(string.Empty),
        Gen.OneOf(Gen.Const("Family Help"), Gen.Const("نص عربي"), Gen.Const("emoji 🎉"),
            Gen.Const("<w:t>x</w:t>"), Gen.Const("{{x}}"), Gen.Const("a\u0001b"), Gen.Const("\uD800")));

    private static readonly Gen<string> Id = Gen.OneOf(Gen.Const("family-help"), Gen.Const("esa"), Gen.Const("Bad Id"), Gen.Const("x"), Gen.String);

    private static readonly Gen<string> Due = Gen.OneOf(
        Gen.Const("October – December 2022"), Gen.Const("January 2023-August 2024"), Gen.Const("Spring term 2024"),
        Gen.Const("2022/23"), Gen.Const("whenever"), Gen.Const("December 2022 – October 2022"), Gen.String);

    private static readonly Gen<string?> Status = Gen.OneOf(Gen.Const<string?>("planned"), Gen.Const<string?>("at-risk"), Gen
        .Const<string?>("complete"), Gen.Const((string?)null), Gen.Const<string?>("done"));

    private static readonly Gen<MilestoneDocument> Milestone =
        Gen.Select(Id, Text, Due, Status, Gen.Int[-2, 20], (id, activity, due, status, order) =>
            new MilestoneDocument { Id = id, Activity = activity, Due = due, Status = status, Order = order });

    private static readonly Gen<UpdateDocument> Update =
        Gen.Select(Text.Array[0, 3], Gen.OneOf(Gen.Const<string?>("both"), Gen.Const<string?>("select-committee"), Gen.Const<string?>("nobody")), Gen.Int[0, 2000],
            (paragraphs, audience, day) => new UpdateDocument
            {
                AsOf = new DateOnly(2021, 1, 1).AddDays(day),
                Audience = audience,
                Paragraphs = paragraphs.Select(p => new FactFunctions.Programme.Block { Text = p }).ToList(),
            });

    private static readonly Gen<ProjectDocument> Project =
        Gen.Select(Id, Text, Gen.OneOf(Gen.Const<string?>("active"), Gen.Const<string?>("paused"), Gen.Const<string?>("nope")), Milestone.Array[0, 6], Update.Array[0, 2],
            (id, name, status, milestones, updates) => new ProjectDocument { Id = id, Name = name, Status = status, Milestones = milestones, Updates = updates });

    private static readonly Gen<ProgrammeDocument> Document =
        Gen.Select(Project.Array[0, 4], Text, Gen.Bool, (projects, title, withText) => SampleProgramme.Load() with
        {
            Programme = withText ? SampleProgramme.Load().Programme! with { Title = title } : null,
            Projects = projects,
            Indicators = [],
            Boards = [],
        });

    [Fact]
    public void Validation_never_throws_and_accepted_documents_render_valid_papers()
    {
        int accepted = 0;
        Document.Sample(document =>
        {
            var errors = ProgrammeImporter.Validate(document);
            if (!errors.IsEmpty)
            {
                return;
            }

            accepted++;
            foreach (string kind in PaperKinds.All)
            {
                PaperTests.AssertValid(SamplePapers.Render(kind, document));
            }
        }, iter: 300, threads: 1);

        Assert.True(accepted > 0, "the generator never produced a valid document, so nothing was rendered");
    }
}
