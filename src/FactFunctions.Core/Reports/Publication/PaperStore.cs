using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using DocumentFormat.OpenXml.Packaging;
using FactFunctions.Storage;

namespace FactFunctions.Reports.Publication;

/// <summary>Generated papers: the .docx in the <c>reports</c> container (written once, never replaced), metadata in <c>Reports</c>.</summary>
public sealed class PaperStore(FactStorage storage)
{
    public const string ReportsTable = "Reports";
    private const string Partition = "report";
    private const string RecordPartition = "record";

    /// <summary>Writes the paper, then its metadata, so a listed paper always has its content.</summary>
    public async Task SaveAsync(PaperMetadata metadata, byte[] content, CancellationToken ct)
    {
        var container = await storage.ContainerAsync(Containers.Reports, ct);
        await container.GetBlobClient(BlobName(metadata)).UploadAsync(
            new BinaryData(content),
            new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                HttpHeaders = new BlobHttpHeaders { ContentType = metadata.ContentType },
                Metadata = new Dictionary<string, string> { ["sha256"] = metadata.Sha256 },
            },
            ct);

        var table = await storage.TableAsync(ReportsTable, ct);
        await table.AddEntityAsync(new TableEntity(Partition, metadata.Id)
        {
            ["Kind"] = metadata.Kind,
            ["MeetingDate"] = EntityText.Date(metadata.MeetingDate),
            ["ReportDate"] = EntityText.Date(metadata.ReportDate),
            ["SnapshotId"] = metadata.SnapshotId,
            ["TemplateVersion"] = metadata.TemplateVersion,
            ["Size"] = metadata.Size,
            ["Sha256"] = metadata.Sha256,
            ["CreatedAt"] = metadata.CreatedAt,
            ["CreatedBy"] = metadata.CreatedBy,
            ["PreviousReportId"] = metadata.PreviousReportId,
            ["BoardId"] = metadata.BoardId,
            ["BoardName"] = metadata.BoardName,
            ["IndicatorCharts"] = metadata.IndicatorCharts,
        }, ct);
    }

    public async Task<PaperMetadata?> GetAsync(string reportId, CancellationToken ct) => (await GetVersionAsync(reportId, ct))?.Report;

    /// <summary>The paper's metadata with the ETag a change of its status must match.</summary>
    public async Task<(PaperMetadata Report, ETag ETag)?> GetVersionAsync(string reportId, CancellationToken ct)
    {
        var table = await storage.TableAsync(ReportsTable, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, reportId, cancellationToken: ct);
        return found.HasValue ? (Read(found.Value!), found.Value!.ETag) : null;
    }

    /// <summary>
    /// Records a change of the paper's life (status, who, when); never its content. False when the paper changed since
    /// <paramref name="etag"/> was read.
    /// </summary>
    public async Task<bool> UpdateLifeAsync(PaperMetadata report, ETag etag, CancellationToken ct)
    {
        var table = await storage.TableAsync(ReportsTable, ct);
        try
        {
            var entity = new TableEntity(Partition, report.Id)
            {
                ["Status"] = report.Status,
                ["ApprovalOverride"] = report.ApprovalOverride,
                ["LateReason"] = report.LateReason,
                ["ApprovedBy"] = report.ApprovedBy,
                ["ApprovedAt"] = report.ApprovedAt,
                ["PublishedBy"] = report.PublishedBy,
                ["PublishedAt"] = report.PublishedAt,
                ["PublishedTo"] = report.PublishedTo is { } boards ? string.Join(' ', boards) : null,
                ["Supersedes"] = report.Supersedes,
                ["SupersedeReason"] = report.SupersedeReason,
                ["SupersededBy"] = report.SupersededBy,
                ["SupersededAt"] = report.SupersededAt,
            };
            WriteClearance(entity, report.Clearance);
            await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Merge, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>The meeting's paper of record: which paper is published for this kind and meeting, and the one it replaced.</summary>
    public async Task<PaperOfRecord?> PaperOfRecordAsync(PaperMeeting meeting, CancellationToken ct)
    {
        var table = await storage.TableAsync(ReportsTable, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(RecordPartition, RecordKey(meeting), cancellationToken: ct);
        return found.HasValue
            ? new PaperOfRecord(found.Value!.GetString("ReportId")!, found.Value.GetString("Replaced"), found.Value.GetString("Reason"), found.Value.ETag)
            : null;
    }

    /// <summary>
    /// Makes <paramref name="reportId"/> the meeting's paper of record, if the record is still <paramref name="current"/>
    /// (absent when null). False when another publication changed it first: the one conditional write that decides
    /// which of two concurrent publications wins.
    /// </summary>
    public async Task<bool> ClaimRecordAsync(PaperMeeting meeting, string reportId, PaperOfRecord? current, string? reason, CancellationToken ct)
    {
        var table = await storage.TableAsync(ReportsTable, ct);
        var entity = new TableEntity(RecordPartition, RecordKey(meeting))
        {
            ["ReportId"] = reportId,
            ["Replaced"] = current?.ReportId,
            ["Reason"] = current is null ? null : reason,
        };
        try
        {
            if (current is null)
            {
                await table.AddEntityAsync(entity, ct);
            }
            else
            {
                await table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, ct);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Whether any paper was made from the snapshot: one query that stops at the first match.</summary>
    public async Task<bool> NamesSnapshotAsync(string snapshotId, CancellationToken ct)
    {
        var table = await storage.TableAsync(ReportsTable, ct);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and SnapshotId eq {snapshotId}");
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["RowKey"], cancellationToken: ct))
        {
            return true;
        }

        return false;
    }

    /// <summary>Papers newest first (by meeting, then by creation), optionally of one kind or meeting, or for meetings before a date.</summary>
    public async Task<IReadOnlyList<PaperMetadata>> ListAsync(string? kind, DateOnly? meetingDate, CancellationToken ct, DateOnly? meetingsBefore = null)
    {
        var table = await storage.TableAsync(ReportsTable, ct);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        if (kind is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Kind eq {kind}");
        }

        if (meetingDate is { } date)
        {
            filter += " and " + TableClient.CreateQueryFilter($"MeetingDate eq {EntityText.Date(date)}");
        }

        if (meetingsBefore is { } before)
        {
            filter += " and " + TableClient.CreateQueryFilter($"MeetingDate lt {EntityText.Date(before)}");
        }

        var list = new List<PaperMetadata>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            list.Add(Read(entity));
        }

        return list.OrderByDescending(r => r.MeetingDate).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<(byte[] Content, DateTimeOffset LastModified)?> ContentAsync(PaperMetadata report, CancellationToken ct)
    {
        var container = await storage.ContainerAsync(Containers.Reports, ct);
        try
        {
            var download = await container.GetBlobClient(BlobName(report)).DownloadContentAsync(ct);
            return (download.Value.Content.ToArray(), download.Value.Details.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The <paramref name="index"/>-th image of a stored paper (<see cref="PaperImages"/>), ready to stream: read through a
    /// seekable blob stream, so only the zip directory, the document part and that image are fetched. Null when the paper
    /// or the image does not exist.
    /// </summary>
    public async Task<PaperImageResult?> ImageAsync(PaperMetadata report, int index, Microsoft.Net.Http.Headers.EntityTagHeaderValue etag, CancellationToken ct)
    {
        if (!report.Format.IsWord)
        {
            // A deck's HTML links no images: its charts are told as tables.
            return null;
        }

        var container = await storage.ContainerAsync(Containers.Reports, ct);
        Stream? blob = null;
        WordprocessingDocument? document = null;
        try
        {
            blob = await container.GetBlobClient(BlobName(report)).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 256 * 1024 }, ct);
            document = WordprocessingDocument.Open(blob, false);
            if (document.MainDocumentPart is { } main && PaperImages.Of(main).ElementAtOrDefault(index) is { } part)
            {
                var result = new PaperImageResult(blob, document, part, etag);
                (blob, document) = (null, null);
                return result;
            }

            return null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        finally
        {
            document?.Dispose();
            if (blob is not null)
            {
                await blob.DisposeAsync();
            }
        }
    }

    private static string BlobName(PaperMetadata report) => $"{report.Id}.{report.Format.Extension}";

    // A table property holds 32K characters; a version's clearance (20 clearers with their sections and comments) can be
    // more, so it is kept in as many properties as it needs, with their count.
    private const int ClearanceChunk = 30_000;

    private static void WriteClearance(TableEntity entity, IReadOnlyList<Clearance.ClearanceEntry>? clearance)
    {
        string? json = clearance is null ? null : JsonSerializer.Serialize(clearance, StoredJson.Options);
        int chunks = json is null ? 0 : (json.Length + ClearanceChunk - 1) / ClearanceChunk;
        entity["ClearanceChunks"] = chunks;
        for (int i = 0; i < chunks; i++)
        {
            entity[i == 0 ? "Clearance" : $"Clearance{i}"] = json![(i * ClearanceChunk)..Math.Min(json!.Length, (i + 1) * ClearanceChunk)];
        }
    }

    private static List<Clearance.ClearanceEntry>? ReadClearance(TableEntity e)
    {
        int chunks = e.GetInt32("ClearanceChunks") ?? 0;
        string json = string.Concat(Enumerable.Range(0, chunks).Select(i => e.GetString(i == 0 ? "Clearance" : $"Clearance{i}")));
        return chunks == 0 ? null : JsonSerializer.Deserialize<List<Clearance.ClearanceEntry>>(json, StoredJson.Options);
    }

    private static string RecordKey(PaperMeeting meeting) => meeting.BoardId is null
        ? $"{meeting.Kind}-{EntityText.Date(meeting.MeetingDate)}"
        : $"{meeting.Kind}-{meeting.BoardId}-{EntityText.Date(meeting.MeetingDate)}";

    private static PaperMetadata Read(TableEntity e) => new()
    {
        Id = e.RowKey,
        Kind = e.GetString("Kind")!,
        MeetingDate = EntityText.GetDate(e, "MeetingDate") ?? default,
        ReportDate = EntityText.GetDate(e, "ReportDate") ?? default,
        SnapshotId = e.GetString("SnapshotId")!,
        TemplateVersion = e.GetString("TemplateVersion")!,
        Size = e.GetInt64("Size") ?? 0,
        Sha256 = e.GetString("Sha256")!,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        CreatedBy = e.GetString("CreatedBy"),
        PreviousReportId = e.GetString("PreviousReportId"),
        BoardId = e.GetString("BoardId"),
        BoardName = e.GetString("BoardName"),
        IndicatorCharts = e.GetBoolean("IndicatorCharts") ?? false,
        Status = e.GetString("Status") ?? PaperStatus.Draft,
        Clearance = ReadClearance(e),
        ApprovalOverride = e.GetString("ApprovalOverride"),
        LateReason = e.GetString("LateReason"),
        ApprovedBy = e.GetString("ApprovedBy"),
        ApprovedAt = e.GetDateTimeOffset("ApprovedAt"),
        PublishedBy = e.GetString("PublishedBy"),
        PublishedAt = e.GetDateTimeOffset("PublishedAt"),
        PublishedTo = e.GetString("PublishedTo")?.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        Supersedes = e.GetString("Supersedes"),
        SupersedeReason = e.GetString("SupersedeReason"),
        SupersededBy = e.GetString("SupersededBy"),
        SupersededAt = e.GetDateTimeOffset("SupersededAt"),
    };
}
