using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.Reports;

public static class ReportServices
{
    /// <summary>Papers: templates, generation, the paper store and publication.</summary>
    public static IServiceCollection AddFactReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<PublicationService>();
        services.AddSingleton<ReportHandlers>();
        return services;
    }
}
