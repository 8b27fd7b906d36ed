using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactFunctions.Storage;

public static class StorageServices
{
    /// <summary>Storage: the connection options (validated on start) and the table and blob clients, with the retry policy every storage call shares.</summary>
    public static IServiceCollection AddFactStorage(this IServiceCollection services, IConfiguration configuration)
    {
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

        services.AddSingleton<FactStorage>();
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
