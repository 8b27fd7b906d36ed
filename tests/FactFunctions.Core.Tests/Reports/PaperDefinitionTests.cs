using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using FactFunctions.Boards;
using FactFunctions.Reports;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Slides;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>Every paper definition, enumerated from <see cref="PaperDefinitions.All"/>: a new kind is tested by being listed.</summary>
public sealed class PaperDefinitionTests
{
    public static TheoryData<string> Kinds() => [.. PaperDefinitions.All.Select(p => p.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_definition_has_a_built_in_template_its_own_upload_check_accepts_and_composes_a_valid_paper(string kind)
    {
        var paper = PaperDefinitions.Get(kind);
        Assert.Equal(kind, paper.Kind);
        Assert.False(string.IsNullOrWhiteSpace(paper.Committee));
        Assert.NotEmpty(paper.RequiredTags);
        var validation = TemplateValidator.Validate(kind, BuiltInTemplates.For(kind));
        Assert.True(validation.Errors.IsEmpty, string.Join("; ", validation.Errors.ToDictionary().SelectMany(e => e.Value)));
        byte[] rendered = SamplePapers.Render(kind);
        if (!paper.Format.IsWord)
        {
            // A deck's template carries slide layouts, not content controls: the layout types its slides are made on.
            Assert.True(paper.RequiredTags.SetEquals([DeckLayouts.TitleType, DeckLayouts.ContentType]));
            PaperTests.AssertValidDeck(rendered);
            Assert.Contains(paper.Committee, string.Join("\n", FactFunctions.TestSupport.DeckAccessibility.SlideTexts(rendered)), StringComparison.Ordinal);
            return;
        }

        Assert.All(paper.RequiredTags, tag => Assert.Contains(tag, TemplateTags.Known));
        using var document = WordprocessingDocument.Open(new MemoryStream(rendered), false);
        Assert.Empty(new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document));
        Assert.Contains(paper.Committee, document.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public void Kinds_are_listed_once_and_every_lookup_of_an_unknown_kind_throws()
    {
        Assert.Equal(PaperDefinitions.All.Count, PaperDefinitions.All.Select(p => p.Kind).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(PaperDefinitions.All.Select(p => p.Kind), PaperKinds.All);

        const string unknown = "highlight-of-the-year";
        Assert.Throws<ArgumentOutOfRangeException>(() => PaperDefinitions.Get(unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => TemplateTags.Required(unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => BuiltInTemplates.For(unknown));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaperComposer.Compose(SamplePapers.Request(PaperKinds.SelectCommittee) with { Kind = unknown }));
    }
}
