using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FactFunctions.Programme;

public static class ProgrammeServices
{
    /// <summary>Projects, milestones, updates, indicators and the programme text; import, export, the workbook and the sample.</summary>
    public static IServiceCollection AddFactProgramme(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ProgrammeStore>();
        services.AddSingleton<ImportJournal>();
        services.AddSingleton<ProgrammeImporter>();
        services.AddSingleton<ProgrammeHandlers>();
        services.AddSingleton<RebaselineHandler>();
        services.AddSingleton<Outcomes.OutcomeStore>();
        services.AddSingleton<Outcomes.OutcomeHandlers>();
        services.AddSingleton<Workbook.WorkbookHandlers>();
        services.AddSingleton<SampleProgramme>();
        return services;
    }
}
