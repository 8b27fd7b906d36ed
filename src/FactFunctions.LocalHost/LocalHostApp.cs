using FactFunctions.Api;
using FactFunctions.Http;

namespace FactFunctions.LocalHost;

/// <summary>
/// The embedded host: Kestrel serving the same routes and running the same timer jobs as the Azure Functions
/// app, over the same Core. Tests build it on a free port and drive it over real HTTP.
/// </summary>
public static class LocalHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>The OpenAPI document of every route, made from the endpoint metadata in <c>FactEndpoints</c>.</summary>
    public const string OpenApiRoute = $"{Routes.BasePath}/{Routes.OpenApi}";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The hosting diagnostics log each request's full URL, and a key may travel as ?code=: keep them out of the
        // logs whatever the configured level (logs carry ids, never keys).
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "FactFunctions";

                document.Info.Description = "The FACT programme's reporting and notification API. Send your key in the x-functions-key header " +
                    "(or ?code=): the programme lead's key reads and writes, an officer's key reads. Errors are RFC 9457 problem details.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer(OpenApiOperations.DocumentAsync);
            options.AddOperationTransformer(OpenApiRequestBodies.DescribeAsync);
            options.AddOperationTransformer(OpenApiOperations.OperationAsync);
            options.AddSchemaTransformer(OpenApiOperations.SchemaAsync);
        });
        builder.Services.AddFactCore(builder.Configuration);
        builder.Services.AddSingleton<FactFunctions.Links.IListeningAddress, ServerListeningAddress>();
        builder.Services.AddOptions<LocalHostOptions>().Bind(builder.Configuration.GetSection(LocalHostOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<SampleLoader>();
        builder.Services.AddHostedService<JobScheduler>();
        builder.Services.AddHostedService<LinkBanner>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapFactEndpoints();
        app.MapOpenApi(OpenApiRoute);
        return app;
    }
}
