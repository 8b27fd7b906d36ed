using System.Globalization;
using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Http;
using FactFunctions.Links;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Publication;
using FactFunctions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FactFunctions.Reports;

/// <summary>The report, paper and template endpoints of api.md.</summary>
public sealed class PaperHandlers(
    RequestPipeline pipeline, JsonBody body, CallerAuthorizer authorizer, PaperService service, PaperStore reports, TemplateStore templates,
    PublicationService publication, PaperAudience audience, Clearance.ClearanceService clearance, Programme.Outcomes.OutcomeStore outcomes, BoardStore boards,
    SignedLinks links, TimeProvider time)
{
    public Task<IResult> Generate(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            var input = await body.ReadAsync<GeneratePaperRequest>(request, ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            var value = input.Value!;
            var errors = new ValidationErrors();
            errors.OneOf("kind", value.Kind, PaperKinds.All);
            errors.Required("meetingDate", value.MeetingDate);
            errors.Date("meetingDate", value.MeetingDate);
            errors.Date("reportDate", value.ReportDate);
            if (value.SnapshotId is not null)
            {
                errors.Slug("snapshotId", value.SnapshotId);
            }

            if (value.Board is not null)
            {
                errors.Slug("board", value.Board);
            }

            if (value.IndicatorCharts == true && value.Kind is { } kind && PaperKinds.All.Contains(kind, StringComparer.Ordinal) && !PaperDefinitions.Get(kind).ChartsOnRequest)
            {
                errors.Add("indicatorCharts", $"is an option of the {string.Join(" and ", PaperDefinitions.All.Where(p => p.ChartsOnRequest)
                    .Select(p => p.Kind))} paper only; the {kind} paper does not take it.");
            }

            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            var (report, failure, import, missingImage) = await service.GenerateAsync(
                new GenerationRequest(value.Kind!, value.MeetingDate!.Value, value.SnapshotId, value.ReportDate, authorizer.Describe(request),
                    value.Board, value.IndicatorCharts == true), ct);
            if (failure == PaperFailure.UnknownSnapshot)
            {
                return Problems.Invalid("snapshotId", $"names snapshot '{value.SnapshotId}', which does not exist.");
            }

            if (FailureProblem(failure, value.Kind!, value.MeetingDate!.Value, value.Board, import, missingImage, time) is { } refused)
            {
                return refused;
            }

            return TypedResults.Created($"{Routes.BasePath}/reports/{report!.Id}", report);
        });

    /// <summary>Why a paper (or its draft) cannot be made now, as the problem answered; null for <see cref="PaperFailure.None"/>.</summary>
    public static IResult? FailureProblem(PaperFailure failure, string kind, DateOnly meetingDate, string? board, IncompleteImport? import, string? missingImage,
        TimeProvider time) => failure switch
        {
            PaperFailure.None => null,
            PaperFailure.ImportIncomplete => ImportRefusal.For(import!, time.GetUtcNow()),
            PaperFailure.NoBoardMeeting => Problems.Invalid(board is null ? "meetingDate" : "board", board is null
                ? $"is {meetingDate:yyyy-MM-dd}, and no board's meeting that day asks for a {kind} paper: set reportKind on the " +
                    $"meeting (PUT {Routes.BasePath}/boards/{{boardId}}/meetings/{{date}})."
                : $"names '{board}', which has no meeting on {meetingDate:yyyy-MM-dd} asking for a {kind} paper."),
            PaperFailure.AmbiguousBoard => Problems.Invalid("board",
                $"is required: more than one board's meeting on {meetingDate:yyyy-MM-dd} asks for a {kind} paper; name the board it is for."),
            PaperFailure.MissingImage => Problems.Problem(StatusCodes.Status409Conflict, Problems.ConflictType, "An image the paper shows is not stored.",
                $"An image block names image '{missingImage}', which has not been uploaded: PUT {Routes.BasePath}/images/{missingImage}, then generate the paper again."),
            _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown paper failure."),
        };

    public Task<IResult> List(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            string? kind = request.Query["kind"].FirstOrDefault();
            if (kind is not null && !PaperKinds.All.Contains(kind, StringComparer.Ordinal))
            {
                return Problems.BadParameter("kind", $"must be one of {string.Join(", ", PaperKinds.All)}.");
            }

            DateOnly? meetingDate = null;
            if (request.Query["meetingDate"].FirstOrDefault() is { } text)
            {
                if (!InputDates.TryParse(text, out var parsed))
                {
                    return Problems.BadDateParameter("meetingDate", text);
                }

                meetingDate = parsed;
            }

            return TypedResults.Ok((await reports.ListAsync(kind, meetingDate, ct)).Select(r => ForCaller(request, r)).ToList());
        });

    public Task<IResult> Get(HttpRequest request, string reportId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadId("reportId", reportId) is { } bad)
            {
                return bad;
            }

            var report = await reports.GetAsync(reportId, ct);
            return report is null ? Problems.NotFound($"Report '{reportId}'") : TypedResults.Ok(ForCaller(request, report));
        });

    public Task<IResult> Content(HttpRequest request, string reportId) =>
        WithContent(request, reportId, (report, content, lastModified) =>

            // The content never changes, so its hash is a strong ETag.
            TypedResults.File(content, report.ContentType, report.FileName, enableRangeProcessing: true,
                lastModified: lastModified, entityTag: new EntityTagHeaderValue($"\"{report.Sha256}\"")));

    /// <summary>
    /// The paper as accessible HTML, read from the published bytes. Its images are not inlined: each distinct image is one
    /// signed link to <see cref="Image"/> (with the scope and expiry of the caller's own link), so the page stays the size
    /// of its text whatever pictures the paper holds.
    /// </summary>
    public Task<IResult> Html(HttpRequest request, string reportId) =>
        WithContent(request, reportId, (report, content, _) =>
        {
            var scope = authorizer.ReadScope(request);
            var expires = authorizer.PageLinkExpiry(request);
            string ImageLink(int index) =>
                links.Relative($"{Routes.BasePath}/reports/{report.Id}/images/{index.ToString(CultureInfo.InvariantCulture)}", expires, scope: scope);
            string? late = report.LateReason is { } reason
                ? $"<p class=\"notice\"><strong>Published late:</strong> {HtmlPage.Encode(reason)}</p>\n"
                : null;
            return HtmlPage.Result(request, PaperHtml.Render(report.Kind, content, $"{PaperDefinitions.Get(report.Kind).Name}{(report.BoardName is { } board
                ? $" to the {board}" : string.Empty)} for {PaperComposer.LongDate(report.MeetingDate)}", ImageLink, late));
        });

    /// <summary>One image of a paper, as its HTML shows it: streamed from the stored .docx without loading the rest of it.</summary>
    public Task<IResult> Image(HttpRequest request, string reportId, string image) =>
        WithPaper(request, reportId, async (report, ct) =>
        {
            // One address per image: digits only, no leading zero.
            if (!int.TryParse(image, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index > PaperImages.MaxIndex || (image.Length > 1 && image[0] == '0'))
            {
                return Problems.BadParameter("image", $"must be a whole number from 0 to {PaperImages.MaxIndex}.");
            }

            var found = await reports.ImageAsync(report, index, new EntityTagHeaderValue($"\"{report.Sha256}-{index}\""), ct);
            return found is null ? Problems.NotFound($"Image {index} of report '{reportId}'") : found;
        });

    public Task<IResult> Approve(HttpRequest request, string reportId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("reportId", reportId) is { } bad)
            {
                return bad;
            }

            string? overrideReason = null;
            if (HasBody(request))
            {
                var input = await body.ReadAsync<ApproveRequest>(request, ct);
                if (input.Problem is not null)
                {
                    return input.Problem;
                }

                overrideReason = input.Value!.OverrideReason;
                var errors = new ValidationErrors();
                errors.Text("overrideReason", overrideReason, Clearance.ClearanceService.MaxComment);
                errors.NoFormatCharacters("overrideReason", overrideReason);
                if (!errors.IsEmpty)
                {
                    return Problems.Validation(errors);
                }
            }

            var (report, failure, outstanding) = await publication.ApproveAsync(reportId, authorizer.Describe(request), overrideReason, ct);
            return failure switch
            {
                PublicationFailure.None => TypedResults.Ok(ForCaller(request, report!)),
                PublicationFailure.NotFound => Problems.NotFound($"Report '{reportId}'"),
                PublicationFailure.WrongStatus => Problems.Problem(StatusCodes.Status409Conflict, Problems.PaperStatusType, $"The paper is {report!.Status}.",
                    "Only a paper not yet approved can be approved; a published or superseded paper stays as it is."),
                PublicationFailure.NotCleared => Problems.Problem(StatusCodes.Status409Conflict, Problems.PaperStatusType, "The paper is not cleared.",
                    $"Not cleared by: {string.Join(", ", outstanding)}. " + report!.Status switch
                    {
                        PaperStatus.Draft => $"Send it for clearance (POST {Routes.BasePath}/reports/{reportId}/clearance) and wait for their answers, or ",
                        PaperStatus.Returned => "It was returned (its clearance says why): generate it again and send the new version for clearance, or ",
                        _ => "Wait for their answers, or ",
                    } + "approve it with overrideReason saying why it goes without them (recorded and shown)."),
                _ => Problems.Conflict("The paper kept changing while it was being approved; send the request again."),
            };
        });

    public Task<IResult> Publish(HttpRequest request, string reportId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("reportId", reportId) is { } bad)
            {
                return bad;
            }

            string? reason = null;
            string? lateReason = null;
            if (HasBody(request))
            {
                var input = await body.ReadAsync<PublishRequest>(request, ct);
                if (input.Problem is not null)
                {
                    return input.Problem;
                }

                (reason, lateReason) = (input.Value!.Reason, input.Value.LateReason);
                var errors = new ValidationErrors();
                errors.Text("reason", reason);
                errors.Text("lateReason", lateReason, Clearance.ClearanceService.MaxComment);
                errors.NoFormatCharacters("lateReason", lateReason);
                if (!errors.IsEmpty)
                {
                    return Problems.Validation(errors);
                }
            }

            var (result, failure, current) = await publication.PublishAsync(reportId, authorizer.Describe(request), reason, lateReason, ct);
            return failure switch
            {
                PublicationFailure.None => TypedResults.Ok(result! with { Report = ForCaller(request, result.Report) }),
                PublicationFailure.NotFound => Problems.NotFound($"Report '{reportId}'"),
                PublicationFailure.NotApproved => Problems.Problem(StatusCodes.Status409Conflict, Problems.PaperStatusType, "The paper is not approved.",
                    (Clearance.ClearanceService.Outstanding(current!, await clearance.RequiredAsync(current!, ct)) is { Count: > 0 } outstanding
                        ? $"It is {PaperStatus.Label(current!.Status).ToLowerInvariant()}; not cleared by: {string.Join(", ", outstanding)}. "
                        : string.Empty) +
                    $"Approve it first (POST {Routes.BasePath}/reports/{reportId}/approve); only an approved paper can be published."),
                PublicationFailure.WrongStatus => Problems.Problem(StatusCodes.Status409Conflict, Problems.PaperStatusType, "The paper has been superseded.",
                    "A superseded paper cannot be published again; generate, approve and publish a new one."),
                PublicationFailure.NoBoardToTell => Problems.Problem(StatusCodes.Status409Conflict, Problems.PaperStatusType, "No board meets for this paper.",
                    $"No board meets on {PaperComposer.LongDate(current!.MeetingDate)} asking for this paper (its meeting may have been deleted), so publishing " +
                    "it would tell nobody. Put the meeting back, or generate the paper for the meeting it is for; the paper stays approved."),
                PublicationFailure.ReasonRequired => Problems.Invalid("reason",
                    $"is required: the paper generated {PapersPage.When(current?.CreatedAt ?? default)} is already published for this meeting; say why this one replaces it."),
                PublicationFailure.LateReasonRequired => Problems.Invalid("lateReason",
                    $"is required: the publication deadline of the meeting on {PaperComposer.LongDate(current!.MeetingDate)} has passed, so this paper is a late " +
                    "item; say why it is published late (the reason is printed with it and told to members)."),
                _ => Problems.Conflict("Other publications for this meeting kept changing it; send the request again."),
            };
        });

    /// <summary>What each paper's meeting resolved, by the boards the paper is for (the rule publication uses).</summary>
    private async Task<Dictionary<PaperMeeting, IReadOnlyList<(string Board, IReadOnlyList<string> Lines)>>> ResolutionsAsync(
        IReadOnlyList<PaperMetadata> papers, CancellationToken ct)
    {
        var recorded = await outcomes.ListAsync(ct);
        var found = new Dictionary<PaperMeeting, IReadOnlyList<(string, IReadOnlyList<string>)>>();
        if (recorded.Count == 0)
        {
            return found;
        }

        var all = await boards.ListBoardsAsync(ct);
        var meetings = await boards.ListMeetingsAsync(null, ct);
        foreach (var group in papers.GroupBy(PaperMeeting.Of))
        {
            var paperBoards = PaperAudience.BoardsOf(group.First(), all, meetings);
            found[group.Key] = [.. paperBoards.SelectMany(b => recorded.Where(o => o.Board == b.Id && o.Date == group.Key.MeetingDate)
                .Select(o => (b.Name ?? b.Id, Programme.Outcomes.OutcomeText.Lines(o.Resolution))))];
        }

        return found;
    }

    private static bool HasBody(HttpRequest request) => request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0;

    /// <summary>Clearers' addresses are for the programme lead; officers see who cleared, what and when.</summary>
    private PaperMetadata ForCaller(HttpRequest request, PaperMetadata report) =>
        authorizer.Role(request) == FactRole.ProgrammeLead || report.Clearance is null
            ? report
            : report with { Clearance = [.. report.Clearance.Select(e => e with { Email = null })] };

    /// <summary>The papers page for officers and members, reached with a key or through a signed link.</summary>
    public Task<IResult> GetPapersPage(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            int page = 1;
            if (request.Query["page"].FirstOrDefault() is { } text &&
                (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            {
                return Problems.BadParameter("page", "must be a whole number from 1.");
            }

            // A member's link (from an e-mail or a calendar) sees what was published to its board; a key sees every
            // version of every board's papers, and the links its page makes keep that scope.
            var scope = authorizer.ReadScope(request);
            var all = await reports.ListAsync(null, null, ct);
            if (!scope.EveryVersion)
            {
                all = [.. all.Where(p => PaperStatus.WasPublished(p.Status))];
            }

            if (scope.Board is { } board)
            {
                var forBoard = await audience.ForBoardAsync(board, ct);
                all = [.. all.Where(forBoard)];
            }

            int pages = PapersPage.PageCount(all);
            if (page > pages)
            {
                return Problems.BadParameter("page", $"must be from 1 to {pages}.");
            }

            // Links on the page expire with the link that opened it, so following them never extends access.
            var expires = authorizer.PageLinkExpiry(request);
            string Link(string path, int? number) => links.Relative(path, expires,
                number is { } n ? new Dictionary<string, string> { ["page"] = n.ToString(CultureInfo.InvariantCulture) } : null, scope);
            var resolutions = await ResolutionsAsync(all, ct);
            return HtmlPage.Result(request, PapersPage.Render(all, page, Link, internalHistory: scope.EveryVersion, meeting => resolutions.GetValueOrDefault(meeting) ?? []));
        });

    public Task<IResult> GetTemplate(HttpRequest request, string kind) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (BadKind(kind) is { } bad)
            {
                return bad;
            }

            var (bytes, info) = await templates.CurrentAsync(kind, ct);
            request.HttpContext.Response.Headers["X-Template-Version"] = info.Version;
            var format = PaperDefinitions.Get(kind).Format;
            return TypedResults.File(bytes, format.ContentType, $"FACT-{kind}-template-{info.Version}.{format.Extension}",
                entityTag: new EntityTagHeaderValue($"\"{info.Sha256}\""));
        });

    public Task<IResult> PutTemplate(HttpRequest request, string kind) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (BadKind(kind) is { } bad)
            {
                return bad;
            }

            var format = PaperDefinitions.Get(kind).Format;
            var upload = await RequestBytes.ReadFileAsync(request, format.ContentType, format.Description, TemplateStore.MaxUploadBytes, ct);
            if (upload.Problem is not null)
            {
                return upload.Problem;
            }

            var validation = TemplateValidator.Validate(kind, upload.Content.ToArray());
            if (validation.TooLarge)
            {
                return Problems.Problem(StatusCodes.Status413PayloadTooLarge, Problems.TooLargeType, "The template is too large once decompressed.",
                    string.Join(" ", validation.Errors.ToDictionary().Values.SelectMany(v => v)));
            }

            if (!validation.Errors.IsEmpty)
            {
                return Problems.Validation(validation.Errors, "The template cannot be used; the template in use is unchanged. Every problem is listed in 'errors'.");
            }

            var info = await templates.UploadAsync(kind, validation.Usable ?? upload.Content.ToArray(), ct);
            return TypedResults.Ok(info);
        });

    public Task<IResult> DeleteTemplate(HttpRequest request, string kind) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (BadKind(kind) is { } bad)
            {
                return bad;
            }

            await templates.RevertAsync(kind, ct);
            return TypedResults.NoContent();
        });

    /// <summary>
    /// Reads a stored paper's metadata (officer role, or a signed link) and answers from it. Through a member's link a
    /// paper that was never published, or was not published to the link's board, does not exist, whoever signed a link to it.
    /// </summary>
    private Task<IResult> WithPaper(HttpRequest request, string reportId, Func<PaperMetadata, CancellationToken, Task<IResult>> answer) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadId("reportId", reportId) is { } bad)
            {
                return bad;
            }

            var report = await reports.GetAsync(reportId, ct);
            var scope = authorizer.ReadScope(request);
            if (report is not null && !scope.EveryVersion && !PaperStatus.WasPublished(report.Status))
            {
                report = null;
            }

            if (report is not null && scope.Board is { } board && !await audience.ReachesAsync(report, board, ct))
            {
                report = null;
            }

            return report is null ? Problems.NotFound($"Report '{reportId}'") : await answer(report, ct);
        });

    /// <summary>As <see cref="WithPaper"/>, answering from the paper's bytes too.</summary>
    private Task<IResult> WithContent(HttpRequest request, string reportId, Func<PaperMetadata, byte[], DateTimeOffset, IResult> answer) =>
        WithPaper(request, reportId, async (report, ct) => await reports.ContentAsync(report, ct) is { } content
            ? answer(report, content.Content, content.LastModified)
            : Problems.NotFound($"Report '{reportId}'"));

    private static IResult? BadKind(string kind) =>
        PaperKinds.All.Contains(kind, StringComparer.Ordinal) ? null : Problems.BadParameter("kind", $"must be one of {string.Join(", ", PaperKinds.All)}.");
}
