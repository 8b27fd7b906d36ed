using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using FactFunctions.Storage;

namespace FactFunctions.Reports;

/// <summary>The template in use for each paper: the built-in one, or the latest upload. Every upload is kept as a version.</summary>
public sealed class TemplateStore(FactStorage storage, TimeProvider time)
{
    public const string TemplatesTable = "Templates";
    public const int MaxUploadBytes = 10 * 1024 * 1024;
    private const string Current = "current";

    public async Task<(byte[] Bytes, TemplateInfo Info)> CurrentAsync(string kind, CancellationToken ct)
    {
        var table = await storage.TableAsync(TemplatesTable, ct);
        var current = await table.GetEntityIfExistsAsync<TableEntity>(kind, Current, cancellationToken: ct);
        string? version = current.HasValue ? current.Value!.GetString("Version") : null;
        if (version is null)
        {
            byte[] builtIn = BuiltInTemplates.For(kind);
            return (builtIn, new TemplateInfo(kind, BuiltInTemplates.Version(kind), true, builtIn.Length, Sha256(builtIn), null));
        }

        var container = await storage.ContainerAsync(Containers.Templates, ct);
        var download = await container.GetBlobClient(BlobName(kind, version)).DownloadContentAsync(ct);
        byte[] bytes = download.Value.Content.ToArray();
        return (bytes, new TemplateInfo(kind, version, false, bytes.Length, Sha256(bytes), current.Value!.GetDateTimeOffset("UploadedAt")));
    }

    /// <summary>Stores an already validated template as the next version and makes it current.</summary>
    public async Task<TemplateInfo> UploadAsync(string kind, byte[] template, CancellationToken ct)
    {
        var table = await storage.TableAsync(TemplatesTable, ct);
        var container = await storage.ContainerAsync(Containers.Templates, ct);
        var now = time.GetUtcNow();
        string sha = Sha256(template);
        for (int attempt = 0; ; attempt++)
        {
            int versions = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey ne {Current}"),
                select: ["RowKey"], cancellationToken: ct))
            {
                versions++;
            }

            string version = $"v{(versions + 1).ToString("D4", CultureInfo.InvariantCulture)}";
            try
            {
                // Claim the version number first, so two uploads at once cannot take the same one.
                await table.AddEntityAsync(new TableEntity(kind, version) { ["UploadedAt"] = now, ["Sha256"] = sha, ["Size"] = template.LongLength }, ct);
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < 5)
            {
                continue;
            }

            await container.GetBlobClient(BlobName(kind, version)).UploadAsync(
                new BinaryData(template),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = Papers.PaperDefinitions.Get(kind).Format.ContentType } },
                ct);
            await table.UpsertEntityAsync(new TableEntity(kind, Current) { ["Version"] = version, ["UploadedAt"] = now }, TableUpdateMode.Replace, ct);
            return new TemplateInfo(kind, version, false, template.LongLength, sha, now);
        }
    }

    /// <summary>Goes back to the built-in template; uploaded versions are kept.</summary>
    public async Task RevertAsync(string kind, CancellationToken ct)
    {
        var table = await storage.TableAsync(TemplatesTable, ct);
        await table.DeleteEntityAsync(kind, Current, ETag.All, ct);
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string BlobName(string kind, string version) => $"{kind}/{version}.{Papers.PaperDefinitions.Get(kind).Format.Extension}";
}
