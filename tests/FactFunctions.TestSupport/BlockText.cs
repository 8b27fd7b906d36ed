using FactFunctions.Programme;

namespace FactFunctions.TestSupport;

/// <summary>Blocks as one line each, every field shown, so two lists compare as text and a failure shows where they differ.</summary>
public static class BlockText
{
    public static string Show(IEnumerable<Block> blocks) =>
        string.Join("\n", blocks.Select(b =>
            $"{b.Type} id={b.Id} text=[{b.Text}] items=[{string.Join(" | ", b.Items ?? [])}] " +
            $"rows=[{string.Join(" / ", (b.Rows ?? []).Select(r => string.Join(" | ", r)))}] image={b.ImageId} alt=[{b.AltText}] caption=[{b.Caption}]"));
}
