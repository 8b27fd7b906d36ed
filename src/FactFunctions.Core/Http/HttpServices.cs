using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactFunctions.Http;

public static class HttpServices
{
    /// <summary>Keys and HTTP options (validated on start), JSON as every route reads and writes it, the request pipeline and health.</summary>
    public static IServiceCollection AddFactHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<UnresolvedSecrets.Check>, UnresolvedSecrets>();
        services.AddOptions<UnresolvedSecrets.Check>().ValidateOnStart();
        services.AddOptions<FactKeysOptions>().Bind(configuration.GetSection(FactKeysOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FactHttpOptions>().Bind(configuration.GetSection(FactHttpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddSingleton<CallerAuthorizer>();
        services.AddSingleton<RequestPipeline>();
        services.AddSingleton<JsonBody>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<HostReadiness>();
        return services;
    }
}
