using FactFunctions.Http;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Boards;

/// <summary>The board and meeting endpoints of api.md.</summary>
public sealed class BoardHandlers(RequestPipeline pipeline, CallerAuthorizer authorizer, JsonBody body, BoardStore boards, ReminderCalendar calendar)
{
    public Task<IResult> PutBoard(HttpRequest request, string boardId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("boardId", boardId) is { } bad)
            {
                return bad;
            }

            var input = await body.ReadValidAsync<BoardFields>(request, (errors, value) => BoardValidation.Board(errors, string.Empty, value), ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            var result = await boards.PutBoardAsync(boardId, input.Value!, HttpConditions.From(request), ct);
            return await WriteAnswers.WrittenAsync(request, result, $"Board '{boardId}'", $"{Routes.BasePath}/boards/{boardId}",
                ct2 => boards.GetBoardAsync(boardId, ct2), ct, conflict: $"Board '{boardId}' already exists.");
        });

    public Task<IResult> ListBoards(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
            TypedResults.Ok((await boards.ListBoardsAsync(ct)).Select(b => ForCaller(request, b)).ToList()));

    public Task<IResult> GetBoard(HttpRequest request, string boardId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadId("boardId", boardId) is { } bad)
            {
                return bad;
            }

            var board = await boards.GetBoardAsync(boardId, ct);
            if (board is null)
            {
                return Problems.NotFound($"Board '{boardId}'");
            }

            HttpConditions.SetETag(request, board.ETag);
            return TypedResults.Ok(ForCaller(request, board));
        });

    public Task<IResult> PutMeeting(HttpRequest request, string boardId, string date) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadMeeting(boardId, date, out var day) is { } bad)
            {
                return bad;
            }

            var input = await body.ReadValidAsync<MeetingFields>(request, (errors, value) => BoardValidation.Meeting(errors, string.Empty, value, day), ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            var board = await boards.GetBoardAsync(boardId, ct);
            if (board is null)
            {
                return Problems.NotFound($"Board '{boardId}'");
            }

            var result = await boards.PutMeetingAsync(boardId, day, input.Value!, HttpConditions.From(request), ct);
            return await WriteAnswers.WrittenAsync(request, result, $"The meeting of '{boardId}' on {date}", $"{Routes.BasePath}/boards/{boardId}/meetings",
                async ct2 => calendar.View(board, (await boards.ListMeetingsAsync(boardId, ct2)).Single(m => m.Date == day)), ct,
                conflict: $"Board '{boardId}' already has a meeting on {date}.");
        });

    public Task<IResult> DeleteMeeting(HttpRequest request, string boardId, string date) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadMeeting(boardId, date, out var day) is { } bad)
            {
                return bad;
            }

            var result = await boards.DeleteMeetingAsync(boardId, day, HttpConditions.From(request).IfMatch, ct);
            return WriteAnswers.Deleted(result, $"The meeting of '{boardId}' on {date}");
        });

    public Task<IResult> ListMeetings(HttpRequest request, string boardId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadId("boardId", boardId) is { } bad)
            {
                return bad;
            }

            var board = await boards.GetBoardAsync(boardId, ct);
            if (board is null)
            {
                return Problems.NotFound($"Board '{boardId}'");
            }

            var meetings = await boards.ListMeetingsAsync(boardId, ct);
            return TypedResults.Ok(meetings.Select(m => calendar.View(board, m)).ToList());
        });

    /// <summary>Members' and clearers' addresses are for the programme lead, who keeps them; officers see names and roles.</summary>
    private Board ForCaller(HttpRequest request, Board board) =>
        authorizer.Role(request) == FactRole.ProgrammeLead ? board : board with
        {
            Members = board.Members?.Select(m => m with { Email = null }).ToList(),
            Clearers = board.Clearers?.Select(c => c with { Email = null }).ToList(),
        };
}
