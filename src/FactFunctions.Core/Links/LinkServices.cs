using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.Links;

public static class LinkServices
{
    /// <summary>Signed links and the public address they are made for.</summary>
    public static IServiceCollection AddFactLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<SignedLinks>();
        return services;
    }
}
