using FactFunctions.Api;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FactFunctions.LocalHost;

/// <summary>Adds the request body each route declares with <see cref="RequestBodyDescription"/> to its OpenAPI operation.</summary>
internal static class OpenApiRequestBodies
{
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDescription>().FirstOrDefault() is not { } body)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.Type, parameterDescription: null, cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = body.Required,
            Content = new[] { body.ContentType }.Concat(body.OtherContentTypes ?? []).ToDictionary(type => type, _ => new OpenApiMediaType { Schema = schema }),
        };
    }
}
