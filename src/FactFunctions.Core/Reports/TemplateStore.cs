using System.Globalization;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Http;
using FactFunctions.Programme;
using FactFunctions.Snapshots;
using FactFunctions.Storage;

namespace FactFunctions.Reports;

public sealed record TemplateInfo(string Kind, string Version, bool BuiltIn, long Size, string Sha256, DateTimeOffset? UploadedAt);

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
            await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {kind} and RowKey ne {Current}"), select: ["RowKey"], cancellationToken: ct))
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
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = DocxPackage.ContentType } },
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

    private static string BlobName(string kind, string version) => $"{kind}/{version}.docx";
}

/// <summary>
/// Decides whether an uploaded template may be used: safe to open, every required field tag present, no unknown
/// tag, item tags inside their repeats, and a paper rendered from it (with the FACT sample) valid.
/// </summary>
public static class TemplateValidator
{
    public sealed record Result(ValidationErrors Errors, bool TooLarge);

    public static Result Validate(string kind, byte[] upload)
    {
        var errors = new ValidationErrors();
        var problems = DocxPackage.Inspect(upload, out bool tooLarge);
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                errors.Add("template", problem);
            }

            return new Result(errors, tooLarge);
        }

        List<(string Tag, List<string> Ancestors)> controls;
        try
        {
            using var document = WordprocessingDocument.Open(new MemoryStream(upload), false);
            var main = document.MainDocumentPart;
            if (main?.Document?.Body is null)
            {
                errors.Add("template", "The file has no document body.");
                return new Result(errors, false);
            }

            controls = TemplateFiller.FilledParts(main).SelectMany(part => part.RootElement?.Descendants<SdtElement>() ?? [])
                .Select(control => (Tag: TemplateFiller.TagOf(control) ?? string.Empty,
                    Ancestors: control.Ancestors<SdtElement>().Select(a => TemplateFiller.TagOf(a) ?? string.Empty).ToList()))
                .ToList();
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or InvalidOperationException)
        {
            errors.Add("template", "The file is not a Word document that can be opened.");
            return new Result(errors, false);
        }

        var found = controls.Select(c => c.Tag).ToHashSet(StringComparer.Ordinal);
        foreach (string missing in TemplateTags.Required(kind).Where(t => !found.Contains(t)).Order(StringComparer.Ordinal))
        {
            errors.Add($"tags.{missing}", "is required in this template but missing.");
        }

        foreach (var (tag, ancestors) in controls)
        {
            if (tag.Length == 0)
            {
                errors.Add("tags", "A content control has no tag; give it one of the field names or remove it.");
            }
            else if (!TemplateTags.Known.Contains(tag))
            {
                errors.Add($"tags.{tag}", "is not a field this system fills; correct or remove it.");
            }
            else if (TemplateTags.ItemParents.TryGetValue(tag, out var parents) && !ancestors.Any(parents.Contains))
            {
                errors.Add($"tags.{tag}", $"must sit inside the repeating control {string.Join(" or ", parents)}.");
            }
        }

        if (errors.IsEmpty)
        {
            CheckRendersValid(kind, upload, errors);
        }

        return new Result(errors, false);
    }

    private static void CheckRendersValid(string kind, byte[] upload, ValidationErrors errors)
    {
        var snapshot = new ProgrammeSnapshot
        {
            Header = new SnapshotHeader { Id = "template-check", Kind = SnapshotKinds.OnDemand, AsOf = new DateOnly(2022, 10, 14), Counts = new SnapshotCounts(0, 0, 0, 0, 0, 0) },
            State = ProgrammeState.FromDocument(SampleProgramme.Load(), new DateOnly(2022, 10, 14)),
        };
        try
        {
            byte[] paper = PaperRenderer.Render(upload, PaperComposer.Compose(new PaperRequest { Kind = kind, MeetingDate = new DateOnly(2022, 11, 8), Snapshot = snapshot }));
            using var document = WordprocessingDocument.Open(new MemoryStream(paper), false);
            foreach (var error in new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Microsoft365).Validate(document).Take(10))
            {
                errors.Add("template", $"A paper made from this template would not be valid Word: {error.Description} ({error.Path?.XPath})");
            }
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException)
        {
            errors.Add("template", "A paper could not be made from this template.");
        }
    }
}
