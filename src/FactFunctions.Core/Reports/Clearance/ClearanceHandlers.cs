using System.Globalization;
using System.Text;
using FactFunctions.Http;
using FactFunctions.Links;
using FactFunctions.Reports.Publication;
using FactFunctions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FactFunctions.Reports.Clearance;

/// <summary>
/// <c>POST /api/reports/{id}/clearance</c> (the lead sends a version to its clearers), <c>GET /api/reports/{id}/review/{clearer}</c>
/// (the clearer's page, through the signed link in their e-mail) and <c>POST</c> to the same address (their answer, carrying
/// the token of the button pressed: no key, no cookie).
/// </summary>
public sealed class ClearanceHandlers(
    RequestPipeline pipeline, CallerAuthorizer authorizer, ClearanceService service, ClearanceToken tokens, PaperStore reports, SignedLinks links)
{
    /// <summary>Room for a comment of the longest length in any script (a CJK character is nine bytes once percent-encoded).</summary>
    public const int MaxAnswerBytes = 32 * 1024;

    public Task<IResult> Send(HttpRequest request, string reportId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("reportId", reportId) is { } bad)
            {
                return bad;
            }

            if (request.Query["resend"].FirstOrDefault() is not (null or "true" or "false"))
            {
                return Problems.BadParameter("resend", "must be true or false.");
            }

            var (result, failure, current) = await service.SendAsync(reportId, request.Query["resend"].FirstOrDefault() == "true", ct);
            return failure switch
            {
                ClearanceFailure.None => TypedResults.Ok(result),
                ClearanceFailure.NotFound => Problems.NotFound($"Report '{reportId}'"),
                ClearanceFailure.NoClearers => Problems.Problem(StatusCodes.Status409Conflict, Problems.PaperStatusType, "Nobody clears this paper.",
                    $"No board this paper is for names clearers of {current!.Kind} papers: add them to the board (PUT {Routes.BasePath}/boards/{{boardId}} " +
                    "with clearers), or approve the paper without clearance."),
                ClearanceFailure.WrongStatus => Problems.Problem(StatusCodes.Status409Conflict, Problems.PaperStatusType, $"The paper is {current!.Status}.",
                    current.Status == PaperStatus.Returned
                        ? "A returned version stays returned: generate the paper again and send the new version for clearance."
                        : "Only a version not yet approved is sent for clearance."),
                _ => Problems.Conflict("The paper kept changing while it was being sent; send the request again."),
            };
        });

    /// <summary>
    /// The review page. Through the clearer's signed link it has the two forms while the version waits for them; with a key
    /// it is shown without them, so nobody answers for a clearer but the clearer's own link.
    /// </summary>
    public Task<IResult> Review(HttpRequest request, string reportId, string clearer) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if ((Problems.BadId("reportId", reportId) ?? BadClearer(clearer)) is { } bad)
            {
                return bad;
            }

            if (await reports.GetAsync(reportId, ct) is not { } report || report.Clearance?.FirstOrDefault(e => e.Clearer == clearer) is not { } entry ||
                await reports.ContentAsync(report, ct) is not { } content)
            {
                return Problems.NotFound($"The review of report '{reportId}' by this clearer");
            }

            var expires = authorizer.PageLinkExpiry(request);
            string path = $"{Routes.BasePath}/reports/{reportId}";
            string ImageLink(int index) => links.Relative($"{path}/images/{index.ToString(CultureInfo.InvariantCulture)}", expires, scope: LinkScope.Everything);
            var body = PaperHtml.RenderBody(report.Kind, content.Content, report.Id, ImageLink).Body;
            var forms = authorizer.ThroughSignedLink(request) && entry.Answer is null && PaperStatus.TakesAnswers(report.Status)
                ? new ReviewForms($"{path}/review/{clearer}", expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                    tokens.Sign(reportId, clearer, ClearanceAnswers.ClearAction, expires), tokens.Sign(reportId, clearer, ClearanceAnswers.ReturnAction, expires))
                : null;
            string page = ReviewPage.Render(report, entry, body, await service.DeadlinesAsync(report, ct), forms,
                links.Relative($"{path}/content", expires, scope: LinkScope.Everything));
            return HtmlPage.Result(request, page, allowForms: true);
        });

    /// <summary>A clearer's answer: the token is the capability; a second answer changes nothing and says what was recorded.</summary>
    public Task<IResult> Answer(HttpRequest request, string reportId, string clearer) =>
        pipeline.RunAnonymousAsync(request, async ct =>
        {
            if ((Problems.BadId("reportId", reportId) ?? BadClearer(clearer)) is { } bad)
            {
                return bad;
            }

            var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
            if (mediaType is null || !string.Equals(mediaType.MediaType.Value, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ||
                (mediaType.Charset.HasValue && !string.Equals(mediaType.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)))
            {
                return Refuse(request, StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaTypeType, "Send the review page's form.",
                    "The answer is the form of the review page, sent as application/x-www-form-urlencoded in UTF-8.");
            }

            // Read at most the limit whatever the request says of its length (chunked bodies too), then parse what was read.
            var body = await RequestBytes.ReadAsync(request, MaxAnswerBytes, ct);
            if (body.Problem is not null)
            {
                return Refuse(request, StatusCodes.Status413PayloadTooLarge, Problems.TooLargeType, "The answer is too large.",
                    $"An answer is at most {MaxAnswerBytes / 1024} KB; a comment at most {ClearanceService.MaxComment} characters.");
            }

            Dictionary<string, StringValues> form;
            try
            {
                form = new FormReader(Encoding.UTF8.GetString(body.Content.Span)) { ValueCountLimit = 8, KeyLengthLimit = 32, ValueLengthLimit = MaxAnswerBytes }
                    .ReadForm();
            }
            catch (InvalidDataException)
            {
                return Refuse(request, StatusCodes.Status400BadRequest, Problems.MalformedType, "The answer could not be read.",
                    "Send the review page's form as it is: action, expires, token and, to return the paper, comment.");
            }

            var answer = new ReviewAnswer { Action = Single(form, "action"), Token = Single(form, "token"), Expires = Single(form, "expires"), Comment = Single(form, "comment") };
            var errors = new ValidationErrors();
            errors.OneOf("action", answer.Action, ClearanceAnswers.Actions);
            errors.Text("comment", answer.Comment, ClearanceService.MaxComment);
            errors.NoFormatCharacters("comment", answer.Comment);
            if (answer.Action == ClearanceAnswers.ReturnAction && string.IsNullOrWhiteSpace(answer.Comment))
            {
                errors.Add("comment", "is required to return the paper: say what needs to change.");
            }

            if (!errors.IsEmpty)
            {
                return HtmlPage.Wanted(request)
                    ? HtmlPage.Result(request, ReviewPage.Outcome("Your answer was not recorded.",
                        string.Join(" ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(" ", e.Value)}")) + " Go back, correct it and send it again."), 422)
                    : Problems.Validation(errors);
            }

            switch (tokens.Check(reportId, clearer, answer.Action!, answer.Expires, answer.Token))
            {
                case LinkCheck.Expired:
                    return Refuse(request, StatusCodes.Status401Unauthorized, Problems.UnauthorizedType, "This review link has expired.",
                        "Nothing was recorded. Ask the FACT programme lead for a new link: they resend the clearance e-mail " +
                        $"(POST {Routes.BasePath}/reports/{{id}}/clearance?resend=true).");
                case not LinkCheck.Valid:
                    return Refuse(request, StatusCodes.Status403Forbidden, Problems.ForbiddenType, "This answer is not valid for this paper.",
                        "Its token was made for another paper, version, clearer or button; nothing was recorded. Use the review link from your own e-mail.");
            }

            var (report, entry, failure) = await service.AnswerAsync(reportId, clearer, answer.Action!, answer.Comment, ct);
            return failure switch
            {
                ClearanceFailure.None => HtmlPage.Wanted(request)
                    ? HtmlPage.Result(request, ReviewPage.Outcome("Thank you: your answer is recorded.", ReviewPage.State(report!, entry!)))
                    : TypedResults.Ok(entry! with { Email = null }),
                ClearanceFailure.AlreadyAnswered => Refuse(request, StatusCodes.Status409Conflict, Problems.PaperStatusType, "You already answered this version.",
                    $"{ReviewPage.State(report!, entry!)} Nothing was changed."),
                ClearanceFailure.WrongStatus => Refuse(request, StatusCodes.Status409Conflict, Problems.PaperStatusType, "This version no longer takes answers.",
                    $"It is {PaperStatus.Label(report!.Status).ToLowerInvariant()}. Nothing was recorded."),
                ClearanceFailure.NotFound or ClearanceFailure.UnknownClearer => Refuse(request, StatusCodes.Status404NotFound, Problems.NotFoundType, "Not found.",
                    "This paper was not sent to this clearer."),
                _ => Refuse(request, StatusCodes.Status409Conflict, Problems.ConflictType, "The paper kept changing.", "Nothing was recorded; send your answer again."),
            };
        });

    private static string? Single(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>A clearer key is 16 lower-case hexadecimal digits (<see cref="ClearanceService.KeyOf"/>).</summary>
    private static IResult? BadClearer(string clearer) =>
        clearer.Length == 16 && clearer.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'))
            ? null
            : Problems.BadParameter("clearer", "must be the 16 hexadecimal digits of a review link.");

    private static IResult Refuse(HttpRequest request, int status, string type, string title, string detail) =>
        HtmlPage.Wanted(request) ? HtmlPage.Result(request, ReviewPage.Outcome(title, detail), status) : Problems.Problem(status, type, title, detail);
}
