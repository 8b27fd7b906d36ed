using System.Text.RegularExpressions;

namespace FactFunctions.Validation;

/// <summary>Collects every field error of a request so the caller hears about all of them at once.</summary>
public sealed partial class ValidationErrors
{
    public const int MaxShortText = 500;
    public const int MaxLongText = 100_000;

    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public int Count => errors.Values.Sum(list => list.Count);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);

    public static string Field(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    public static string Item(string prefix, string name, int index) => $"{Field(prefix, name)}[{index}]";

    public void Required<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, "is required.");
        }
    }

    public void RequiredText(string field, string? value, int maxLength = MaxShortText)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "is required.");
            return;
        }

        Text(field, value, maxLength);
    }

    /// <summary>Text that will be printed in a Word paper: bounded, and free of characters XML cannot carry.</summary>
    public void Text(string field, string? value, int maxLength = MaxShortText)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            Add(field, $"is {value.Length} characters long; at most {maxLength} are allowed.");
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                Add(field, $"contains an unpaired surrogate (U+{(int)c:X4}) at position {i}.");
                return;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                Add(field, $"contains the control character U+{(int)c:X4} at position {i}; only tab and line breaks are allowed.");
                return;
            }
        }
    }

    public void TextList(string field, IReadOnlyList<string>? values, int maxItems = 200, int maxLength = MaxLongText)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > maxItems)
        {
            Add(field, $"has {values.Count} items; at most {maxItems} are allowed.");
        }

        for (int i = 0; i < values.Count; i++)
        {
            RequiredText($"{field}[{i}]", values[i], maxLength);
        }
    }

    public void OneOf(string field, string? value, IReadOnlyList<string> allowed, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"is required: one of {string.Join(", ", allowed)}.");
            }

            return;
        }

        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            Add(field, $"must be one of {string.Join(", ", allowed)}.");
        }
    }

    public void Slug(string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            Add(field, "is required.");
        }
        else if (!Ids.IsSlug(value))
        {
            Add(field, $"must be lower-case letters, digits and hyphens, starting with a letter or digit, at most 63 characters ({Ids.SlugPattern}).");
        }
    }

    /// <summary>
    /// One e-mail address, as the sender will parse it: MimeKit's strict parser must read the whole text as a single
    /// address (no display name, no list, no group), with nothing around it: no spaces or line breaks (so no trailing
    /// newline that a <c>$</c>-anchored pattern would let through), no control or bidi-format characters.
    /// </summary>
    public void Email(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, "is required.");
            }

            return;
        }

        if (value.Length > 254)
        {
            Add(field, $"is {value.Length} characters long; an e-mail address has at most 254.");
            return;
        }

        if (value.FirstOrDefault(c => char.IsWhiteSpace(c) || char.IsControl(c) || IsFormatCharacter(c)) is var bad && bad != default)
        {
            Add(field, $"contains U+{(int)bad:X4}; an e-mail address has no spaces, line breaks, control or direction characters.");
            return;
        }

        if (!MimeKit.MailboxAddress.TryParse(MimeKit.ParserOptions.Default, value, out var mailbox) || mailbox.Address != value ||
            !string.IsNullOrEmpty(mailbox.Name) || value.Contains(',', StringComparison.Ordinal) || !EmailShape().IsMatch(value))
        {
            Add(field, "is not a single e-mail address (name@example.org).");
        }
    }

    /// <summary>A name that goes into an e-mail header (To:) is one line: no line break or tab, which would break the header.</summary>
    public void SingleLine(string field, string? value)
    {
        if (value?.IndexOfAny(['\r', '\n', '\t']) is { } at && at >= 0)
        {
            Add(field, $"contains a line break or tab at position {at}; a name is one line.");
        }
    }

    /// <summary>A name printed in e-mails has no bidi-format characters that would reorder or hide what readers see.</summary>
    public void NoFormatCharacters(string field, string? value)
    {
        if (value?.FirstOrDefault(IsFormatCharacter) is { } format && format != default)
        {
            Add(field, $"contains the formatting character U+{(int)format:X4}, which can reorder or hide text; remove it.");
        }
    }

    /// <summary>Unicode format characters (bidi overrides and isolates, zero-width joiners, soft hyphens and the like).</summary>
    private static bool IsFormatCharacter(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;

    /// <summary>A date outside <see cref="Dates.InputDates"/>' range is an error naming the field.</summary>
    public void Date(string field, DateOnly? value)
    {
        if (value is { } date && !Dates.InputDates.InRange(date))
        {
            Add(field, $"{Dates.InputDates.Rule}; {date:yyyy-MM-dd} is outside it.");
        }
    }

    public void Range(string field, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"must be between {min} and {max}.");
        }
    }

    [GeneratedRegex(@"\A[^@\s<>"",;]+@[^@\s<>"",;]+\.[^@\s<>"",;]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();
}
