using System.Text.RegularExpressions;

namespace FactFunctions.Validation;

/// <summary>Route ids are slugs; anything else is refused before storage is touched, so no id can reach a query.</summary>
public static partial class Ids
{
    public const string SlugPattern = "^[a-z0-9][a-z0-9-]{0,62}$";
    public const string PeriodPattern = "^[0-9]{4}-([0-9]{2}|Q[1-4])$";

    public static bool IsSlug(string? value) => value is not null && Slug().IsMatch(value);

    public static bool IsPeriod(string? value) => value is not null && Period().IsMatch(value);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    [GeneratedRegex(@"^[0-9]{4}-([0-9]{2}|Q[1-4])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Period();
}
