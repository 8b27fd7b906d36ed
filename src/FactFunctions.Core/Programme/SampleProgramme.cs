using System.Text.Json;
using FactFunctions.Http;
using Microsoft.Extensions.Logging;

namespace FactFunctions.Programme;

/// <summary>
/// The FACT programme as the October 2022 Children's Select Committee paper and the 2020 Schools Forum paper
/// describe it (<see cref="Load"/>, which reproduces the 2022 paper), and as the 2023–24 and 2025 Schools Forum minutes
/// show it became (<see cref="LoadTo2025"/>: the October 2022 sample with the years since added), shipped as import
/// documents so a local run has real data to show.
/// </summary>
public sealed partial class SampleProgramme(ProgrammeStore store, ProgrammeImporter importer, Images.ImageStore images, ILogger<SampleProgramme> logger)
{
    public const string ResourceName = "FactFunctions.Sample.fact-programme.json";

    /// <summary>What the programme added from 2023 to 2025: new projects, milestones, updates and indicators, and projects' new statuses.</summary>
    public const string LaterResourceName = "FactFunctions.Sample.fact-programme-2025.json";

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

    /// <summary>The sample as it stood in October 2022: the seed paper is made from it, unchanged.</summary>
    public static ProgrammeDocument Load() => Read(ResourceName);

    /// <summary>
    /// The sample to 2025: the October 2022 sample, each project the later document names given its new status, its
    /// milestones' new statuses (a milestone named by an id the project has) and its later milestones and updates; the
    /// new projects after them, and the new indicators after the 2022 ones.
    /// </summary>
    public static ProgrammeDocument LoadTo2025()
    {
        var sample = Load();
        var later = Read(LaterResourceName);
        var changed = (later.Projects ?? []).ToDictionary(p => p.Id ?? string.Empty, StringComparer.Ordinal);
        var known = (sample.Projects ?? []).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return sample with
        {
            Projects =
            [
                .. (sample.Projects ?? []).Select(p => changed.TryGetValue(p.Id ?? string.Empty, out var c)
                    ? p with { Status = c.Status ?? p.Status, Milestones = Milestones(p.Milestones ?? [], c.Milestones ?? []), Updates = [.. p.Updates ?? [], .. c.Updates ?? []] }
                    : p),
                .. (later.Projects ?? []).Where(p => !known.Contains(p.Id)),
            ],
            Indicators = [.. sample.Indicators ?? [], .. later.Indicators ?? []],
        };
    }

    private static IReadOnlyList<MilestoneDocument> Milestones(IReadOnlyList<MilestoneDocument> then, IReadOnlyList<MilestoneDocument> later)
    {
        var statuses = later.Where(m => m.Status is not null).ToDictionary(m => m.Id ?? string.Empty, m => m.Status, StringComparer.Ordinal);
        var known = then.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return [.. then.Select(m => statuses.TryGetValue(m.Id ?? string.Empty, out var status) ? m with { Status = status } : m), .. later.Where(m => !known.Contains(m.Id))];
    }

    private static ProgrammeDocument Read(string resource)
    {
        using var stream = typeof(SampleProgramme).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The sample programme resource {resource} is missing from the build.");
        return JsonSerializer.Deserialize<ProgrammeDocument>(stream, FactJson.Options)
            ?? throw new InvalidOperationException("The sample programme is empty.");
    }

    /// <summary>Imports the sample to 2025 when storage holds no projects yet; leaves existing data alone.</summary>
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

        var document = LoadTo2025();
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
