using FactFunctions.Boards;
using FactFunctions.Reports.Papers;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// The verbal update's slides, as the Schools Forum has received the programme since 2023: a .pptx made from the same
/// data as the papers (<see cref="DeckComposer"/>), for the board whose meeting asks for it (<c>reportKind:
/// presentation</c>). It prints the updates written for the Schools Forum (and for both), and carries that board's open
/// actions. Its template is a deck whose Title Slide and Title and Content layouts it uses (<see cref="DeckLayouts"/>).
/// </summary>
public sealed class PresentationPaper : PaperDefinition
{
    public override string Kind => PaperKinds.Presentation;

    public override string Committee => "FACT board";

    public override string Name => "FACT verbal update slides";

    public override bool ForOneBoard => true;

    public override string Audience => Programme.Audience.SchoolsForum;

    public override PaperFormat Format => PaperFormat.Slides;

    public override bool SinceAnyEarlierPaper => true;

    public override IReadOnlySet<string> RequiredTags { get; } = new HashSet<string>(StringComparer.Ordinal) { DeckLayouts.TitleType, DeckLayouts.ContentType };

    public override byte[] BuildTemplate() => BuiltInDeck.Build();

    public override byte[] Render(byte[] template, PaperRequest request) => DeckWriter.Write(template, DeckComposer.Compose(request, Audience));
}
