namespace FactFunctions.Reports.Word;

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
