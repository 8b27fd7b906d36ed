using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.Snapshots;

public static class SnapshotServices
{
    /// <summary>Snapshots: take, list, compare.</summary>
    public static IServiceCollection AddFactSnapshots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<SnapshotHandlers>();
        return services;
    }
}
