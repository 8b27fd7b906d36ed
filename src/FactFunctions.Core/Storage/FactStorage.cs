using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace FactFunctions.Storage;

/// <summary>The tables and blob containers of one FactFunctions deployment, named with its prefix and created on first use.</summary>
public sealed class FactStorage(TableServiceClient tableService, BlobServiceClient blobService, IOptions<FactStorageOptions> options)
{
    private readonly ConcurrentDictionary<string, TableClient> tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, BlobContainerClient> containers = new(StringComparer.Ordinal);
    private readonly string prefix = options.Value.Prefix ?? string.Empty;

    public TableServiceClient TableService => tableService;

    public BlobServiceClient BlobService => blobService;

    public string TableName(string kind) => prefix + kind;

    public string ContainerName(string kind) =>
        prefix.Length == 0 ? kind : $"{prefix.ToLowerInvariant()}-{kind}";

    public async ValueTask<TableClient> TableAsync(string kind, CancellationToken cancellationToken)
    {
        if (tables.TryGetValue(kind, out var ready))
        {
            return ready;
        }

        var client = tableService.GetTableClient(TableName(kind));
        await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return tables.GetOrAdd(kind, client);
    }

    public async ValueTask<BlobContainerClient> ContainerAsync(string kind, CancellationToken cancellationToken)
    {
        if (containers.TryGetValue(kind, out var ready))
        {
            return ready;
        }

        var client = blobService.GetBlobContainerClient(ContainerName(kind));
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return containers.GetOrAdd(kind, client);
    }

    /// <summary>
    /// Forgets which tables and containers exist, so the next use creates them again: for when storage was reset
    /// underneath a running host (an emulator restarted, an account recreated).
    /// </summary>
    public void ForgetCreated()
    {
        tables.Clear();
        containers.Clear();
    }

    // TableTransactionFailedException is a RequestFailedException, so batches are covered too.
    public static bool IsMissingTableOrContainer(Exception exception) =>
        exception is Azure.RequestFailedException { Status: 404, ErrorCode: "TableNotFound" or "ContainerNotFound" };

    /// <summary>One cheap round trip to each service, for health checks.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        await foreach (var _ in tableService.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            break;
        }

        await blobService.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Table names; one table per kind of record.</summary>
public static class Tables
{
    public const string Projects = "Projects";
    public const string Milestones = "Milestones";
    public const string Updates = "Updates";
    public const string Indicators = "Indicators";
    public const string IndicatorValues = "IndicatorValues";

    /// <summary>The boards' re-baseline decisions, one row each, by project (partition) and milestone.</summary>
    public const string Rebaselines = "Rebaselines";
}

/// <summary>Blob container names.</summary>
public static class Containers
{
    public const string Programme = "programme";
    public const string Reports = "reports";
    public const string Templates = "templates";
    public const string Outbox = "outbox";
    public const string Images = "images";
}
