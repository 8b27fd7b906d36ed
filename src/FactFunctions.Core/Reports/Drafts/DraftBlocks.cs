using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FactFunctions.Programme;
using FactFunctions.Reports.Word;

namespace FactFunctions.Reports.Drafts;

/// <summary>A region's blocks as the upload compares them (a hash) and tells them to people ("3 paragraphs, 1 bulleted list, 1 image").</summary>
public static class DraftBlocks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Hash(IReadOnlyList<Block> blocks) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(blocks, Json)))[..32];

    public static string Hash(IEnumerable<DraftLine> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines.Select(l => l.Text)))))[..32];

    /// <summary>What the blocks hold, counted in words: "3 paragraphs, 1 bulleted list, 1 image"; "nothing" for none.</summary>
    public static string Words(IReadOnlyList<Block> blocks)
    {
        var counts = new (int Count, string One, string Many)[]
        {
            (blocks.Count(b => b.Type is BlockTypes.Paragraph or BlockTypes.Text), "paragraph", "paragraphs"),
            (blocks.Count(b => b.Type == BlockTypes.Subheading), "sub-heading", "sub-headings"),
            (blocks.Count(b => b.Type == BlockTypes.Bulleted), "bulleted list", "bulleted lists"),
            (blocks.Count(b => b.Type == BlockTypes.Lettered || (b.Type == BlockTypes.Paragraph && b.Items is { Count: > 0 })), "lettered list", "lettered lists"),
            (blocks.Count(b => b.Type == BlockTypes.Table), "table", "tables"),
            (blocks.Count(b => b.Type == BlockTypes.Image), "image", "images"),
        };
        var parts = counts.Where(c => c.Count > 0).Select(c => $"{c.Count} {(c.Count == 1 ? c.One : c.Many)}").ToList();
        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }
}
