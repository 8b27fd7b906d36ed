using Microsoft.AspNetCore.Http;

namespace FactFunctions.Http;

/// <summary>
/// The OpenAPI document as LocalHost generates it from the endpoint metadata, committed as <c>Http/openapi.json</c> and
/// embedded, so the Functions app (which has no endpoint metadata to generate it from) serves the same document. A
/// test in the integration suite fails when the file and LocalHost's document differ, and rewrites the file when run
/// with <c>FACT_UPDATE_OPENAPI=1</c>.
/// </summary>
public static class OpenApiDocument
{
    public const string ResourceName = "FactFunctions.openapi.json";

    private static readonly Lazy<string> Embedded = new(() =>
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Json => Embedded.Value;

    /// <summary>Anonymous, like health: the document describes the API and holds no data.</summary>
    public static IResult Serve() => TypedResults.Text(Json, "application/json; charset=utf-8");
}
