using DocumentFormat.OpenXml;
using FactFunctions.Programme;

namespace FactFunctions.Reports;

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
    public static ParagraphsField Of(IReadOnlyList<Block>? paragraphs, string? whenEmpty = "None.") => new(paragraphs ?? [], whenEmpty);

    public static ParagraphsField Lines(IEnumerable<string>? lines, string? whenEmpty = "None.") =>
        new((lines ?? []).Select(l => new Block { Text = l }).ToList(), whenEmpty);
}

/// <summary>A link: its text in the control's first run, inside a <c>w:hyperlink</c> to the relationship <see cref="RelationshipId"/>.</summary>
public sealed record LinkField(string Text, string RelationshipId) : TemplateField;

/// <summary>The control's content repeated once per item, each copy filled from that item's fields.</summary>
public sealed record RepeatField(IReadOnlyList<FieldSet> Items) : TemplateField;

/// <summary>Elements made in code (such as an indicator table whose columns depend on the data) put where the control was.</summary>
public sealed record ElementsField(IReadOnlyList<OpenXmlElement> Elements) : TemplateField;

/// <summary>Field values by tag; an item of a repeat falls back to the fields around it.</summary>
public sealed class FieldSet(FieldSet? outer = null)
{
    private readonly Dictionary<string, TemplateField> values = new(StringComparer.Ordinal);

    /// <summary>The paper's package additions, shared by every item of every repeat.</summary>
    public PaperPackage Package { get; } = outer?.Package ?? new PaperPackage();

    public TemplateField? this[string tag]
    {
        get => values.TryGetValue(tag, out var value) ? value : outer?[tag];
        set
        {
            if (value is null)
            {
                values.Remove(tag);
            }
            else
            {
                values[tag] = value;
            }
        }
    }

    public FieldSet Set(string tag, TemplateField value)
    {
        values[tag] = value;
        return this;
    }

    public FieldSet Text(string tag, string? text) => Set(tag, new TextField(text ?? string.Empty));

    public IEnumerable<string> Tags => outer is null ? values.Keys : values.Keys.Concat(outer.Tags);
}
