using System.Text.Json;
using FactFunctions.Http;
using Microsoft.Extensions.Logging;

namespace FactFunctions.Programme;

/// <summary>
/// The FACT programme as the October 2022 Children's Select Committee paper and the 2020 Schools Forum paper
/// describe it, shipped as an import document so a local run has real data to show.
/// </summary>
public sealed partial class SampleProgramme(ProgrammeStore store, ProgrammeImporter importer, Images.ImageStore images, ILogger<SampleProgramme> logger)
{
    public const string ResourceName = "FactFunctions.Sample.fact-programme.json";

    /// <summary>The ids of the sample's four diagrams: stand-ins for the 2022 paper's, each a PNG beside the sample.</summary>
    public static readonly IReadOnlyList<string> ImageIds = ["fact-workstreams-2020", "fact-priority-projects-2020", "fact-outcomes-framework", "fact-governance"];

    /// <summary>A sample diagram's PNG bytes.</summary>
    public static byte[] Image(string id)
    {
        using var stream = typeof(SampleProgramme).Assembly.GetManifestResourceStream($"FactFunctions.Sample.{id}.png")
            ?? throw new ArgumentOutOfRangeException(nameof(id), id, "No such sample diagram.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The sample's diagrams as stored images, by id (for rendering the sample without storage).</summary>
    public static IReadOnlyDictionary<string, Images.StoredImage> StoredImages() => ImageIds.ToDictionary(id => id, id =>
    {
        byte[] bytes = Image(id);
        return new Images.StoredImage(id, bytes, Images.ImageFile.Read(bytes)!, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }, StringComparer.Ordinal);

    public static ProgrammeDocument Load()
    {
        using var stream = typeof(SampleProgramme).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The sample programme resource {ResourceName} is missing from the build.");
        return JsonSerializer.Deserialize<ProgrammeDocument>(stream, FactJson.Options)
            ?? throw new InvalidOperationException("The sample programme is empty.");
    }

    /// <summary>Imports the sample when storage holds no projects yet; leaves existing data alone.</summary>
    public async Task<ImportResult?> LoadIfEmptyAsync(CancellationToken ct)
    {
        if (!await store.IsEmptyAsync(ct))
        {
            LogKept(logger);
            return null;
        }

        foreach (var image in StoredImages().Values)
        {
            await images.PutAsync(image.Id, image.Content, image.File, ct);
        }

        var document = Load();
        var errors = ProgrammeImporter.Validate(document);
        if (!errors.IsEmpty)
        {
            throw new InvalidOperationException($"The shipped sample programme is invalid: {string.Join("; ", errors.ToDictionary().Select(e =>
                $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }

        var result = await importer.ImportAsync(document, ct);
        LogLoaded(logger, result.Projects, result.Milestones, result.Indicators);
        return result;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Loaded the FACT sample programme: {Projects} projects, {Milestones} milestones, {Indicators} indicators")]
    private static partial void LogLoaded(ILogger logger, int projects, int milestones, int indicators);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Storage already holds programme data; the sample was not loaded")]
    private static partial void LogKept(ILogger logger);
}
