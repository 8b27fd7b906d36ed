using FactFunctions.Boards;
using FactFunctions.Email;
using FactFunctions.Http;
using FactFunctions.Images;
using FactFunctions.Jobs;
using FactFunctions.Links;
using FactFunctions.Programme;
using FactFunctions.Reminders;
using FactFunctions.Reports;
using FactFunctions.Snapshots;
using FactFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FactFunctions;

public static class FactCoreServiceCollectionExtensions
{
    /// <summary>Everything both hosts share, one feature at a time: options (validated on start), storage clients, stores, handlers and jobs.</summary>
    public static IServiceCollection AddFactCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddFactStorage(configuration)
            .AddFactLinks(configuration)
            .AddFactHttp(configuration)
            .AddFactImages(configuration)
            .AddFactBoards(configuration)
            .AddFactProgramme(configuration)
            .AddFactEmail(configuration)
            .AddFactSnapshots(configuration)
            .AddFactPapers(configuration)
            .AddFactReminders(configuration)
            .AddFactJobs(configuration);
    }
}
