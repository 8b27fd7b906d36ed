using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.Jobs;

public static class JobServices
{
    /// <summary>The timer jobs both hosts run on their schedules.</summary>
    public static IServiceCollection AddFactJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SnapshotOptions>().Bind(configuration.GetSection(SnapshotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DailySnapshotJob>();
        services.AddSingleton<IFactJob>(provider => provider.GetRequiredService<DailySnapshotJob>());
        services.AddSingleton<ReminderJob>();
        services.AddSingleton<IFactJob>(provider => provider.GetRequiredService<ReminderJob>());
        return services;
    }
}
