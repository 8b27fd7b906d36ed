using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.Reminders;

public static class ReminderServices
{
    /// <summary>Deadline reminders, digests and the calendar feed.</summary>
    public static IServiceCollection AddFactReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ReminderHandlers>();
        return services;
    }
}
