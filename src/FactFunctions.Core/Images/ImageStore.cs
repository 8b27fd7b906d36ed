using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs.Models;
using FactFunctions.Storage;
using Microsoft.Extensions.Caching.Memory;

namespace FactFunctions.Images;

/// <summary>
/// Diagrams for papers, one blob each in the <c>images</c> container. Written once: papers already generated (and the
/// snapshots they came from) show an image by its id, so a changed diagram is uploaded under a new id.
/// </summary>
public sealed class ImageStore(FactStorage storage)
{
    /// <summary>At most this many bytes an image (a page-wide diagram is far smaller).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Images read for papers, kept by id up to this many bytes: an image never changes once stored, so a paper after
    /// the first needs no storage call for its diagrams.
    /// </summary>
    public const long CacheBytes = 32L * 1024 * 1024;

    private readonly MemoryCache read = new(new MemoryCacheOptions { SizeLimit = CacheBytes });

    public async Task<ImageWrite> PutAsync(string id, byte[] content, ImageFile file, CancellationToken ct)
    {
        var container = await storage.ContainerAsync(Containers.Images, ct);
        string sha = Convert.ToHexStringLower(SHA256.HashData(content));
        try
        {
            await container.GetBlobClient(id).UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = file.ContentType },
                Metadata = new Dictionary<string, string>
                {
                    ["sha256"] = sha,
                    ["width"] = file.Width.ToString(CultureInfo.InvariantCulture),
                    ["height"] = file.Height.ToString(CultureInfo.InvariantCulture),
                },
            }, ct);
            return ImageWrite.Created;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var properties = await container.GetBlobClient(id).GetPropertiesAsync(cancellationToken: ct);
            return properties.Value.Metadata.TryGetValue("sha256", out string? stored) && stored == sha ? ImageWrite.Unchanged : ImageWrite.Conflict;
        }
    }

    public async Task<StoredImage?> GetAsync(string id, CancellationToken ct)
    {
        if (read.TryGetValue(id, out StoredImage? cached))
        {
            return cached;
        }

        var container = await storage.ContainerAsync(Containers.Images, ct);
        try
        {
            var download = await container.GetBlobClient(id).DownloadContentAsync(ct);
            byte[] content = download.Value.Content.ToArray();
            var file = ImageFile.Read(content) ?? throw new InvalidDataException($"The stored image '{id}' is not a PNG or JPEG image.");
            var image = new StoredImage(id, content, file, Convert.ToHexStringLower(SHA256.HashData(content)));
            read.Set(id, image, new MemoryCacheEntryOptions { Size = Math.Max(1, content.Length) });
            return image;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The images with these ids that exist, by id (ids that do not exist are left out).</summary>
    public async Task<IReadOnlyDictionary<string, StoredImage>> GetManyAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, StoredImage>(StringComparer.Ordinal);
        foreach (string id in ids.Distinct(StringComparer.Ordinal))
        {
            if (await GetAsync(id, ct) is { } image)
            {
                found[id] = image;
            }
        }

        return found;
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken ct)
    {
        var container = await storage.ContainerAsync(Containers.Images, ct);
        return (await container.GetBlobClient(id).ExistsAsync(ct)).Value;
    }
}
