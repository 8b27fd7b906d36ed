using FactFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

/// <summary>Health, the OpenAPI document (embedded in Core) and the problem+json 404 for any other path.</summary>
public sealed class ApiFunctions(HealthHandler health)
{
    [Function(nameof(GetHealth))]
    public Task<IResult> GetHealth([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) => health.Handle(request);

    [Function(nameof(OpenApi))]
    public IResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.OpenApi)] HttpRequest request) => OpenApiDocument.Serve();

    [Function(nameof(NoSuchRoute))]
    public IResult NoSuchRoute([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "delete", "patch", "head", "options",
        Route = Routes.Fallback)] HttpRequest request) => Problems.NoSuchRoute();
}
