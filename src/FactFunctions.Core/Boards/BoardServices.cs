using FactFunctions.Dates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactFunctions.Boards;

public static class BoardServices
{
    /// <summary>Boards and meetings, and the working-day calendar their deadlines are counted in.</summary>
    public static IServiceCollection AddFactBoards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateOnStart();
        services.AddSingleton(provider => new UkWorkingDays(provider.GetRequiredService<IOptions<CalendarOptions>>()));
        services.AddSingleton<ReminderCalendar>();
        services.AddSingleton<BoardStore>();
        services.AddSingleton<BoardHandlers>();
        return services;
    }
}
