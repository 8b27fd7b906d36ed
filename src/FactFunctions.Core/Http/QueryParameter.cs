namespace FactFunctions.Http;

/// <summary>
/// A query parameter a route reads, for the OpenAPI document (handlers read the query themselves, so the framework
/// cannot see them). <see cref="Type"/> is an OpenAPI type (<c>string</c>, <c>integer</c>, <c>boolean</c>);
/// <see cref="Format"/> such as <c>date</c>; <see cref="Enum"/> the allowed values, from the same list the handler checks.
/// </summary>
public sealed record QueryParameter(string Name, string Type, string Description, string? Format = null, IReadOnlyList<string>? Enum = null, bool Required = false);
