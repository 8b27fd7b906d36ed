using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Http;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Programme.Outcomes;

/// <summary>
/// <c>GET</c> and <c>PUT /api/boards/{board}/meetings/{date}/outcome</c>: what a meeting decided and asked for. The lead
/// writes it (all at once, validated whole, guarded by <c>If-Match</c>); officers read it. An action marked done keeps
/// the day it was first marked done (<see cref="MeetingAction.DoneOn"/>).
/// </summary>
public sealed class OutcomeHandlers(RequestPipeline pipeline, CallerAuthorizer authorizer, JsonBody body, BoardStore boards, OutcomeStore outcomes,
    ProgrammeImporter importer, TimeProvider time)
{
    public Task<IResult> Get(HttpRequest request, string boardId, string date) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadMeeting(boardId, date, out var day) is { } bad)
            {
                return bad;
            }

            if (await outcomes.GetAsync(boardId, day, ct) is not { } outcome)
            {
                return Problems.NotFound($"The outcome of the meeting of '{boardId}' on {date}");
            }

            HttpConditions.SetETag(request, outcome.ETag);
            return TypedResults.Ok(ForCaller(request, outcome));
        });

    public Task<IResult> Put(HttpRequest request, string boardId, string date) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadMeeting(boardId, date, out var day) is { } bad)
            {
                return bad;
            }

            var input = await body.ReadValidAsync<MeetingOutcome>(request, (errors, value) => OutcomeValidation.Outcome(errors, string.Empty, value, day), ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            // A meeting's outcome outlives the meeting: one already recorded can still be edited once its meeting is deleted.
            var stored = await outcomes.GetAsync(boardId, day, ct);
            if (stored is null && !(await boards.ListMeetingsAsync(boardId, ct)).Any(m => m.Date == day))
            {
                return Problems.NotFound($"The meeting of '{boardId}' on {date}");
            }

            var errors = new Validation.ValidationErrors();
            await importer.CheckImagesAsync(errors, [.. ProgrammeValidation.Numbered("resolution", input.Value!.Resolution),
                .. ProgrammeValidation.Numbered("discussion", input.Value.Discussion)], ct);
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            var outcome = WithDoneOn(input.Value, stored, LondonTime.DateOf(time.GetUtcNow()), day);
            var result = await outcomes.PutAsync(boardId, day, outcome, HttpConditions.From(request), ct);
            return await WriteAnswers.WrittenAsync(request, result, $"The outcome of the meeting of '{boardId}' on {date}",
                $"{Routes.BasePath}/boards/{boardId}/meetings/{date}/outcome",
                async ct2 => await outcomes.GetAsync(boardId, day, ct2) is { } written ? ForCaller(request, written) : null, ct);
        });

    /// <summary>
    /// The rule of the day an action was done, for every way an outcome is written: one already done keeps its stored day;
    /// one newly done takes the day given (validation keeps it on or after the meeting) or today (the meeting's day, when
    /// that is later: an outcome recorded ahead of a clock); one no longer done has none. An owner's address left out (an
    /// officer's workbook has none) keeps the stored one.
    /// </summary>
    public static MeetingOutcome WithDoneOn(MeetingOutcome outcome, MeetingOutcome? stored, DateOnly today, DateOnly meeting)
    {
        var fallback = today < meeting ? meeting : today;
        var before = (stored?.Actions ?? []).Where(a => a.Id is not null).GroupBy(a => a.Id!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(),
            StringComparer.Ordinal);
        MeetingAction? Was(MeetingAction a) => a.Id is not null ? before.GetValueOrDefault(a.Id) : null;
        return outcome with
        {
            Actions = outcome.Actions?.Select(a => (a with { OwnerEmail = a.OwnerEmail ?? Was(a)?.OwnerEmail }) switch
            {
                { Status: not ActionStatus.Done } open => open with { DoneOn = null },
                var done when Was(a) is { Status: ActionStatus.Done, DoneOn: { } kept } => done with { DoneOn = kept },
                var done => done with { DoneOn = done.DoneOn ?? fallback },
            }).ToList(),
        };
    }

    /// <summary>Owners' addresses are for the programme lead, who keeps them.</summary>
    private MeetingOutcomeView ForCaller(HttpRequest request, MeetingOutcomeView outcome) =>
        authorizer.Role(request) == FactRole.ProgrammeLead || outcome.Actions is null
            ? outcome
            : outcome with { Actions = [.. outcome.Actions.Select(a => a with { OwnerEmail = null })] };
}
