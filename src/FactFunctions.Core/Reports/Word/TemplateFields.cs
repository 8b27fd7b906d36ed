using DocumentFormat.OpenXml;
using FactFunctions.Programme;

namespace FactFunctions.Reports.Word;

/// <summary>A value for one content control of a template.</summary>
public abstract record TemplateField;

/// <summary>Replaces the control's text, keeping the formatting of its first run.</summary>
public sealed record TextField(string Text) : TemplateField;

/// <summary>
/// One paragraph per entry, each a copy of the control's first paragraph; list items under an entry copy its second
/// paragraph. With no entries, <see cref="WhenEmpty"/> is printed (or nothing, when it is null).
/// </summary>
public sealed record ParagraphsField(IReadOnlyList<Block> Paragraphs, string? WhenEmpty = "None.") : TemplateField
{
    public static ParagraphsField Lines(IEnumerable<string>? lines, string? whenEmpty = "None.") =>
        new((lines ?? []).Select(l => new Block { Text = l }).ToList(), whenEmpty);
}

/// <summary>A link: its text in the control's first run, inside a <c>w:hyperlink</c> to the relationship <see cref="RelationshipId"/>.</summary>
public sealed record LinkField(string Text, string RelationshipId) : TemplateField;

/// <summary>The control's content repeated once per item, each copy filled from that item's fields.</summary>
public sealed record RepeatField(IReadOnlyList<FieldSet> Items) : TemplateField;

/// <summary>Elements made in code (such as an indicator table whose columns depend on the data) put where the control was.</summary>
public sealed record ElementsField(IReadOnlyList<OpenXmlElement> Elements) : TemplateField;
