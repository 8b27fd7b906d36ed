using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// The two layouts a deck's slides are made on, found in a template by their type (so a restyled template's own layouts,
/// whatever they are named, are used): the title slide's (<c>title</c>) and the content slides' (<c>obj</c>, Title and
/// Content), each with the placeholders a slide fills: a title and a body (the title slide's subtitle).
/// </summary>
public sealed record DeckLayouts(SlideLayoutPart Title, PlaceholderShape TitlePlace, PlaceholderShape SubtitlePlace,
    SlideLayoutPart Content, PlaceholderShape ContentTitlePlace, PlaceholderShape BodyPlace)
{
    /// <summary>The layout types a template must have, as <see cref="Papers.PaperDefinition.RequiredTags"/> names them.</summary>
    public const string TitleType = "title";

    public const string ContentType = "obj";

    /// <summary>The layouts, or what is missing, in words naming the layout.</summary>
    public static (DeckLayouts? Layouts, IReadOnlyList<string> Problems) Find(PresentationPart presentation)
    {
        var problems = new List<string>();
        var layouts = (presentation.SlideMasterParts ?? []).SelectMany(m => m.SlideLayoutParts ?? []).ToList();
        // Types are compared as written: reading an unknown value (type="bogus") as the SDK's enumeration would throw.
        var title = layouts.FirstOrDefault(l => l.SlideLayout?.Type?.InnerText == TitleType);
        var content = layouts.FirstOrDefault(l => l.SlideLayout?.Type?.InnerText == ContentType);
        PlaceholderShape? titlePlace = null, subtitlePlace = null, contentTitle = null, body = null;
        if (title is null)
        {
            problems.Add("The template has no Title Slide layout (a slide layout of type 'title'); keep or add one.");
        }
        else
        {
            titlePlace = Places(title).FirstOrDefault(IsTitle);
            subtitlePlace = Places(title).FirstOrDefault(p => p.Type?.InnerText == "subTitle") ?? Places(title).FirstOrDefault(IsBody);
            if (titlePlace is null || subtitlePlace is null)
            {
                problems.Add("The Title Slide layout needs a title placeholder and a subtitle placeholder.");
            }
        }

        if (content is null)
        {
            problems.Add("The template has no Title and Content layout (a slide layout of type 'obj'); keep or add one.");
        }
        else
        {
            contentTitle = Places(content).FirstOrDefault(IsTitle);
            body = Places(content).FirstOrDefault(IsBody);
            if (contentTitle is null || body is null)
            {
                problems.Add("The Title and Content layout needs a title placeholder and a content placeholder.");
            }
        }

        return problems.Count > 0 ? (null, problems) : (new DeckLayouts(title!, titlePlace!, subtitlePlace!, content!, contentTitle!, body!), problems);
    }

    private static IEnumerable<PlaceholderShape> Places(SlideLayoutPart layout) =>
        layout.SlideLayout?.CommonSlideData?.ShapeTree?.Descendants<PlaceholderShape>() ?? [];

    private static bool IsTitle(PlaceholderShape place) => place.Type?.InnerText is "title" or "ctrTitle";

    /// <summary>A text placeholder with a whole-number index: a body, or a content (<c>obj</c>, the default type) placeholder.</summary>
    private static bool IsBody(PlaceholderShape place) =>
        uint.TryParse(place.Index?.InnerText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) &&
        (place.Type is null || place.Type.InnerText is "body" or "obj");
}
