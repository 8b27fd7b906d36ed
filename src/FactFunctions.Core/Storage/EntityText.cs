using Azure.Data.Tables;

namespace FactFunctions.Storage;

/// <summary>
/// Long text in table entities. A string property holds at most 64 KiB (32K UTF-16 characters), so longer text is
/// split across numbered properties (<c>Name</c>, <c>Name_1</c>, ...) and joined again on read.
/// </summary>
public static class EntityText
{
    public const int CharactersPerProperty = 32_000;

    public static void Set(TableEntity entity, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        int parts = Math.Max(1, (value.Length + CharactersPerProperty - 1) / CharactersPerProperty);
        for (int i = 0; i < parts; i++)
        {
            int start = i * CharactersPerProperty;
            entity[PartName(name, i)] = value.Substring(start, Math.Min(CharactersPerProperty, value.Length - start));
        }
    }

    public static string? Get(TableEntity entity, string name)
    {
        string? first = entity.GetString(name);
        if (first is null || !entity.ContainsKey(PartName(name, 1)))
        {
            return first;
        }

        var joined = new System.Text.StringBuilder(first);
        for (int i = 1; entity.GetString(PartName(name, i)) is { } part; i++)
        {
            joined.Append(part);
        }

        return joined.ToString();
    }

    public static DateOnly? GetDate(TableEntity entity, string name) =>
        entity.GetString(name) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date : null;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string PartName(string name, int index) => index == 0 ? name : $"{name}_{index}";
}
