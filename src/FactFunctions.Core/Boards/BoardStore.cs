using System.Text.Json;
using Azure.Data.Tables;
using FactFunctions.Storage;

namespace FactFunctions.Boards;

/// <summary>Boards (with their members) and meetings in Table Storage.</summary>
public sealed class BoardStore(FactStorage storage)
{
    public const string BoardsTable = "Boards";
    public const string MeetingsTable = "Meetings";
    private const string Partition = "board";

    private static readonly JsonSerializerOptions Json = StoredJson.Options;

    public static TableEntity BoardEntity(string id, BoardFields board) => new(Partition, id)
    {
        ["Name"] = board.Name,
        ["Kind"] = board.Kind,
        ["Members"] = JsonSerializer.Serialize(board.Members ?? [], Json),
        ["ReminderOffsets"] = board.ReminderOffsets is null ? null : JsonSerializer.Serialize(board.ReminderOffsets, Json),
        ["PaperLeadWorkingDays"] = board.PaperLeadWorkingDays,
        ["Digest"] = board.Digest,
        ["ClearDays"] = board.ClearDays,
        ["ClearanceWorkingDays"] = board.ClearanceWorkingDays,
        ["Clearers"] = board.Clearers is null ? null : JsonSerializer.Serialize(board.Clearers, Json),
    };

    public static TableEntity MeetingEntity(string boardId, DateOnly date, MeetingFields meeting) => new(boardId, EntityText.Date(date))
    {
        ["Title"] = meeting.Title,
        ["Time"] = meeting.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        ["PaperDeadline"] = meeting.PaperDeadline is { } deadline ? EntityText.Date(deadline) : null,
        ["ReportKind"] = meeting.ReportKind,
        ["Location"] = meeting.Location,
    };

    public async Task<WriteResult> PutBoardAsync(string id, BoardFields board, Precondition precondition, CancellationToken ct)
    {
        var table = await storage.TableAsync(BoardsTable, ct);
        return await ConditionalWrites.PutAsync(table, BoardEntity(id, board), precondition, ct);
    }

    public async Task<Board?> GetBoardAsync(string id, CancellationToken ct)
    {
        var table = await storage.TableAsync(BoardsTable, ct);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return found.HasValue ? ReadBoard(found.Value!) : null;
    }

    public async Task<IReadOnlyList<Board>> ListBoardsAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync(BoardsTable, ct);
        var list = new List<Board>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            list.Add(ReadBoard(entity));
        }

        return list.OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
    }

    public async Task<WriteResult> PutMeetingAsync(string boardId, DateOnly date, MeetingFields meeting, Precondition precondition, CancellationToken ct)
    {
        var table = await storage.TableAsync(MeetingsTable, ct);
        return await ConditionalWrites.PutAsync(table, MeetingEntity(boardId, date, meeting), precondition, ct);
    }

    public async Task<WriteResult> DeleteMeetingAsync(string boardId, DateOnly date, string? ifMatch, CancellationToken ct)
    {
        var table = await storage.TableAsync(MeetingsTable, ct);
        return await ConditionalWrites.DeleteAsync(table, boardId, EntityText.Date(date), ifMatch, ct);
    }

    /// <summary>Meetings of one board, or of every board when <paramref name="boardId"/> is null, by date.</summary>
    public async Task<IReadOnlyList<Meeting>> ListMeetingsAsync(string? boardId, CancellationToken ct)
    {
        var table = await storage.TableAsync(MeetingsTable, ct);
        string? filter = boardId is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {boardId}");
        var list = new List<Meeting>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            list.Add(ReadMeeting(entity));
        }

        return list.OrderBy(m => m.Date).ThenBy(m => m.BoardId, StringComparer.Ordinal).ToList();
    }

    public async Task ImportAsync(IReadOnlyList<BoardDocument> boards, CancellationToken ct)
    {
        var boardTable = await storage.TableAsync(BoardsTable, ct);
        var meetingTable = await storage.TableAsync(MeetingsTable, ct);
        await TableBatches.SubmitAsync(boardTable, boards.Select(b => new TableTransactionAction(TableTransactionActionType.UpsertReplace, BoardEntity(b.Id!, b))), ct);
        await TableBatches.SubmitAsync(meetingTable, boards.SelectMany(b => (b.Meetings ?? [])
            .Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, MeetingEntity(b.Id!, m.Date!.Value, m)))), ct);
    }

    public async Task<IReadOnlyList<BoardDocument>> ExportAsync(CancellationToken ct)
    {
        var meetings = (await ListMeetingsAsync(null, ct)).ToLookup(m => m.BoardId, StringComparer.Ordinal);
        return (await ListBoardsAsync(ct)).Select(b => new BoardDocument
        {
            Id = b.Id,
            Name = b.Name,
            Kind = b.Kind,
            Members = b.Members,
            ReminderOffsets = b.ReminderOffsets,
            PaperLeadWorkingDays = b.PaperLeadWorkingDays,
            Digest = b.Digest,
            ClearDays = b.ClearDays,
            ClearanceWorkingDays = b.ClearanceWorkingDays,
            Clearers = b.Clearers,
            Meetings = meetings[b.Id].Select(m => new MeetingDocument
            {
                Date = m.Date,
                Title = m.Title,
                Time = m.Time,
                PaperDeadline = m.PaperDeadline,
                ReportKind = m.ReportKind,
                Location = m.Location,
            }).ToList(),
        }).ToList();
    }

    private static Board ReadBoard(TableEntity e) => new()
    {
        Id = e.RowKey,
        Name = e.GetString("Name"),
        Kind = e.GetString("Kind"),
        Members = JsonSerializer.Deserialize<List<Member>>(e.GetString("Members") ?? "[]", Json),
        ReminderOffsets = e.GetString("ReminderOffsets") is { } offsets ? JsonSerializer.Deserialize<List<int>>(offsets, Json) : null,
        PaperLeadWorkingDays = e.GetInt32("PaperLeadWorkingDays"),
        Digest = e.GetString("Digest"),
        ClearDays = e.GetInt32("ClearDays"),
        ClearanceWorkingDays = e.GetInt32("ClearanceWorkingDays"),
        Clearers = e.GetString("Clearers") is { } clearers ? JsonSerializer.Deserialize<List<Clearer>>(clearers, Json) : null,
        ETag = e.ETag.ToString(),
    };

    private static Meeting ReadMeeting(TableEntity e) => new()
    {
        BoardId = e.PartitionKey,
        Date = DateOnly.ParseExact(e.RowKey, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Title = e.GetString("Title"),
        Time = e.GetString("Time") is { } time ? TimeOnly.ParseExact(time, "HH:mm", System.Globalization.CultureInfo.InvariantCulture) : null,
        PaperDeadline = EntityText.GetDate(e, "PaperDeadline"),
        ReportKind = e.GetString("ReportKind"),
        Location = e.GetString("Location"),
        ETag = e.ETag.ToString(),
    };
}
