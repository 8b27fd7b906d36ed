using FactFunctions.Boards;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Publication;
using FactFunctions.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactFunctions.Reports;

/// <summary>Generates a paper: snapshot (taken now unless named), template in use, the previous paper's changes, render, store.</summary>
public sealed partial class PaperService(
    SnapshotStore snapshots,
    TemplateStore templates,
    Images.ImageStore images,
    PaperStore reports,
    BoardStore boards,
    TimeProvider time,
    IOptions<PaperOptions> options,
    ILogger<PaperService> logger)
{
    /// <summary>The paper, or why not (with the incomplete import, when that is why).</summary>
    public async Task<(PaperMetadata? Report, PaperFailure Failure, IncompleteImport? Import, string? MissingImage)> GenerateAsync(GenerationRequest request, CancellationToken ct)
    {
        // A paper for one board of several needs that board's meeting: checked before anything is read or taken.
        var (board, boardFailure) = await OneBoardAsync(request, ct);
        if (boardFailure != PaperFailure.None)
        {
            return (null, boardFailure, null, null);
        }

        ProgrammeSnapshot? snapshot;
        if (request.SnapshotId is { } snapshotId)
        {
            snapshot = await snapshots.GetAsync(snapshotId, ct);
            if (snapshot is null)
            {
                return (null, PaperFailure.UnknownSnapshot, null, null);
            }
        }
        else
        {
            var taken = await snapshots.CurrentAsync($"For the {request.Kind} paper of {request.MeetingDate:yyyy-MM-dd}", ct);
            if (taken.Status == SnapshotStatus.ImportIncomplete)
            {
                return (null, PaperFailure.ImportIncomplete, taken.Import, null);
            }

            snapshot = await snapshots.GetAsync(taken.Header!.Id, ct)
                ?? throw new InvalidOperationException($"Snapshot {taken.Header.Id} vanished after it was taken.");
        }

        var (prepared, missing) = await PrepareAsync(request, board, snapshot, ct);
        if (prepared is null)
        {
            return (null, PaperFailure.MissingImage, null, missing);
        }

        byte[] paper = PaperDefinitions.Get(request.Kind).Render(prepared.Template, prepared.Request);
        var metadata = new PaperMetadata
        {
            Id = $"{request.Kind}-{request.MeetingDate:yyyy-MM-dd}-{Guid.NewGuid():N}"[..(request.Kind.Length + 20)],
            Kind = request.Kind,
            MeetingDate = request.MeetingDate,
            ReportDate = request.ReportDate ?? snapshot.Header.AsOf,
            SnapshotId = snapshot.Header.Id,
            TemplateVersion = prepared.TemplateInfo.Version,
            Size = paper.LongLength,
            Sha256 = TemplateStore.Sha256(paper),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = request.CreatedBy,
            PreviousReportId = prepared.Previous?.Id,
            BoardId = board?.Id,
            BoardName = board?.Name,
            IndicatorCharts = request.IndicatorCharts,
        };
        await reports.SaveAsync(metadata, paper, ct);
        LogGenerated(logger, metadata.Id, metadata.SnapshotId, metadata.Size);
        return (metadata, PaperFailure.None, null, null);
    }

    /// <summary>
    /// Everything the paper <paramref name="request"/> names would be made from now, gathered as for
    /// <see cref="GenerateAsync"/> but from the programme as it stands, stored nowhere: a draft to write in is made from it.
    /// </summary>
    public async Task<(PreparedPaper? Paper, PaperFailure Failure, IncompleteImport? Import, string? MissingImage)> PrepareCurrentAsync(GenerationRequest request,
        CancellationToken ct)
    {
        var (board, boardFailure) = await OneBoardAsync(request, ct);
        if (boardFailure != PaperFailure.None)
        {
            return (null, boardFailure, null, null);
        }

        var (snapshot, incomplete) = await snapshots.PeekAsync(ct);
        if (snapshot is null)
        {
            return (null, PaperFailure.ImportIncomplete, incomplete, null);
        }

        var (prepared, missing) = await PrepareAsync(request, board, snapshot, ct);
        return prepared is null ? (null, PaperFailure.MissingImage, null, missing) : (prepared, PaperFailure.None, null, null);
    }

    private async Task<(PaperBoard? Board, PaperFailure Failure)> OneBoardAsync(GenerationRequest request, CancellationToken ct) =>
        PaperDefinitions.Get(request.Kind).ForOneBoard ? await BoardAsync(request, ct) : (null, PaperFailure.None);

    /// <summary>
    /// The paper's request from <paramref name="snapshot"/>: what came before, the boards, the images, the template in
    /// use; null and the image when one is missing.
    /// </summary>
    private async Task<(PreparedPaper? Paper, string? MissingImage)> PrepareAsync(GenerationRequest request, PaperBoard? board, ProgrammeSnapshot snapshot,
        CancellationToken ct)
    {
        // "Since the last report" is since this board's last report of the kind, not another board's.
        var earlier = await reports.ListAsync(request.Kind, null, ct, meetingsBefore: request.MeetingDate);
        var previous = earlier.FirstOrDefault(r => board is null || r.BoardId == board.Id);
        if (previous is null && board is not null && PaperDefinitions.Get(request.Kind).SinceAnyEarlierPaper)
        {
            // The board's latest earlier paper of any kind: one for one of its own earlier meetings.
            var dates = (await boards.ListMeetingsAsync(board.Id, ct)).Select(m => m.Date).ToHashSet();
            previous = (await reports.ListAsync(null, null, ct, meetingsBefore: request.MeetingDate))
                .FirstOrDefault(r => dates.Contains(r.MeetingDate) && (r.BoardId is null || r.BoardId == board.Id));
        }

        // The boards the paper is for; the changes since the last report name their actions only, by the boards' names.
        var actionBoards = board is null ? await AskingBoardsAsync(request, ct) : [board];
        SnapshotChanges? changes = null;
        ProgrammeSnapshot? before = previous is null ? null : await snapshots.GetAsync(previous.SnapshotId, ct);
        if (before is not null)
        {
            var names = actionBoards.ToDictionary(b => b.Id, b => b.Name, StringComparer.Ordinal);
            var all = SnapshotDiff.Compare(before, snapshot, names);
            changes = all with { Actions = [.. all.Actions.Where(a => names.ContainsKey(a.Board))] };
        }

        // The diagrams the snapshot's image blocks show; images never change once stored, so the snapshot and the
        // template still decide the bytes.
        var state = snapshot.State;
        var imageIds = state.Blocks()
            .Where(b => b.Type == BlockTypes.Image && b.ImageId is not null)
            .Select(b => b.ImageId!)
            .ToList();
        var loaded = await images.GetManyAsync(imageIds, ct);
        if (imageIds.FirstOrDefault(id => !loaded.ContainsKey(id)) is { } missing)
        {
            return (null, missing);
        }

        var (template, info) = await templates.CurrentAsync(request.Kind, ct);
        var paperRequest = new PaperRequest
        {
            Images = loaded,
            Kind = request.Kind,
            MeetingDate = request.MeetingDate,
            Snapshot = snapshot,
            ReportDate = request.ReportDate,
            Previous = previous is null ? null : new PreviousPaper(previous.MeetingDate, previous.SnapshotId)
            {
                ReportDate = previous.ReportDate,
                State = before?.State,
            },
            Changes = changes,
            LookAheadMonths = options.Value.MilestoneLookAheadMonths,
            Board = board,
            ActionBoards = actionBoards,
            IndicatorCharts = request.IndicatorCharts,
        };
        return (new PreparedPaper(paperRequest, template, info, previous), null);
    }

    /// <summary>
    /// Every board whose meeting on the request's date asks for this kind of paper, with its meetings either side; when
    /// none asks for it, the boards of that kind meeting that day (the Schools Forum's paper for a meeting that asked for
    /// the verbal update's slides still carries the Forum's actions).
    /// </summary>
    private async Task<IReadOnlyList<PaperBoard>> AskingBoardsAsync(GenerationRequest request, CancellationToken ct)
    {
        var meetings = await boards.ListMeetingsAsync(null, ct);
        var all = await boards.ListBoardsAsync(ct);
        var names = all.ToDictionary(b => b.Id, b => b.Name ?? b.Id, StringComparer.Ordinal);
        var ofKind = all.Where(b => b.Kind == request.Kind).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var onTheDay = meetings.Where(m => m.Date == request.MeetingDate).ToList();
        var asking = onTheDay.Where(m => m.ReportKind == request.Kind).ToList();
        return
        [
            .. (asking.Count > 0 ? asking : onTheDay.Where(m => ofKind.Contains(m.BoardId))).Select(m => m.BoardId).Distinct(StringComparer.Ordinal)
                .Select(id => PaperBoardOf(id, names.GetValueOrDefault(id) ?? id, meetings, request.MeetingDate)),
        ];
    }

    private static PaperBoard PaperBoardOf(string id, string name, IReadOnlyList<Boards.Meeting> meetings, DateOnly date)
    {
        var dates = meetings.Where(m => m.BoardId == id).Select(m => m.Date).ToList();
        return new PaperBoard(id, name, dates.Where(d => d < date).Select(d => (DateOnly?)d).Max(), dates.Where(d => d > date).Select(d => (DateOnly?)d).Min());
    }

    /// <summary>
    /// The board whose meeting on the request's date asks for this kind of paper (the one the request names, when it
    /// names one), with its meetings either side.
    /// </summary>
    private async Task<(PaperBoard? Board, PaperFailure Failure)> BoardAsync(GenerationRequest request, CancellationToken ct)
    {
        var meetings = await boards.ListMeetingsAsync(null, ct);
        var asking = meetings
            .Where(m => m.Date == request.MeetingDate && m.ReportKind == request.Kind && (request.Board is null || m.BoardId == request.Board))
            .Select(m => m.BoardId)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (asking.Count != 1)
        {
            return (null, asking.Count == 0 ? PaperFailure.NoBoardMeeting : PaperFailure.AmbiguousBoard);
        }

        string id = asking[0];
        var found = await boards.GetBoardAsync(id, ct);
        return (PaperBoardOf(id, found?.Name ?? id, meetings, request.MeetingDate), PaperFailure.None);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Paper {ReportId} generated from snapshot {SnapshotId} ({Size} bytes)")]
    private static partial void LogGenerated(ILogger logger, string reportId, string snapshotId, long size);
}
