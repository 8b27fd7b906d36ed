using System.Text.Json.Nodes;
using FactFunctions.Http;
using FactFunctions.Links;
using FactFunctions.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FactFunctions.LocalHost;

/// <summary>
/// What the endpoint metadata alone does not say in the OpenAPI document: how to authenticate (a key in a header or
/// the query, or for pages and feeds a signed link), per operation; the query parameters each handler reads; and a
/// description of each tag.
/// </summary>
internal static class OpenApiOperations
{
    public const string HeaderKey = "functionKeyHeader";
    public const string QueryKey = "functionKeyQuery";
    public const string LinkSignature = "signedLinkSignature";
    public const string LinkExpiry = "signedLinkExpiry";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Operations"] = "Health and this document.",
        ["Programme data"] = "Projects, milestones, updates, indicators and the programme's standing text; import, export and the workbook.",
        ["Snapshots"] = "Frozen copies of the programme, and what changed between two of them.",
        ["Reports"] = "Papers: generate, approve, publish, download, read as HTML; the papers page; templates.",
        ["Boards and reminders"] = "Boards, their meetings and members, the calendar feed, deadline reminders and the sent-log.",
    };

    public static Task DocumentAsync(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // Relative to wherever the document was fetched from: the same document serves every host and address.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host that served this document." }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [HeaderKey] = ApiKey(ParameterLocation.Header, CallerAuthorizer.KeyHeader, "The programme lead's key (read and write) or an officer's key (read)."),
            [QueryKey] = ApiKey(ParameterLocation.Query, CallerAuthorizer.KeyQuery,
                "The same key as a query parameter, for clients that cannot set headers. Prefer the header: URLs end up in logs."),
            [LinkSignature] = ApiKey(ParameterLocation.Query, SignedLinks.SignatureParameter,
                "The signature of a signed link from an e-mail or a calendar (sent with its expiry); it opens only the path it was made for."),
            [LinkExpiry] = ApiKey(ParameterLocation.Query, SignedLinks.ExpiresParameter, "The expiry of a signed link, in Unix seconds, covered by its signature."),
        };
        document.Tags = new HashSet<OpenApiTag>(TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme ApiKey(ParameterLocation where, string name, string description) =>
        new() { Type = SecuritySchemeType.ApiKey, In = where, Name = name, Description = description };

    /// <summary>An enum for each string property marked <see cref="OneOfAttribute"/>, from the list validation checks.</summary>
    public static Task SchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(OneOfAttribute), inherit: true).FirstOrDefault() is OneOfAttribute oneOf)
        {
            var values = oneOf.Values.Select(v => (JsonNode?)JsonValue.Create(v)).ToList();
            if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            {
                values.Add(null);
            }

            schema.Enum = values!;
        }

        return Task.CompletedTask;
    }

    public static Task OperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        foreach (var parameter in metadata.OfType<QueryParameter>())
        {
            var schema = new OpenApiSchema
            {
                Type = parameter.Type switch
                {
                    "integer" => JsonSchemaType.Integer,
                    "boolean" => JsonSchemaType.Boolean,
                    "string" => JsonSchemaType.String,
                    _ => throw new ArgumentOutOfRangeException(nameof(context), parameter.Type, "Unknown query parameter type."),
                },
                Format = parameter.Format
            };
            if (parameter.Enum is { } values)
            {
                schema.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            }

            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = parameter.Description,
                Required = parameter.Required,
                Schema = schema,
            });
        }

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        var document = context.Document;
        OpenApiSecurityRequirement Requirement(params string[] schemes)
        {
            var requirement = new OpenApiSecurityRequirement();
            foreach (string scheme in schemes)
            {
                requirement[new OpenApiSecuritySchemeReference(scheme, document)] = [];
            }

            return requirement;
        }

        operation.Security = [Requirement(HeaderKey), Requirement(QueryKey)];
        if (metadata.OfType<SignedLinkAccess>().Any())
        {
            operation.Security.Add(Requirement(LinkSignature, LinkExpiry));
        }

        return Task.CompletedTask;
    }
}
