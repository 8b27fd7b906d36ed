using FactFunctions;
using FactFunctions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The Azure host: ASP.NET Core integration so Core's handlers receive HttpRequest and return IResult,
// Application Insights worker telemetry, and the same AddFactCore registration LocalHost uses.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// Application Insights adds a filter that keeps only Warning and above from the worker; the app's own Information
// logs (papers generated, snapshots taken, reminders sent) must reach it, so that rule goes and host.json decides.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var defaultRule = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (defaultRule is not null)
    {
        options.Rules.Remove(defaultRule);
    }
});

// Kestrel in the worker refuses bodies over its own limit before the app sees them; keep it just above the app's.
builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
    options.Limits.MaxRequestBodySize = FactHttpOptions.MaxAllowedBodyBytes + (1024 * 1024));
builder.Services.AddFactCore(builder.Configuration);
builder.Build().Run();
