using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace FactFunctions.Reports.Word;

/// <summary>
/// Renders a paper: a copy of the template with every content control filled and removed. Each template version is
/// taken apart once (<see cref="CompiledTemplate"/>) and kept, by the sha256 of its bytes, for the papers after it.
/// </summary>
public static class PaperRenderer
{
    /// <summary>
    /// The memory the compiled templates may hold at once, counted by <see cref="CompiledTemplate.ApproximateBytes"/>:
    /// the built-in templates take well under 1 MiB, and even a few uploads at the inspector's size limit fit.
    /// </summary>
    public const long CacheBytes = 96L * 1024 * 1024;

    /// <remarks>
    /// When full, the cache turns the next new entry away and evicts in the background: a quarter (the least recently
    /// used) goes, and the template after is kept.
    /// </remarks>
    private static readonly MemoryCache Compiled = new(new MemoryCacheOptions { SizeLimit = CacheBytes, CompactionPercentage = 0.25 });

    public static byte[] Render(byte[] template, FieldSet fields) => For(template).Render(fields);

    /// <summary>The compiled form of <paramref name="template"/>, compiling it on first use.</summary>
    public static CompiledTemplate For(byte[] template)
    {
        string key = Convert.ToHexString(SHA256.HashData(template));
        if (Compiled.TryGetValue(key, out CompiledTemplate? cached))
        {
            return cached!;
        }

        var compiled = CompiledTemplate.Compile(template);
        Compiled.Set(key, compiled, new MemoryCacheEntryOptions { Size = Math.Max(1, compiled.ApproximateBytes), SlidingExpiration = TimeSpan.FromHours(1) });
        return compiled;
    }
}
