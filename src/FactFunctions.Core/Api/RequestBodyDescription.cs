namespace FactFunctions.Api;

/// <summary>
/// Describes a route's request body for the OpenAPI document. Not <c>Accepts</c>: that would make routing match on
/// Content-Type, and a wrong one must reach the handler to get its 415 problem, not fall through to a 404.
/// </summary>
public sealed record RequestBodyDescription(Type Type, string ContentType, bool Required = true, IReadOnlyList<string>? OtherContentTypes = null);
