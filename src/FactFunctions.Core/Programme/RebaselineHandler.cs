using FactFunctions.Boards;
using FactFunctions.Http;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Programme;

/// <summary>
/// <c>POST /api/projects/{projectId}/milestones/{milestoneId}/rebaseline</c> (lead): the one way a baseline moves. The
/// decision names the board and a meeting of it on record; it is kept, in order, with what it replaced.
/// </summary>
public sealed class RebaselineHandler(RequestPipeline pipeline, JsonBody body, ProgrammeStore store, BoardStore boards, CallerAuthorizer authorizer, TimeProvider time)
{
    public Task<IResult> Rebaseline(HttpRequest request, string projectId, string milestoneId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if ((Problems.BadId("projectId", projectId) ?? Problems.BadId("milestoneId", milestoneId)) is { } bad)
            {
                return bad;
            }

            var input = await body.ReadValidAsync<RebaselineRequest>(request, (errors, value) =>
            {
                if (value.BaselineDue is null)
                {
                    errors.Add("baselineDue", "is required.");
                }
                else
                {
                    ProgrammeValidation.DueWindow(errors, "baselineDue", value.BaselineDue);
                }
                errors.RequiredText("board", value.Board, 100);
                if (value.Board is not null)
                {
                    errors.Slug("board", value.Board);
                }

                errors.Required("meetingDate", value.MeetingDate);
                errors.Date("meetingDate", value.MeetingDate);
                errors.RequiredText("reason", value.Reason, 1_000);
            }, ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            var value = input.Value!;
            var board = await boards.GetBoardAsync(value.Board!, ct);
            if (board is null)
            {
                return Problems.Invalid("board", $"names board '{value.Board}', which does not exist.");
            }

            if (value.MeetingDate > Dates.LondonTime.Today(time))
            {
                return Problems.Invalid("meetingDate", $"is {value.MeetingDate:yyyy-MM-dd}, which has not come yet: a re-baseline is recorded once a meeting has agreed it.");
            }

            if (!(await boards.ListMeetingsAsync(board.Id, ct)).Any(m => m.Date == value.MeetingDate))
            {
                return Problems.Invalid("meetingDate", $"is {value.MeetingDate:yyyy-MM-dd}, and the {board.Name ?? board.Id} has no meeting on record that day: " +
                    $"a re-baseline is the decision of a meeting (PUT {Routes.BasePath}/boards/{board.Id}/meetings/{{date}} first).");
            }

            var decision = new BaselineDecision
            {
                Was = string.Empty,
                BaselineDue = value.BaselineDue!.Trim(),
                Board = board.Id,
                BoardName = board.Name,
                MeetingDate = value.MeetingDate!.Value,
                Reason = value.Reason!.Trim(),
                RecordedAt = time.GetUtcNow(),
                RecordedBy = authorizer.Describe(request),
            };
            var milestone = await store.RebaselineAsync(projectId, milestoneId, decision, ct);
            return milestone is null ? Problems.NotFound($"Milestone '{milestoneId}' of project '{projectId}'") : TypedResults.Ok(milestone);
        });
}
