using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Http;
using FactFunctions.Storage;
using Microsoft.AspNetCore.Http;

namespace FactFunctions.Programme.Workbook;

/// <summary>
/// <c>GET /api/programme.xlsx</c>: the programme as a workbook the lead can keep in Excel or LibreOffice Calc;
/// <c>PUT /api/programme.xlsx</c>: the edited workbook back, validated whole (every problem at once, by cell) before
/// anything is written, then applied with the JSON import's semantics and journal.
/// </summary>
public sealed class WorkbookHandlers(RequestPipeline pipeline, CallerAuthorizer authorizer, ProgrammeStore store, ProgrammeImporter importer, BoardStore boards,
    TimeProvider time)
{
    public Task<IResult> Get(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            var stateTask = store.ReadAllAsync(ct);
            var boardsTask = boards.ExportAsync(ct);
            await Task.WhenAll(stateTask, boardsTask);
            var now = time.GetUtcNow();
            string url = $"{request.Scheme}://{request.Host}{Routes.BasePath}/{Routes.ProgrammeWorkbook}";
            // Owners' addresses are for the programme lead; an officer's workbook leaves them out (an upload that does keeps the stored ones).
            var state = stateTask.Result;
            if (authorizer.Role(request) != FactRole.ProgrammeLead)
            {
                state = state with
                {
                    Outcomes = [.. state.MeetingOutcomes.Select(o => o with { Actions = o.Actions?.Select(a => a with { OwnerEmail = null }).ToList() })],
                };
            }

            byte[] workbook = WorkbookWriter.Write(ProgrammeWorkbook.Rows(state, boardsTask.Result, now, url), "FACT programme");
            return TypedResults.File(workbook, WorkbookLayout.ContentType, $"FACT-programme-{LondonTime.DateOf(now):yyyy-MM-dd}.xlsx");
        });

    public Task<IResult> Put(HttpRequest request) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (QueryFlag.Read(request, "dryRun") is not { } dryRun)
            {
                return Problems.BadParameter("dryRun", "must be true or false.");
            }

            if (QueryFlag.Read(request, "removeMissing") is not { } removeMissing)
            {
                return Problems.BadParameter("removeMissing", "must be true or false.");
            }

            var upload = await RequestBytes.ReadFileAsync(request, WorkbookLayout.ContentType, "an .xlsx workbook", WorkbookReader.MaxUploadBytes, ct);
            if (upload.Problem is not null)
            {
                return upload.Problem;
            }

            var content = WorkbookReader.Read(upload.Content.ToArray());
            if (content.TooLarge)
            {
                return Problems.Problem(StatusCodes.Status413PayloadTooLarge, Problems.TooLargeType, "The workbook is too large once decompressed.",
                    string.Join(" ", content.Errors.ToDictionary().Values.SelectMany(v => v)));
            }

            var errors = content.Errors;
            var workbook = ProgrammeWorkbook.FromWorkbook(content, errors);

            // The issues log and benefits live in the standing text: the text as stored, with the sheets' lists, replaces
            // it only if they differ and only if nobody changed the text since it was read here.
            var (storedText, textETag) = await store.GetProgrammeTextAsync(ct);
            var document = WorkbookChanges.SameText(storedText, workbook)
                ? workbook.Document
                : workbook.Document with { Programme = (storedText ?? new ProgrammeText()) with { IssueLog = workbook.IssueLog, Benefits = workbook.Benefits } };

            // So are the actions of board meetings, kept with each meeting's outcome.
            var stored = await store.ExportAsync(ct);
            if (!WorkbookChanges.SameActions(stored.Outcomes ?? [], workbook))
            {
                document = document with { Outcomes = ProgrammeWorkbook.MergeActions(stored.Outcomes ?? [], workbook.Actions, LondonTime.DateOf(time.GetUtcNow())) };
            }

            // The import's own rules too, on whatever could be read, so every problem comes back at once; a cell the
            // reader already refused is not reported twice.
            var refused = errors.ToDictionary().Keys.ToHashSet(StringComparer.Ordinal);
            foreach (var (field, messages) in (await importer.ValidateAsync(document, ct)).ToDictionary())
            {
                string cell = workbook.Locate(field);
                foreach (string message in refused.Contains(cell) ? [] : messages)
                {
                    errors.Add(cell, message);
                }
            }

            if (!errors.IsEmpty)
            {
                return Problems.Validation(errors, $"The workbook has {errors.Count} problem(s); nothing was written. Each is listed in 'errors' under its cell.");
            }

            var (result, removals) = WorkbookChanges.Compare(stored, workbook, dryRun, removeMissing);
            if (!dryRun)
            {
                // Written even when nothing differs: sending a workbook again is how an import cut short is completed.
                try
                {
                    await importer.ImportAsync(document, ct, removals, textETag is null ? new Precondition(null, true) : new Precondition(textETag, false));
                }
                catch (ProgrammeTextChangedException)
                {
                    return Problems.Problem(StatusCodes.Status409Conflict, Problems.ConflictType, "The standing text changed while the workbook was read.",
                        "Someone changed the programme's standing text (which holds the issues log and benefits) during this upload; nothing was " +
                        "written. Upload the workbook again.");
                }
            }

            return TypedResults.Ok(result);
        });
}
