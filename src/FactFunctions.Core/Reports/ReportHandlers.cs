using FactFunctions.Dates;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using FactFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FactFunctions.Reports;

public sealed record GenerateReportRequest
{
    public string? Kind { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public string? SnapshotId { get; init; }

    public DateOnly? ReportDate { get; init; }
}

/// <summary>The report, paper and template endpoints of api.md.</summary>
public sealed class ReportHandlers(RequestPipeline pipeline, JsonBody body, CallerAuthorizer authorizer, ReportService service, ReportStore reports, TemplateStore templates)
{
    public Task<IResult> Generate(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            var input = await body.ReadAsync<GenerateReportRequest>(request, ct);
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

            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors);
            }

            var (report, failure, import) = await service.GenerateAsync(
                new ReportRequest(value.Kind!, value.MeetingDate!.Value, value.SnapshotId, value.ReportDate, authorizer.Describe(request)), ct);
            switch (failure)
            {
                case ReportFailure.UnknownSnapshot:
                    return Problems.Invalid("snapshotId", $"names snapshot '{value.SnapshotId}', which does not exist.");
                case ReportFailure.ImportIncomplete:
                    return Problems.ImportIncomplete(import!);
            }

            return TypedResults.Created($"{Routes.BasePath}/reports/{report!.Id}", report);
        });

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

            return TypedResults.Ok(await reports.ListAsync(kind, meetingDate, ct));
        });

    public Task<IResult> Get(HttpRequest request, string reportId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (!Ids.IsSlug(reportId))
            {
                return Problems.BadParameter("reportId", $"must match {Ids.SlugPattern}.");
            }

            var report = await reports.GetAsync(reportId, ct);
            return report is null ? Problems.NotFound($"Report '{reportId}'") : TypedResults.Ok(report);
        });

    public Task<IResult> Content(HttpRequest request, string reportId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (!Ids.IsSlug(reportId))
            {
                return Problems.BadParameter("reportId", $"must match {Ids.SlugPattern}.");
            }

            var report = await reports.GetAsync(reportId, ct);
            var content = report is null ? null : await reports.ContentAsync(reportId, ct);
            if (report is null || content is null)
            {
                return Problems.NotFound($"Report '{reportId}'");
            }

            // The content never changes, so its hash is a strong ETag.
            return TypedResults.File(content.Value.Content, DocxPackage.ContentType, report.FileName, enableRangeProcessing: true,
                lastModified: content.Value.LastModified, entityTag: new EntityTagHeaderValue($"\"{report.Sha256}\""));
        });

    /// <summary>A plain page for officers: the latest paper for each board, then recent ones, with download links.</summary>
    public Task<IResult> Papers(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            var all = await reports.ListAsync(null, null, ct);
            string? code = request.Query[CallerAuthorizer.KeyQuery].FirstOrDefault();
            string Link(ReportMetadata r) =>
                $"{Routes.BasePath}/reports/{Uri.EscapeDataString(r.Id)}/content" + (code is null ? string.Empty : $"?{CallerAuthorizer.KeyQuery}={Uri.EscapeDataString(code)}");

            var html = HtmlEncoder.Default;
            var page = new StringBuilder();
            page.Append("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>FACT papers</title>\n<style>body{font-family:Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border:1px solid #888;padding:.4rem;text-align:left}th{background:#d9e2f3}</style>\n</head>\n<body>\n<main>\n")
                .Append("<h1>Families and Children’s Transformation (FACT) papers</h1>\n");
            foreach (string kind in PaperKinds.All)
            {
                page.Append("<section>\n<h2>").Append(html.Encode(PaperKinds.Committee(kind))).Append("</h2>\n");
                var latest = all.FirstOrDefault(r => r.Kind == kind);
                if (latest is null)
                {
                    page.Append("<p>No paper has been generated yet.</p>\n");
                }
                else
                {
                    page.Append("<p>Latest: <a href=\"").Append(html.Encode(Link(latest))).Append("\" download>")
                        .Append(html.Encode(latest.FileName)).Append("</a> for the meeting on ")
                        .Append(html.Encode(PaperComposer.LongDate(latest.MeetingDate))).Append(" (").Append(latest.Size.ToString("N0", CultureInfo.InvariantCulture)).Append(" bytes).</p>\n");
                }

                page.Append("</section>\n");
            }

            page.Append("<section>\n<h2>All papers</h2>\n");
            if (all.Count == 0)
            {
                page.Append("<p>None yet.</p>\n");
            }
            else
            {
                page.Append("<table>\n<caption>Generated papers, newest meeting first</caption>\n<thead><tr><th scope=\"col\">Board</th><th scope=\"col\">Meeting</th><th scope=\"col\">Paper</th><th scope=\"col\">Generated</th><th scope=\"col\">Snapshot</th></tr></thead>\n<tbody>\n");
                foreach (var report in all.Take(50))
                {
                    page.Append("<tr><td>").Append(html.Encode(PaperKinds.Committee(report.Kind)))
                        .Append("</td><td>").Append(html.Encode(PaperComposer.LongDate(report.MeetingDate)))
                        .Append("</td><td><a href=\"").Append(html.Encode(Link(report))).Append("\" download>").Append(html.Encode(report.FileName)).Append("</a>")
                        .Append("</td><td>").Append(html.Encode(report.CreatedAt.ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)))
                        .Append("</td><td>").Append(html.Encode(report.SnapshotId)).Append("</td></tr>\n");
                }

                page.Append("</tbody>\n</table>\n");
            }

            page.Append("</section>\n</main>\n</body>\n</html>\n");
            return TypedResults.Content(page.ToString(), "text/html; charset=utf-8");
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
            return TypedResults.File(bytes, DocxPackage.ContentType, $"FACT-{kind}-template-{info.Version}.docx", entityTag: new EntityTagHeaderValue($"\"{info.Sha256}\""));
        });

    public Task<IResult> PutTemplate(HttpRequest request, string kind) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (BadKind(kind) is { } bad)
            {
                return bad;
            }

            var upload = await RequestBytes.ReadFileAsync(request, DocxPackage.ContentType, "a .docx file", TemplateStore.MaxUploadBytes, ct);
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

            var info = await templates.UploadAsync(kind, upload.Content.ToArray(), ct);
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

    private static IResult? BadKind(string kind) =>
        PaperKinds.All.Contains(kind, StringComparer.Ordinal) ? null : Problems.BadParameter("kind", $"must be one of {string.Join(", ", PaperKinds.All)}.");
}
