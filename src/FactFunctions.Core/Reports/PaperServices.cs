using FactFunctions.Reports.Publication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.Reports;

public static class PaperServices
{
    /// <summary>Papers: templates, generation, the paper store and publication.</summary>
    public static IServiceCollection AddFactPapers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaperOptions>().Bind(configuration.GetSection(PaperOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<PaperStore>();
        services.AddSingleton<PaperService>();
        services.AddSingleton<PublicationService>();
        services.AddSingleton<PaperAudience>();
        services.AddSingleton<PaperHandlers>();
        services.AddSingleton<Clearance.ClearanceService>();
        services.AddSingleton<Clearance.ClearanceToken>();
        services.AddSingleton<Clearance.ClearanceHandlers>();
        services.AddSingleton<Drafts.DraftService>();
        services.AddSingleton<Drafts.DraftHandlers>();
        return services;
    }
}
