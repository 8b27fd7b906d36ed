using FactFunctions.Dates;
using FactFunctions.Http;
using FactFunctions.Storage;
using FactFunctions.Validation;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Programme;

/// <summary>The programme-data endpoints of api.md: projects, milestones, updates, indicators, standing text, import and export.</summary>
public sealed class ProgrammeHandlers(RequestPipeline pipeline, JsonBody body, ProgrammeStore store, ProgrammeImporter importer)
{
    public Task<IResult> ListProjects(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct => TypedResults.Ok(await store.ListProjectsAsync(ct)));

    public Task<IResult> GetProject(HttpRequest request, string projectId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadId("projectId", projectId) is { } bad)
            {
                return bad;
            }

            var project = await store.GetProjectAsync(projectId, ct);
            if (project is null)
            {
                return Problems.NotFound($"Project '{projectId}'");
            }

            HttpConditions.SetETag(request, project.ETag);
            return TypedResults.Ok(project);
        });

    public Task<IResult> PutProject(HttpRequest request, string projectId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("projectId", projectId) is { } bad)
            {
                return bad;
            }

            var input = await body.ReadValidAsync<ProjectFields>(request, (errors, value) => ProgrammeValidation.Project(errors, string.Empty, value), ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            var result = await store.PutProjectAsync(projectId, input.Value!, HttpConditions.From(request), ct);
            return await WriteAnswers.WrittenAsync(request, result, $"Project '{projectId}'", $"{Routes.BasePath}/projects/{projectId}", ct2 => store
                .GetProjectAsync(projectId, ct2), ct);
        });

    public Task<IResult> DeleteProject(HttpRequest request, string projectId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("projectId", projectId) is { } bad)
            {
                return bad;
            }

            var result = await store.DeleteProjectAsync(projectId, HttpConditions.From(request).IfMatch, ct);
            return WriteAnswers.Deleted(result, $"Project '{projectId}'");
        });

    public Task<IResult> PutMilestone(HttpRequest request, string projectId, string milestoneId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if ((Problems.BadId("projectId", projectId) ?? Problems.BadId("milestoneId", milestoneId)) is { } bad)
            {
                return bad;
            }

            MilestoneWindow? window = null;
            var input = await body.ReadValidAsync<MilestoneFields>(request, (errors, value) => window = ProgrammeValidation.Milestone(errors, string.Empty, value), ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            if (!await store.ProjectExistsAsync(projectId, ct))
            {
                return Problems.NotFound($"Project '{projectId}'");
            }

            if (input.Value!.BaselineDue is { } named &&
                BaselineDecision.Refusal(named, await store.StoredBaselineAsync(projectId, milestoneId, ct), projectId, milestoneId) is { } refusal)
            {
                return Problems.Invalid("baselineDue", refusal);
            }

            var result = await store.PutMilestoneAsync(projectId, milestoneId, input.Value!, window!.Value, HttpConditions.From(request), ct);
            if (result.Status == WriteStatus.ParentGone)
            {
                return Problems.NotFound($"Project '{projectId}'");
            }

            return await WriteAnswers.WrittenAsync(request, result, $"Milestone '{milestoneId}'", $"{Routes.BasePath}/projects/{projectId}/milestones/{milestoneId}",
                ct2 => store.GetMilestoneAsync(projectId, milestoneId, ct2), ct);
        });

    public Task<IResult> DeleteMilestone(HttpRequest request, string projectId, string milestoneId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if ((Problems.BadId("projectId", projectId) ?? Problems.BadId("milestoneId", milestoneId)) is { } bad)
            {
                return bad;
            }

            var result = await store.DeleteMilestoneAsync(projectId, milestoneId, HttpConditions.From(request).IfMatch, ct);
            return WriteAnswers.Deleted(result, $"Milestone '{milestoneId}' of project '{projectId}'");
        });

    public Task<IResult> ListMilestones(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            var query = request.Query;
            DateOnly? from = null, to = null;
            bool? overdue = null;
            if (query["dueFrom"].FirstOrDefault() is { } fromText)
            {
                if (!InputDates.TryParse(fromText, out var parsed))
                {
                    return Problems.BadDateParameter("dueFrom", fromText);
                }

                from = parsed;
            }

            if (query["dueTo"].FirstOrDefault() is { } toText)
            {
                if (!InputDates.TryParse(toText, out var parsed))
                {
                    return Problems.BadDateParameter("dueTo", toText);
                }

                to = parsed;
            }

            if (from > to)
            {
                return Problems.BadParameter("dueTo", "must not be before dueFrom.");
            }

            string? status = query["status"].FirstOrDefault();
            if (status is not null && !MilestoneStatus.All.Contains(status, StringComparer.Ordinal))
            {
                return Problems.BadParameter("status", $"must be one of {string.Join(", ", MilestoneStatus.All)}.");
            }

            if (query["overdue"].FirstOrDefault() is { } overdueText)
            {
                if (!bool.TryParse(overdueText, out bool parsed))
                {
                    return Problems.BadParameter("overdue", "must be true or false.");
                }

                overdue = parsed;
            }

            return TypedResults.Ok(await store.QueryMilestonesAsync(from, to, status, overdue, ct));
        });

    public Task<IResult> AddUpdate(HttpRequest request, string projectId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("projectId", projectId) is { } bad)
            {
                return bad;
            }

            var input = await body.ReadValidAsync<UpdateFields>(request, async (errors, value, ct2) =>
            {
                ProgrammeValidation.Update(errors, string.Empty, value);
                if (errors.IsEmpty)
                {
                    string field = value.Blocks is null && value.Paragraphs is not null ? "paragraphs" : "blocks";
                    await importer.CheckImagesAsync(errors, ProgrammeValidation.Numbered(field, value.Content), ct2);
                    await importer.CheckReferencesAsync(errors, projectId, value, field, ct2);
                }
            }, ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            if (!await store.ProjectExistsAsync(projectId, ct))
            {
                return Problems.NotFound($"Project '{projectId}'");
            }

            string updateId = $"{input.Value!.AsOf!.Value:yyyy-MM-dd}-{Guid.NewGuid():N}"[..19];
            var update = await store.AddUpdateAsync(projectId, updateId, input.Value, ct);
            if (update is null)
            {
                return Problems.NotFound($"Project '{projectId}'");
            }

            return TypedResults.Created($"{Routes.BasePath}/projects/{projectId}", update);
        });

    public Task<IResult> GetIndicator(HttpRequest request, string indicatorId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadId("indicatorId", indicatorId) is { } bad)
            {
                return bad;
            }

            var indicator = await store.GetIndicatorAsync(indicatorId, ct);
            if (indicator is null)
            {
                return Problems.NotFound($"Indicator '{indicatorId}'");
            }

            HttpConditions.SetETag(request, indicator.ETag);
            return TypedResults.Ok(indicator);
        });

    public Task<IResult> PutIndicator(HttpRequest request, string indicatorId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("indicatorId", indicatorId) is { } bad)
            {
                return bad;
            }

            var input = await body.ReadValidAsync<IndicatorFields>(request, async (errors, value, ct2) =>
            {
                ProgrammeValidation.Indicator(errors, string.Empty, value);
                if (errors.IsEmpty && value.ProjectId is { } projectId && !await store.ProjectExistsAsync(projectId, ct2))
                {
                    errors.Add("projectId", $"names project '{projectId}', which does not exist.");
                }
            }, ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            var result = await store.PutIndicatorAsync(indicatorId, input.Value!, HttpConditions.From(request), ct);
            return await WriteAnswers.WrittenAsync(request, result, $"Indicator '{indicatorId}'", $"{Routes.BasePath}/indicators/{indicatorId}",
                ct2 => store.GetIndicatorAsync(indicatorId, ct2), ct);
        });

    public Task<IResult> PutIndicatorValue(HttpRequest request, string indicatorId, string period) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("indicatorId", indicatorId) is { } bad)
            {
                return bad;
            }

            if (!Ids.IsPeriod(period))
            {
                return Problems.BadParameter("period", $"must be a year span like 2020-21 or a quarter like 2022-Q3 ({Ids.PeriodPattern}).");
            }

            var input = await body.ReadValidAsync<IndicatorValueFields>(request, (errors, value) => ProgrammeValidation.IndicatorValue(errors, string.Empty, value), ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            if (!await store.IndicatorExistsAsync(indicatorId, ct))
            {
                return Problems.NotFound($"Indicator '{indicatorId}'");
            }

            var result = await store.PutIndicatorValueAsync(indicatorId, period, input.Value!, HttpConditions.From(request), ct);
            return await WriteAnswers.WrittenAsync(request, result, $"Value {period} of indicator '{indicatorId}'", $"{Routes.BasePath}/indicators/{indicatorId}",
                async ct2 => (await store.GetIndicatorAsync(indicatorId, ct2))?.Values?.FirstOrDefault(v => v.Period == period), ct);
        });

    public Task<IResult> GetProgramme(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            var (text, etag) = await store.GetProgrammeTextAsync(ct);
            if (text is null)
            {
                return Problems.NotFound("The programme's standing text");
            }

            HttpConditions.SetETag(request, etag);
            return TypedResults.Ok(text);
        });

    public Task<IResult> PutProgramme(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            var input = await body.ReadValidAsync<ProgrammeText>(request, async (errors, value, ct2) =>
            {
                ProgrammeValidation.Text(errors, string.Empty, value);
                if (errors.IsEmpty)
                {
                    await importer.CheckImagesAsync(errors, ProgrammeValidation.TextBlocks(value), ct2);
                    await importer.CheckTextReferencesAsync(errors, value, string.Empty, null, ct2);
                }
            }, ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            var result = await store.PutProgrammeTextAsync(input.Value!, HttpConditions.From(request), ct);
            return await WriteAnswers.WrittenAsync(request, result, "The programme's standing text", $"{Routes.BasePath}/programme",
                async ct2 => (await store.GetProgrammeTextAsync(ct2)).Text, ct);
        });

    public Task<IResult> Import(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            var input = await body.ReadAsync<ProgrammeDocument>(request, ct);
            if (input.Problem is not null)
            {
                return input.Problem;
            }

            var errors = await importer.ValidateAsync(input.Value!, ct);
            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors, $"The document has {errors.Count} problem(s); nothing was written. Every one is listed in 'errors'.");
            }

            return TypedResults.Ok(await importer.ImportAsync(input.Value!, ct));
        });

    public Task<IResult> Export(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct => TypedResults.Ok(await importer.ExportAsync(ct)));
}
