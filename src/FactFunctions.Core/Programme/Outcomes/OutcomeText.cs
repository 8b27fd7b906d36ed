namespace FactFunctions.Programme.Outcomes;

/// <summary>An outcome's blocks as plain lines (a paragraph's words, a list's items), for pages that quote a resolution.</summary>
public static class OutcomeText
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<Block>? blocks) =>
        [.. (blocks ?? []).Where(b => b is not null).SelectMany(b => new[] { b.Text }.Concat(b.Items ?? [])).Select(InlineText.Plain).Where(t => t.Length > 0)];
}
