using FactFunctions.Programme.Outcomes;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// What a verbal update's slides say, before they are written into a template: the title slide, a slide per project
/// and the open actions. Composed by <see cref="DeckComposer"/>, written by <see cref="DeckWriter"/>.
/// </summary>
/// <param name="Title">The title slide's title (the programme's).</param>
/// <param name="Subtitle">The board, the meeting and the presenter, one per line.</param>
/// <param name="Projects">One slide each, in the programme's order.</param>
/// <param name="Actions">The open actions the closing slide lists, overdue first.</param>
/// <param name="MoreActions">How many more open actions there are than the slide has room for.</param>
/// <param name="Author">Who presents it (the programme's author), for the file's properties.</param>
/// <param name="Written">The date the deck speaks as of, for the file's properties.</param>
public sealed record Deck(string Title, IReadOnlyList<string> Subtitle, IReadOnlyList<ProjectSlide> Projects, IReadOnlyList<CarriedAction> Actions, int MoreActions,
    string? Author, DateOnly Written);
