using System.Reflection;

namespace FactFunctions.Validation;

/// <summary>
/// Names the list of values a string property takes (the type's static <c>All</c>, the list validation checks), so
/// the OpenAPI document can give the property an enum from the same rule.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true)]
public sealed class OneOfAttribute(Type values) : Attribute
{
    public IReadOnlyList<string> Values { get; } =
        values.GetField("All", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IReadOnlyList<string>
        ?? throw new ArgumentException($"{values.Name} has no public static All list of strings.", nameof(values));
}
