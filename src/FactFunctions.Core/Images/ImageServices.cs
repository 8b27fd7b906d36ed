using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.Images;

public static class ImageServices
{
    /// <summary>The diagrams image blocks show.</summary>
    public static IServiceCollection AddFactImages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ImageStore>();
        services.AddSingleton<ImageHandlers>();
        return services;
    }
}
