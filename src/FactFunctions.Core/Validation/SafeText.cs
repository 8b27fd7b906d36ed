using System.Text;

namespace FactFunctions.Validation;

/// <summary>Text as XML 1.0 can carry it: anything it cannot (control characters, lone surrogates) becomes U+FFFD.</summary>
public static class SafeText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? builder = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && builder is null)
            {
                builder = new StringBuilder(text.Length).Append(text, 0, i);
            }

            builder?.Append(ok ? c : '\uFFFD');
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// <see cref="Clean"/> text cut to at most <paramref name="max"/> characters with an ellipsis, never inside a
    /// character: not between the halves of an emoji, nor between a letter and its accents.
    /// </summary>
    public static string Shorten(string? text, int max)
    {
        string clean = Clean(text);
        if (clean.Length <= max)
        {
            return clean;
        }

        int cut = System.Globalization.StringInfo.ParseCombiningCharacters(clean).Last(start => start <= max - 1);
        return clean[..cut].TrimEnd() + "…";
    }
}
