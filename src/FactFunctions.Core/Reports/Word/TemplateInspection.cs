namespace FactFunctions.Reports.Word;

/// <summary>What <see cref="TemplateInspector"/> found: the problems (none when the file is safe), and whether the refusal is for size.</summary>
public sealed record TemplateInspection(IReadOnlyList<string> Problems, bool TooLarge)
{
    public bool Safe => Problems.Count == 0;
}
