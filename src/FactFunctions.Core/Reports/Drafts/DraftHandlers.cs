using FactFunctions.Dates;
using FactFunctions.Http;
using FactFunctions.Boards;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using FactFunctions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FactFunctions.Reports.Drafts;

/// <summary>
/// <c>GET /api/drafts/{kind}/{meetingDate}</c>: the next paper as a Word draft to write in; <c>PUT</c> the same route:
/// the edited draft read back into the programme (<see cref="DraftService"/>).
/// </summary>
public sealed class DraftHandlers(RequestPipeline pipeline, DraftService drafts, TimeProvider time)
{
    public const string StartFromPrevious = "previous";
    public const string StartEmpty = "empty";

    public Task<IResult> Get(HttpRequest request, string kind, string meetingDate) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Route(kind, meetingDate, out var date) is { } bad)
            {
                return bad;
            }

            var errors = new ValidationErrors();
            string? board = request.Query["board"].FirstOrDefault();
            if (board is not null)
            {
                errors.Slug("board", board);
            }

            DateOnly? reportDate = null;
            if (request.Query["reportDate"].FirstOrDefault() is { } text)
            {
                if (!InputDates.TryParse(text, out var parsed))
                {
                    return Problems.BadDateParameter("reportDate", SafeText.Shorten(text, 40));
                }

                reportDate = parsed;
            }

            string startFrom = request.Query["startFrom"].FirstOrDefault() ?? StartEmpty;
            if (startFrom is not (StartEmpty or StartFromPrevious))
            {
                errors.Add("startFrom", $"must be '{StartEmpty}' (a project without an update for the meeting gets an empty one to write) or " +
                    $"'{StartFromPrevious}' (its previous update's words, to edit).");
            }

            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            var outcome = await drafts.MakeAsync(new DraftAsk(kind, date, board, reportDate, startFrom == StartFromPrevious), ct);
            return Refusal(outcome, kind, date, board) ?? TypedResults.File(outcome.File!, DocxPackage.ContentType, outcome.FileName);
        });

    public Task<IResult> Put(HttpRequest request, string kind, string meetingDate) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Route(kind, meetingDate, out var date) is { } bad)
            {
                return bad;
            }

            if (QueryFlag.Read(request, "dryRun") is not { } dryRun)
            {
                return Problems.BadParameter("dryRun", "must be true or false.");
            }

            if (QueryFlag.Read(request, "allowDeletes") is not { } allowDeletes)
            {
                return Problems.BadParameter("allowDeletes", "must be true or false.");
            }

            var upload = await RequestBytes.ReadFileAsync(request, DocxPackage.ContentType, "a Word document (.docx): the draft you wrote in",
                DraftService.MaxUploadBytes, ct);
            if (upload.Problem is not null)
            {
                return upload.Problem;
            }

            var outcome = await drafts.ReadAsync(kind, date, upload.Content.ToArray(), allowDeletes, dryRun, ct);
            return Refusal(outcome, kind, date, null) ?? TypedResults.Ok(outcome.Result);
        });

    /// <summary>A Word paper's kind and a meeting date, or the problem naming which is wrong.</summary>
    private static IResult? Route(string kind, string meetingDate, out DateOnly date)
    {
        date = default;
        if (!PaperKinds.All.Contains(kind, StringComparer.Ordinal))
        {
            return Problems.NotFound($"Paper kind '{SafeText.Shorten(kind, 40)}'");
        }

        if (!PaperDefinitions.Get(kind).Format.IsWord)
        {
            return Problems.Invalid("kind", $"is {kind}, which is made as slides from the programme's data; drafts to write in are of the Word papers " +
                $"({string.Join(", ", PaperDefinitions.Word.Select(p => p.Kind))}). Write the updates the slides show in one of those.");
        }

        if (!InputDates.TryParse(meetingDate, out date))
        {
            return Problems.BadDateParameter("meetingDate", SafeText.Shorten(meetingDate, 40));
        }

        return null;
    }

    private IResult? Refusal(DraftOutcome outcome, string kind, DateOnly date, string? board)
    {
        if (PaperHandlers.FailureProblem(outcome.Failure, kind, date, board, outcome.Import, outcome.MissingImage, time) is { } failed)
        {
            return failed;
        }

        if (outcome.Errors is { } errors)
        {
            return outcome.TooLarge
                ? Problems.Problem(StatusCodes.Status413PayloadTooLarge, Problems.TooLargeType, "The draft is too large once decompressed.",
                    string.Join(" ", errors.ToDictionary().Values.SelectMany(v => v)))
                : Problems.Validation(errors, $"The draft has {errors.Count} problem(s); nothing was written. Each is listed in 'errors' under its region.");
        }

        if (outcome.Conflicts.Count > 0)
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Type = Problems.ConflictType,
                Title = "Someone changed what you wrote in since the draft was made.",
                Detail = $"Nothing was written. Changed since your draft was made: {string.Join("; ", outcome.Conflicts)}. Download a new draft, copy your " +
                    "words for these into it, and upload that.",
            };
            problem.Extensions["regions"] = outcome.Conflicts;
            return TypedResults.Problem(problem);
        }

        return null;
    }
}
