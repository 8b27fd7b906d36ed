using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using FactFunctions.Http;
using FactFunctions.Jobs;
using FactFunctions.Dates;
using FactFunctions.Programme;
using FactFunctions.Images;
using FactFunctions.Links;
using FactFunctions.Reminders;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using FactFunctions.Reports;
using FactFunctions.Snapshots;
using FactFunctions.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using FactFunctions.Boards;
using FactFunctions.Email;

namespace FactFunctions;

public static class FactCoreServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: options (validated on start), storage clients, stores and handlers.</summary>
    public static IServiceCollection AddFactCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IValidateOptions<UnresolvedSecrets.Check>, UnresolvedSecrets>();
        services.AddOptions<UnresolvedSecrets.Check>().ValidateOnStart();
        services.AddOptions<FactKeysOptions>().Bind(configuration.GetSection(FactKeysOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FactHttpOptions>().Bind(configuration.GetSection(FactHttpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FactStorageOptions>()
            .Configure(options =>
            {
                configuration.GetSection("Fact:Storage").Bind(options);
                var section = configuration.GetSection(FactStorageOptions.Section);
                if (!string.IsNullOrWhiteSpace(section.Value))
                {
                    options.ConnectionString = section.Value;
                }
                else
                {
                    section.Bind(options);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddAzureClients(clients =>
        {
            clients.UseCredential(_ => new DefaultAzureCredential());
            clients.AddClient<TableServiceClient, TableClientOptions>((clientOptions, credential, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<FactStorageOptions>>().Value;
                Configure(clientOptions, storage, provider);
                return storage.ConnectionString is { Length: > 0 } connection
                    ? new TableServiceClient(connection, clientOptions)
                    : new TableServiceClient(storage.TableServiceUri, credential, clientOptions);
            });
            clients.AddClient<BlobServiceClient, BlobClientOptions>((clientOptions, credential, provider) =>
            {
                var storage = provider.GetRequiredService<IOptions<FactStorageOptions>>().Value;
                Configure(clientOptions, storage, provider);
                return storage.ConnectionString is { Length: > 0 } connection
                    ? new BlobServiceClient(connection, clientOptions)
                    : new BlobServiceClient(storage.BlobServiceUri, credential, clientOptions);
            });
        });

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddSingleton<FactStorage>();
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicAddress>();
        services.AddSingleton<SignedLinks>();
        services.AddSingleton<CallerAuthorizer>();
        services.AddSingleton<RequestPipeline>();
        services.AddSingleton<JsonBody>();
        services.AddSingleton<HealthHandler>();

        services.AddSingleton<ProgrammeStore>();
        services.AddSingleton<ImportJournal>();
        services.AddSingleton<ProgrammeImporter>();
        services.AddSingleton<ProgrammeHandlers>();
        services.AddSingleton<Programme.Workbook.WorkbookHandlers>();
        services.AddSingleton<SampleProgramme>();

        services.AddOptions<SnapshotOptions>().Bind(configuration.GetSection(SnapshotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SnapshotStore>();
        services.AddSingleton<SnapshotHandlers>();
        services.AddSingleton<DailySnapshotJob>();
        services.AddSingleton<IFactJob>(provider => provider.GetRequiredService<DailySnapshotJob>());

        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<ImageHandlers>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<PublicationService>();
        services.AddSingleton<ReportHandlers>();

        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateOnStart();
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new UkWorkingDays(provider.GetRequiredService<IOptions<CalendarOptions>>()));
        services.AddSingleton<ReminderCalendar>();
        services.AddSingleton<BoardStore>();
        services.AddSingleton<ReminderLog>();
        services.AddSingleton<ReminderPlanner>();
        services.AddSingleton<EmailDelivery>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ReminderHandlers>();
        services.AddSingleton<ReminderJob>();
        services.AddSingleton<IFactJob>(provider => provider.GetRequiredService<ReminderJob>());
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<IOptions<SendGridOptions>>().Value.Enabled
            ? provider.GetRequiredService<SendGridEmailSender>()
            : provider.GetRequiredService<OutboxEmailSender>());
        services.AddHttpClient(SendGridEmailSender.HttpClientName)
            .AddResilienceHandler("sendgrid", (pipeline, context) =>
            {
                var sendGrid = context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value;
                // Retry outside, per-attempt timeout inside: 429 waits its Retry-After (capped), 5xx, 408, timeouts and
                // refused connections back off exponentially with jitter.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, sendGrid.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(sendGrid.RetryDelayMilliseconds),
                    MaxDelay = TimeSpan.FromSeconds(sendGrid.MaxRetryAfterSeconds),
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(sendGrid.MaxRetries > 0 && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(sendGrid.AttemptTimeoutSeconds));
            });
        return services;
    }

    private static void Configure(ClientOptions clientOptions, FactStorageOptions storage, IServiceProvider provider)
    {
        ConfigureRetry(clientOptions.Retry, storage);
        clientOptions.AddPolicy(new StorageWrites(), HttpPipelinePosition.PerRetry);

        // Policies registered in DI see every storage call: tests count calls and inject faults this way.
        foreach (var policy in provider.GetServices<StoragePipelinePolicy>())
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }
    }

    // A caller waits for a 503 rather than for minutes of retries: few, quick retries, bounded by a network timeout.
    private static void ConfigureRetry(RetryOptions retry, FactStorageOptions storage)
    {
        retry.MaxRetries = storage.MaxRetries;
        retry.Mode = RetryMode.Exponential;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(storage.NetworkTimeoutSeconds);
    }
}
