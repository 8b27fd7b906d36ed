using FactFunctions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Api;

/// <summary>
/// One HTTP operation of the API: its methods, path, the role it needs, the Core handler that answers it and what the
/// OpenAPI document says of it. <see cref="FactRoutes.All"/> lists every one; LocalHost maps that list, the Azure
/// Functions app declares one <c>[Function]</c> per entry named <see cref="FunctionName"/>, and tests check both.
/// </summary>
public sealed record FactRoute
{
    /// <summary>The OpenAPI operationId; a content route's HEAD operation adds "Head".</summary>
    public required string OperationId { get; init; }

    /// <summary>GET, PUT, POST or DELETE; a content route (<see cref="ContentType"/>) answers HEAD as well as GET.</summary>
    public required string Method { get; init; }

    /// <summary>The path under <see cref="Routes.BasePath"/>, one of the <see cref="Routes"/> constants.</summary>
    public required string Path { get; init; }

    /// <summary>The least role that may call it; null for a route anyone may call (health).</summary>
    public required FactRole? Role { get; init; }

    public required string Summary { get; init; }

    /// <summary>The OpenAPI tag: the part of the API it belongs to (set by its section of <see cref="FactRoutes.All"/>).</summary>
    public string Tag { get; init; } = string.Empty;

    /// <summary>The lambda into the Core handler, with route values and the handler class as parameters.</summary>
    public required Delegate Handler { get; init; }

    /// <summary>The body and responses the OpenAPI document lists, after the tag.</summary>
    public required Func<RouteHandlerBuilder, RouteHandlerBuilder> Responses { get; init; }

    /// <summary>The query parameters the handler reads.</summary>
    public IReadOnlyList<QueryParameter> Query { get; init; } = [];

    /// <summary>Set for a route that serves a file or page rather than JSON: it answers GET and HEAD with this type.</summary>
    public string? ContentType { get; init; }

    /// <summary>Whether a signed link from an e-mail or calendar may open it (<see cref="Routes.SignedLinkRoutes"/>).</summary>
    public bool Signed => Routes.SignedLinkRoutes.Contains(Path);

    /// <summary>The methods it answers.</summary>
    public IReadOnlyList<string> Methods => ContentType is null ? [Method] : [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The name of its Azure function: the operationId with a capital letter.</summary>
    public string FunctionName => char.ToUpperInvariant(OperationId[0]) + OperationId[1..];
}
