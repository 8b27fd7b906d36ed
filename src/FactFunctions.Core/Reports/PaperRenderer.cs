using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace FactFunctions.Reports;

/// <summary>
/// Renders a paper: a copy of the template with every content control filled and removed. Each template version is
/// taken apart once (<see cref="CompiledTemplate"/>) and kept, by the sha256 of its bytes, for the papers after it.
/// </summary>
public static class PaperRenderer
{
    /// <summary>Templates kept at once: the two built-in ones and a few uploaded versions are all a programme uses.</summary>
    public const int CachedTemplates = 16;

    /// <remarks>
    /// When full, the cache turns the next new entry away and evicts in the background; the default 5% of 16 entries
    /// rounds down to none, so a quarter (the least recently used) goes, and the template after is kept.
    /// </remarks>
    private static readonly MemoryCache Compiled = new(new MemoryCacheOptions { SizeLimit = CachedTemplates, CompactionPercentage = 0.25 });

    public static byte[] Render(byte[] template, FieldSet fields) => For(template).Render(fields);

    /// <summary>The compiled form of <paramref name="template"/>, compiling it on first use.</summary>
    public static CompiledTemplate For(byte[] template)
    {
        string key = Convert.ToHexString(SHA256.HashData(template));
        return Compiled.GetOrCreate(key, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return CompiledTemplate.Compile(template);
        })!;
    }
}
