using FactFunctions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Azure host: ASP.NET Core integration so Core's handlers receive HttpRequest and return IResult,
// Application Insights worker telemetry, and the same AddFactCore registration LocalHost uses.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddFactCore(builder.Configuration);
builder.Build().Run();
