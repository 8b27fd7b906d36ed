using FactFunctions.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FactFunctions.Api;

/// <summary>
/// Maps the route table (<see cref="FactRoutes.All"/>) onto its Core handlers for an ASP.NET Core host (LocalHost),
/// with the request and response metadata the OpenAPI document is made from.
/// </summary>
public static class FactEndpoints
{
    public static RouteGroupBuilder MapFactEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Routes.BasePath);
        foreach (var route in FactRoutes.All)
        {
            if (route.ContentType is null)
            {
                Describe(api.MapMethods(route.Path, [route.Method], route.Handler), route, route.OperationId, route.Summary, withQuery: true);
                continue;
            }

            // HEAD is its own operation, so each keeps a unique operationId; the query parameters are described on GET.
            Describe(api.MapMethods(route.Path, [HttpMethods.Head], route.Handler), route, route.OperationId + "Head", route.Summary + " (headers only)", withQuery: false);
            Describe(api.MapMethods(route.Path, [HttpMethods.Get], route.Handler), route, route.OperationId, route.Summary, withQuery: true);
        }

        api.MapFallback(Problems.NoSuchRoute).ExcludeFromDescription();
        return api;
    }

    private static void Describe(RouteHandlerBuilder builder, FactRoute route, string operationId, string summary, bool withQuery)
    {
        if (route.Tag.Length == 0)
        {
            throw new InvalidOperationException($"The route {operationId} is in no section of the route table.");
        }

        builder.WithName(operationId).WithSummary(summary);
        if (withQuery && route.Query.Count > 0)
        {
            builder.WithMetadata([.. route.Query]);
        }

        route.Responses(builder.WithTags(route.Tag));
        if (route.Signed)
        {
            builder.WithMetadata(new SignedLinkAccess());
        }

        if (route.Role is null)
        {
            builder.AllowAnonymous();
        }
    }
}
