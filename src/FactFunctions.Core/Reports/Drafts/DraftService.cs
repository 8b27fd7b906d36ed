using DocumentFormat.OpenXml.Packaging;
using FactFunctions.Boards;
using FactFunctions.Dates;
using FactFunctions.Images;
using FactFunctions.Programme;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using FactFunctions.Storage;
using FactFunctions.Validation;
using Microsoft.Extensions.Logging;

namespace FactFunctions.Reports.Drafts;

/// <summary>
/// The paper's words written in Word. A draft is the paper as it would be generated now, with each region whose words come
/// from the narrative in an editable control between hidden markers, computed content locked, and its provenance in a
/// document property (<see cref="DraftProvenance"/>). An upload is read as untrusted: inspected as a template is, taken
/// apart by its markers, each region read back into blocks (<see cref="BlockReader"/>) and compared with what the lead
/// saw and what is stored now; the changed regions are applied through the import's journal, or nothing is.
/// </summary>
public sealed partial class DraftService(PaperService papers, BoardStore boards, ProgrammeStore store, ProgrammeImporter importer, ImageStore images,
    TimeProvider time, ILogger<DraftService> logger)
{
    /// <summary>The largest upload: a draft with a dozen pasted screenshots.</summary>
    public const int MaxUploadBytes = 24 * 1024 * 1024;

    /// <summary>The most an upload may expand to (pictures count in full).</summary>
    public const long MaxExpandedBytes = 64L * 1024 * 1024;

    /// <summary>The problems told per region: a pasted table of a thousand bad rows is a few lines of answer, not a thousand.</summary>
    private const int MaxProblemsPerRegion = 20;

    /// <summary>
    /// The most a region is read with: far beyond any paper's section (the seed paper's longest has about 40 paragraphs
    /// and 600 parts), and small enough that no way of writing them makes reading slow.
    /// </summary>
    private const int MaxElementsPerRegion = 2_000;

    private const int MaxNodesPerRegion = 60_000;

    /// <summary>One draft is applied at a time in this process (<see cref="ChangedSinceReadAsync"/>).</summary>
    private readonly SemaphoreSlim applying = new(1, 1);

    private const string TextConflict = "the programme's standing text (someone saved it while this draft was read)";

    private const string OutsideWhy = "Text outside the regions you write in is made from the programme's data and is not read back; write it in an editable region.";

    /// <summary>A draft's bytes, or why not.</summary>
    public async Task<DraftOutcome> MakeAsync(DraftAsk ask, CancellationToken ct)
    {
        var reportDate = ask.ReportDate ?? LondonTime.DateOf(time.GetUtcNow());
        var made = await CurrentAsync(ask.Kind, ask.MeetingDate, ask.Board, reportDate, ask.StartFromPrevious, since: null, sinceKnown: false, ct);
        if (made.Draft is not { } draft)
        {
            return made.Failure;
        }

        var provenance = new DraftProvenance
        {
            Kind = ask.Kind,
            MeetingDate = ask.MeetingDate,
            Board = draft.Request.Board?.Id,
            ReportDate = reportDate,
            StartFromPrevious = ask.StartFromPrevious,
            UpdatesSince = draft.Request.Draft!.UpdatesSince,
            MadeAt = time.GetUtcNow(),
            Regions = [.. draft.Layout.Regions.Select(r => new DraftRegionState(r.Id, r.Place.Numbered, r.Place.SubheadingLevel, draft.Hashes[r.Id])
            {
                Title = r.Title,
                Placeholder = r.Placeholder,
            })],
            Bookmarks = draft.Bookmarks,
            Outside = DraftBlocks.Hash(draft.Segments.SelectMany(s => s.Value)),
        };

        using var output = new MemoryStream();
        output.Write(draft.Bytes);
        using (var document = WordprocessingDocument.Open(output, isEditable: true))
        {
            provenance.WriteTo(document);
        }

        LogMade(logger, ask.Kind, ask.MeetingDate, draft.Layout.Regions.Count);
        return new DraftOutcome { File = output.ToArray(), FileName = $"Draft-{ask.Kind}-{ask.MeetingDate:yyyy-MM-dd}.docx" };
    }

    /// <summary>An edited draft read back: the changes applied (unless <paramref name="dryRun"/>), or why nothing was.</summary>
    public async Task<DraftOutcome> ReadAsync(string kind, DateOnly meetingDate, byte[] upload, bool allowDeletes, bool dryRun, CancellationToken ct)
    {
        var inspection = TemplateInspector.Inspect(upload, PaperFormat.Word, MaxExpandedBytes);
        if (!inspection.Safe)
        {
            return DraftOutcome.Invalid("body", inspection.Problems.Select(AsDraft), inspection.TooLarge);
        }

        WordprocessingDocument document;
        MainDocumentPart main;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(upload, writable: false), isEditable: false);

            // The SDK loads parts when first asked for them: a part the package names but lacks, or one that is not what
            // it claims, fails here rather than half-way through the reading.
            main = document.MainDocumentPart ?? throw new InvalidDataException("no main document part");
            _ = main.Document?.Body;
            _ = main.StyleDefinitionsPart?.Styles;
            _ = main.NumberingDefinitionsPart?.Numbering;
            _ = document.CustomFilePropertiesPart?.Properties;
            _ = main.WordprocessingCommentsPart?.Comments;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException or ArgumentException
            or InvalidOperationException)
        {
            return DraftOutcome.Invalid("body", ["cannot be read as a Word document: a part it names is missing, or is not what it claims to be. " +
                "Save it again as .docx from Word or LibreOffice."]);
        }

        using (document)
        {
            var (provenance, problem) = DraftProvenance.ReadFrom(document);
            if (provenance is null)
            {
                return DraftOutcome.Invalid("body", [problem!]);
            }

            if (provenance.Kind != kind || provenance.MeetingDate != meetingDate)
            {
                return DraftOutcome.Invalid("body", [$"is the draft of the {provenance.Kind} paper for {provenance.MeetingDate:yyyy-MM-dd}: send it to " +
                    $"{Http.Routes.BasePath}/drafts/{provenance.Kind}/{provenance.MeetingDate:yyyy-MM-dd}."]);
            }

            var read = ReadUpload(main, provenance);
            if (read.Errors is not null)
            {
                return new DraftOutcome { Errors = read.Errors };
            }

            // Regions the lead left alone are never compared with the programme now: a draft with none changed, inside
            // or out, is answered from the file alone.
            var titles = provenance.Regions.ToDictionary(r => r.Id, r => r.Title ?? r.Id, StringComparer.Ordinal);
            if (provenance.Regions.All(r => read.Blocks.TryGetValue(r.Id, out var blocks) && DraftBlocks.Hash(blocks) == r.Hash)
                && DraftBlocks.Hash(read.Document.Segments.SelectMany(s => s.Value)) == provenance.Outside)
            {
                return new DraftOutcome { Result = new DraftResult(dryRun, false, provenance.Regions.Count, provenance.Regions.Count, [], Comments(document, read, titles)) };
            }

            // The text's version before the programme is read: if it changes after, the write's precondition refuses it.
            var (storedText, textETag) = await store.GetProgrammeTextAsync(ct);
            var current = await CurrentAsync(kind, meetingDate, provenance.Board, provenance.ReportDate, provenance.StartFromPrevious, provenance.UpdatesSince,
                sinceKnown: true, ct);
            if (current.Draft is not { } now)
            {
                return current.Failure;
            }

            read = ReadUpload(main, provenance, now);
            if (read.Errors is not null)
            {
                return new DraftOutcome { Errors = read.Errors };
            }

            var plan = Plan(provenance, now, read, allowDeletes);
            if (plan.Errors is not null || plan.Conflicts.Count > 0)
            {
                return new DraftOutcome { Errors = plan.Errors, Conflicts = plan.Conflicts };
            }

            var ignored = Ignored(provenance, now, read);
            ignored.AddRange(Comments(document, read, titles));
            if (plan.Changes.Count == 0)
            {
                return new DraftOutcome { Result = new DraftResult(dryRun, false, provenance.Regions.Count, provenance.Regions.Count, [], ignored) };
            }

            var apply = await BuildAsync(plan, now, storedText ?? new ProgrammeText(), read.Images, ct);
            if (apply.Errors is not null)
            {
                return new DraftOutcome { Errors = apply.Errors };
            }

            bool applied = false;
            if (!dryRun && plan.Changes.Count > 0)
            {
                // One draft applies at a time in this process, and each checks first that nothing it replaces changed
                // since it was read: a second upload of the same update waits, then finds the first one's words and
                // is refused. The standing text is also guarded by its version in the import itself.
                await applying.WaitAsync(ct);
                try
                {
                    if (await ChangedSinceReadAsync(apply, now, textETag, ct) is { } changed)
                    {
                        return new DraftOutcome { Conflicts = [changed] };
                    }

                    // Pictures go first, so no update names one not stored.
                    foreach (var (id, content, file) in apply.NewImages)
                    {
                        await images.PutAsync(id, content, file, ct);
                    }

                    await importer.ImportAsync(apply.Document, ct, null, apply.TextChanged ? new Precondition(textETag, textETag is null) : default,
                        apply.RemovedUpdates, projectRows: false);
                }
                catch (ProgrammeTextChangedException)
                {
                    return new DraftOutcome { Conflicts = [TextConflict] };
                }
                finally
                {
                    applying.Release();
                }

                applied = true;
                LogApplied(logger, kind, meetingDate, plan.Changes.Count);
            }

            var changes = plan.Changes.Select(c => c.Change).ToList();
            return new DraftOutcome
            {
                Result = new DraftResult(dryRun, applied, provenance.Regions.Count, provenance.Regions.Count - changes.Count, changes, ignored),
            };
        }
    }

    /// <summary>The inspection speaks of templates; an upload here is a draft.</summary>
    private static string AsDraft(string problem) => problem
        .Replace("templates may", "a draft may", StringComparison.Ordinal)
        .Replace("templates must", "a draft must", StringComparison.Ordinal)
        .Replace("save the template again", "save the draft again", StringComparison.Ordinal)
        .Replace("save the template as", "save it as", StringComparison.Ordinal);

    // ---- making a draft -----------------------------------------------------------------------------------------

    /// <summary>A draft as made now: its bytes, regions and request, each region's blocks as read back and their hashes, the text outside, the bookmarks.</summary>
    private sealed record MadeDraft(byte[] Bytes, DraftLayout Layout, PaperRequest Request, IReadOnlyDictionary<string, IReadOnlyList<Block>> Blocks,
        IReadOnlyDictionary<string, string> Hashes, IReadOnlyList<KeyValuePair<string, List<DraftLine>>> Segments, IReadOnlyDictionary<string, string> Bookmarks);

    private sealed record Made(MadeDraft? Draft, DraftOutcome Failure);

    /// <summary>The draft the programme gives now, with each region's blocks read back from it as an upload would read them.</summary>
    /// <remarks>
    /// <paramref name="sinceKnown"/>: the day after which updates count for the meeting is the one given, even none (an
    /// upload is compared with the draft as it was made, not with one a paper generated since would make).
    /// </remarks>
    private async Task<Made> CurrentAsync(string kind, DateOnly meetingDate, string? board, DateOnly reportDate, bool startFromPrevious, DateOnly? since,
        bool sinceKnown, CancellationToken ct)
    {
        var (prepared, failure, import, missing) = await papers.PrepareCurrentAsync(new GenerationRequest(kind, meetingDate, null, reportDate, null, board), ct);
        if (prepared is null)
        {
            return new Made(null, new DraftOutcome { Failure = failure, Import = import, MissingImage = missing });
        }

        if (!sinceKnown)
        {
            since = await SinceAsync(prepared, ct);
        }

        var request = prepared.Request with { Draft = new DraftSettings(startFromPrevious, since) };
        var fields = PaperDefinitions.GetWord(kind).Compose(request);
        var layout = fields.Package.Draft!;
        byte[] bytes = PaperRenderer.Render(prepared.Template, fields);

        var bookmarks = BlockIds(request.Snapshot.State);
        string? BlockIdOf(string bookmark) => bookmarks.GetValueOrDefault(bookmark);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), isEditable: false);
        var main = document.MainDocumentPart!;
        var taken = DraftDocument.Read(main);
        // A restyled template may put a narrative control where a draft cannot mark it (inside a table, in a run, twice).
        var misplaced = layout.Regions.Where(r => taken.Regions.Count(s => s.Id == r.Id) != 1).Select(r => r.Title).ToList();
        if (taken.Problems.Count > 0 || misplaced.Count > 0)
        {
            return new Made(null, DraftOutcome.Invalid("template", [$"The {kind} template in use cannot make a draft: it places " +
                $"{string.Join(", ", misplaced.DefaultIfEmpty("a section"))} where a draft cannot mark it (inside a table or a line, or twice). " +
                "Put each narrative control on its own in the body of the template, or go back to the built-in one."]));
        }

        var blocks = new Dictionary<string, IReadOnlyList<Block>>(StringComparer.Ordinal);
        foreach (var region in layout.Regions)
        {
            var span = taken.Regions.FirstOrDefault(s => s.Id == region.Id);
            var reader = new BlockReader(main, region.Place, BlockIdOf);
            blocks[region.Id] = span is null ? [] : reader.Read(WithoutPlaceholder(span, region.Placeholder));
        }

        // The bookmarks the draft holds that name blocks: what an upload resolves its cross-references by.
        var held = main.Document!.Descendants<DocumentFormat.OpenXml.Wordprocessing.BookmarkStart>().Select(b => b.Name?.Value).OfType<string>()
            .Where(bookmarks.ContainsKey).Distinct(StringComparer.Ordinal).ToDictionary(b => b, b => bookmarks[b], StringComparer.Ordinal);
        var hashes = blocks.ToDictionary(b => b.Key, b => DraftBlocks.Hash(b.Value), StringComparer.Ordinal);
        return new Made(new MadeDraft(bytes, layout, request, blocks, hashes, taken.Segments, held), new DraftOutcome());
    }

    /// <summary>
    /// The day after which an update counts as written for this meeting: the later of the board's previous paper of the
    /// kind and its previous meeting (for a paper to several boards, the previous meeting of any board of the kind).
    /// </summary>
    private async Task<DateOnly?> SinceAsync(PreparedPaper prepared, CancellationToken ct)
    {
        var request = prepared.Request;
        var dates = new List<DateOnly>();
        if (prepared.Previous is { } previous)
        {
            dates.Add(previous.MeetingDate);
        }

        if (request.Board is { } board)
        {
            dates.AddRange(board.PreviousMeeting is { } day ? [day] : []);
        }
        else
        {
            var ofKind = (await boards.ListBoardsAsync(ct)).Where(b => b.Kind == request.Kind).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            dates.AddRange((await boards.ListMeetingsAsync(null, ct))
                .Where(m => m.Date < request.MeetingDate && (m.ReportKind == request.Kind || ofKind.Contains(m.BoardId)))
                .Select(m => m.Date));
        }

        return dates.Count == 0 ? null : dates.Max();
    }

    /// <summary>The bookmark a REF field names → the block id it was made from, for every block id in the programme.</summary>
    private static Dictionary<string, string> BlockIds(ProgrammeState state) =>
        state.Blocks()
            .Where(b => b.Id is not null)
            .Select(b => b.Id!)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(PaperPackage.Bookmark, id => id, StringComparer.Ordinal);

    /// <summary>
    /// A region's paragraphs and tables without the words it shows when empty: Word keeps them marked as a placeholder,
    /// LibreOffice keeps only the words, and a lead may write below them without deleting them.
    /// </summary>
    private static IEnumerable<DocumentFormat.OpenXml.OpenXmlElement> WithoutPlaceholder(DraftSpan span, string? placeholder)
    {
        if (placeholder is null)
        {
            return span.Elements;
        }

        string words = DraftDocument.Normal(placeholder);
        return span.Elements.Where(e => !(e is DocumentFormat.OpenXml.Wordprocessing.Paragraph && DraftDocument.Plain([e]) == words));
    }

    // ---- reading an upload --------------------------------------------------------------------------------------

    private sealed record UploadRead(DraftDocument Document, IReadOnlyDictionary<string, IReadOnlyList<Block>> Blocks,
        IReadOnlyDictionary<string, (byte[] Content, string ContentType)> Images, ValidationErrors? Errors);

    /// <summary>
    /// The upload's regions read into blocks as the draft placed them (its provenance says how, with the words an empty
    /// region shows and the bookmarks that name blocks): nothing here needs the programme as it is now.
    /// </summary>
    /// <remarks>
    /// Given the draft as the programme makes it now (<paramref name="now"/>), its places, placeholders and bookmarks
    /// are used instead of the file's for every region it still has: a property edited by hand can then only make a
    /// region read as changed (and so be compared with now), never rewrite one the lead left alone.
    /// </remarks>
    private static UploadRead ReadUpload(MainDocumentPart main, DraftProvenance provenance, MadeDraft? now = null)
    {
        var bookmarks = now?.Bookmarks ?? provenance.Bookmarks ?? new Dictionary<string, string>();
        var errors = new ValidationErrors();
        var taken = DraftDocument.Read(main);
        foreach (string problem in taken.Problems.Distinct())
        {
            errors.Add("body", problem);
        }

        var known = provenance.Regions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var blocks = new Dictionary<string, IReadOnlyList<Block>>(StringComparer.Ordinal);
        var pictures = new Dictionary<string, (byte[] Content, string ContentType)>(StringComparer.Ordinal);
        foreach (var span in taken.Regions)
        {
            string field = $"regions.{span.Id}";
            if (!known.TryGetValue(span.Id, out var state))
            {
                errors.Add(field, "is not a region of this draft: it was copied from another one. Delete it, or write its words in this draft's own region.");
                continue;
            }

            var region = now?.Layout.Regions.FirstOrDefault(r => r.Id == span.Id);
            string title = region?.Title ?? state.Title ?? span.Id;
            if (span.Elements.Count > MaxElementsPerRegion || span.Elements.Sum(e => e.Descendants().Count()) > MaxNodesPerRegion)
            {
                errors.Add(field, $"{title}: holds more than a paper's region can ({MaxElementsPerRegion:N0} paragraphs and tables, " +
                    $"{MaxNodesPerRegion:N0} runs, links and other parts); split it over several papers.");
                continue;
            }

            var reader = new BlockReader(main, region?.Place ?? new BlockPlace(state.Numbered, state.SubheadingLevel), b => bookmarks.GetValueOrDefault(b));
            var read = reader.Read(WithoutPlaceholder(span, region?.Placeholder ?? state.Placeholder));
            foreach (string problem in reader.Problems.Take(MaxProblemsPerRegion))
            {
                errors.Add(field, $"{title}, {problem}");
            }

            if (reader.Problems.Count > MaxProblemsPerRegion)
            {
                errors.Add(field, $"{title}: and {reader.Problems.Count - MaxProblemsPerRegion} more problems like these.");
            }

            blocks[span.Id] = read;
            foreach (var (id, picture) in reader.Images)
            {
                pictures[id] = picture;
            }
        }

        return new UploadRead(taken, blocks, pictures, errors.IsEmpty ? null : errors);
    }

    private sealed record PlannedChange(string RegionId, IReadOnlyList<Block>? Blocks, DraftChange Change);

    private sealed record DraftPlan(IReadOnlyList<PlannedChange> Changes, IReadOnlyList<string> Conflicts, ValidationErrors? Errors);

    /// <summary>
    /// Per region: unchanged when the upload holds what the lead was given; a conflict when the lead changed it and so
    /// did someone else since; a deletion only when allowed; otherwise a change.
    /// </summary>
    private static DraftPlan Plan(DraftProvenance provenance, MadeDraft now, UploadRead read, bool allowDeletes)
    {
        var errors = new ValidationErrors();
        var conflicts = new List<string>();
        var changes = new List<PlannedChange>();
        foreach (var state in provenance.Regions)
        {
            var region = now.Layout.Regions.FirstOrDefault(r => r.Id == state.Id);
            string title = region?.Title ?? state.Title ?? state.Id;
            bool stillThere = now.Blocks.TryGetValue(state.Id, out var stored);
            bool changedSince = !stillThere || now.Hashes[state.Id] != state.Hash;
            bool isNew = state.Id.StartsWith(DraftRegion.NewUpdatePrefix, StringComparison.Ordinal);
            read.Blocks.TryGetValue(state.Id, out var uploaded);

            // A new update deleted or left empty is no update: nothing to write. An update or free section emptied is a
            // removal (neither may be empty), so it needs allowDeletes as deleting its region does.
            if (isNew && uploaded is not { Count: > 0 })
            {
                continue;
            }

            if (uploaded is { Count: 0 } && (state.Id.StartsWith(DraftRegion.UpdatePrefix, StringComparison.Ordinal)
                || state.Id.StartsWith(DraftRegion.FreeSectionPrefix, StringComparison.Ordinal)))
            {
                uploaded = null;
            }

            if (uploaded is null)
            {
                if (!allowDeletes && !(stillThere && stored!.Count == 0))
                {
                    errors.Add($"regions.{state.Id}", read.Blocks.ContainsKey(state.Id)
                        ? $"{title}: its region was emptied, which removes it. Send allowDeletes=true to remove it, or write in it."
                        : $"{title}: its region was deleted from the draft. Send allowDeletes=true to remove it, or put it back.");
                }
                else if (stillThere && changedSince)
                {
                    conflicts.Add($"{title} ({state.Id})");
                }
                else if (stillThere && stored!.Count > 0)
                {
                    changes.Add(new PlannedChange(state.Id, null, new DraftChange(state.Id, title, "removed", $"{title}: removed, {DraftBlocks.Words(stored)}")));
                }

                continue;
            }

            // Unchanged by the lead, or already so (the same draft sent twice): nothing to do. A new update sent again is
            // found as the update it became.
            string hash = DraftBlocks.Hash(uploaded);
            if (hash == state.Hash || (stillThere && now.Hashes[state.Id] == hash) || AlreadyAnUpdate(state.Id, hash, now))
            {
                continue;
            }

            if (changedSince)
            {
                conflicts.Add($"{title} ({state.Id})");
                continue;
            }

            string action = stored!.Count == 0 || isNew ? "added" : uploaded.Count == 0 ? "emptied" : "changed";
            string summary = action == "emptied" ? $"{title}: emptied (it held {DraftBlocks.Words(stored)})" : $"{title}: {action}, {DraftBlocks.Words(uploaded)}";
            changes.Add(new PlannedChange(state.Id, uploaded, new DraftChange(state.Id, title, action, summary)));
        }

        return new DraftPlan(changes, conflicts, errors.IsEmpty ? null : errors);
    }

    /// <summary>
    /// What the application would replace that changed since the programme was read for it (the standing text, an update
    /// it rewrites or removes); null when nothing did.
    /// </summary>
    private async Task<string?> ChangedSinceReadAsync(Application apply, MadeDraft now, string? textETag, CancellationToken ct)
    {
        if (apply.TextChanged && (await store.GetProgrammeTextAsync(ct)).ETag != textETag)
        {
            return TextConflict;
        }

        var touched = apply.RemovedUpdates.Concat((apply.Document.Projects ?? []).SelectMany(p => (p.Updates ?? []).Select(u => (p.Id!, u.Id!)))).ToHashSet();
        if (touched.Count == 0)
        {
            return null;
        }

        string Key(UpdateView u) => System.Text.Json.JsonSerializer.Serialize(u with { Blocks = u.Blocks ?? [] });
        var then = now.Request.Snapshot.State.Updates.Where(u => touched.Contains((u.ProjectId, u.Id))).ToDictionary(u => (u.ProjectId, u.Id), Key);
        var fresh = (await store.ReadAllAsync(ct)).Updates.Where(u => touched.Contains((u.ProjectId, u.Id))).ToDictionary(u => (u.ProjectId, u.Id), Key);
        var moved = touched.FirstOrDefault(t => then.GetValueOrDefault(t) != fresh.GetValueOrDefault(t));
        return moved == default ? null : $"the update {moved.Item2} of {moved.Item1} (someone changed it while this draft was read)";
    }

    /// <summary>Takes one of <paramref name="text"/> from the counts; false when none is left.</summary>
    private static bool Take(Dictionary<string, int> counts, string text)
    {
        if (!counts.TryGetValue(text, out int count) || count == 0)
        {
            return false;
        }

        counts[text] = count - 1;
        return true;
    }

    private static bool AlreadyAnUpdate(string regionId, string hash, MadeDraft now) =>
        regionId.StartsWith(DraftRegion.NewUpdatePrefix, StringComparison.Ordinal) && now.Hashes.Any(h =>
            h.Key.StartsWith($"{DraftRegion.UpdatePrefix}{regionId[DraftRegion.NewUpdatePrefix.Length..]}.", StringComparison.Ordinal) && h.Value == hash);

    /// <summary>What the upload holds outside its regions and is not applied: lines typed, edited or deleted there.</summary>
    private static List<DraftIgnored> Ignored(DraftProvenance provenance, MadeDraft now, UploadRead read)
    {
        var ignored = new List<DraftIgnored>();
        var titles = now.Layout.Regions.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);
        // The text outside the regions, line by line in order. Unchanged when it is what the lead was given or what the
        // programme gives now; otherwise the lines typed and the lines gone, compared with now as multisets, so a
        // region deleted (which joins the text either side of it) or a line moved says only what really differs.
        var uploaded = read.Document.Segments.SelectMany(s => s.Value.Select(line => (Before: s.Key, Line: line))).ToList();
        var current = now.Segments.SelectMany(s => s.Value.Select(line => (Before: s.Key, Line: line))).ToList();
        string hash = DraftBlocks.Hash(uploaded.Select(u => u.Line));
        if (hash != provenance.Outside && hash != DraftBlocks.Hash(current.Select(c => c.Line)))
        {
            string Where(string before) => before == DraftDocument.End ? "after the last region" : $"before “{titles.GetValueOrDefault(before) ?? before}”";
            var left = current.GroupBy(c => c.Line.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var typed = uploaded.Where(u => !Take(left, u.Line.Text)).ToList();
            var gone = current.Where(c => Take(left, c.Line.Text)).ToList();
            ignored.AddRange(typed.Take(MaxProblemsPerRegion).Select(t => new DraftIgnored(
                $"{Where(t.Before)}: {(t.Line.Locked is null ? "text between the regions" : "a locked part")}", t.Line.Locked ?? OutsideWhy, SafeText.Shorten(t.Line.Text, 200))));
            ignored.AddRange(gone.Take(MaxProblemsPerRegion).Select(g => new DraftIgnored($"{Where(g.Before)}: deleted", g.Line.Locked ?? OutsideWhy,
                SafeText.Shorten(g.Line.Text, 200))));
            if (typed.Count + gone.Count == 0)
            {
                ignored.Add(new DraftIgnored("text between the regions", OutsideWhy, null));
            }
        }

        return ignored;
    }

    /// <summary>The comments, each listed as not read, with the region it is in.</summary>
    private static List<DraftIgnored> Comments(WordprocessingDocument document, UploadRead read, IReadOnlyDictionary<string, string> titles)
    {
        var comments = document.MainDocumentPart?.WordprocessingCommentsPart?.Comments?.Elements<DocumentFormat.OpenXml.Wordprocessing.Comment>() ?? [];
        return [.. comments.Take(100).Select(comment =>
        {
            string? region = comment.Id?.Value is { } id ? read.Document.CommentPlaces.GetValueOrDefault(id) : null;
            return new DraftIgnored(region is null ? "a comment" : $"a comment in “{titles.GetValueOrDefault(region) ?? region}”",
                "Comments are not part of the paper; this one was not read.", SafeText.Shorten(comment.InnerText, 200));
        })];
    }

    // ---- applying -----------------------------------------------------------------------------------------------

    private sealed record Application(ProgrammeDocument Document, bool TextChanged, IReadOnlyList<(string ProjectId, string UpdateId)> RemovedUpdates,
        IReadOnlyList<(string Id, byte[] Content, ImageFile File)> NewImages, ValidationErrors? Errors);

    /// <summary>
    /// The planned changes as an import document (the standing text when a standing region changed, and the projects'
    /// changed and new updates), validated with the import's rules on the whole programme they join.
    /// </summary>
    private async Task<Application> BuildAsync(DraftPlan plan, MadeDraft now, ProgrammeText storedText, IReadOnlyDictionary<string, (byte[] Content, string ContentType)> pictures,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var state = now.Request.Snapshot.State;
        var text = storedText;
        bool textChanged = false;
        var updates = new Dictionary<string, List<UpdateDocument>>(StringComparer.Ordinal);
        var removed = new List<(string, string)>();
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var newImages = new List<(string, byte[], ImageFile)>();
        var known = now.Request.Images.Values.GroupBy(i => i.Sha256, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.OrdinalIgnoreCase);
        string audience = PaperDefinitions.Get(now.Request.Kind).Audience;
        var newUpdateDay = now.Request.ReportDate is { } report && report <= now.Request.MeetingDate ? report : now.Request.MeetingDate;
        if (now.Request.Draft?.UpdatesSince is { } since && newUpdateDay <= since)
        {
            newUpdateDay = now.Request.MeetingDate;
        }

        var originalSections = text.FreeSections ?? [];
        var freeChanges = new SortedDictionary<int, (string Region, IReadOnlyList<Block>? Blocks)>();
        foreach (var change in plan.Changes)
        {
            string field = $"regions.{change.RegionId}";
            var blocks = change.Blocks is null ? null : await ImagesAsync(change.Blocks, pictures, known, newImages, errors, field, now.Layout, change.RegionId, ct);
            string id = change.RegionId;
            if (TextRegions.Contains(id))
            {
                text = TextRegions.Set(text, id, blocks);
                textChanged = true;
                paths[TextRegions.Path(id)] = id;
            }
            else if (id.StartsWith(DraftRegion.FreeSectionPrefix, StringComparison.Ordinal))
            {
                // Found in the list as stored; edits and removals are applied together after the loop, so no index moves.
                int at = DraftRegion.FreeSectionIndex(id, originalSections);
                if (at < 0)
                {
                    errors.Add(field, "names a free section that is no longer stored; download a new draft.");
                    continue;
                }

                freeChanges[at] = (id, blocks);
            }
            else if (id.StartsWith(DraftRegion.UpdatePrefix, StringComparison.Ordinal))
            {
                var update = state.Updates.FirstOrDefault(u => id == $"{DraftRegion.UpdatePrefix}{u.ProjectId}.{u.Id}");
                if (update is null)
                {
                    errors.Add(field, "names an update that is no longer stored; download a new draft.");
                }
                else if (blocks is null)
                {
                    removed.Add((update.ProjectId, update.Id));
                }
                else
                {
                    Add(updates, update.ProjectId, new UpdateDocument { Id = update.Id, AsOf = update.AsOf, Audience = update.Audience, Blocks = blocks }, paths, id);
                }
            }
            else if (id.StartsWith(DraftRegion.NewUpdatePrefix, StringComparison.Ordinal) && blocks is { Count: > 0 })
            {
                string projectId = id[DraftRegion.NewUpdatePrefix.Length..];
                // Named by its words: the same words sent twice are one update, and two people writing at once make two, never one lost.
                string updateId = $"{newUpdateDay:yyyy-MM-dd}-draft-{DraftBlocks.Hash(blocks)[..8]}";
                Add(updates, projectId, new UpdateDocument { Id = updateId, AsOf = newUpdateDay, Audience = audience, Blocks = blocks }, paths, id);
            }
        }

        if (freeChanges.Count > 0)
        {
            var sections = new List<FreeSection>();
            for (int i = 0; i < originalSections.Count; i++)
            {
                if (!freeChanges.TryGetValue(i, out var change))
                {
                    sections.Add(originalSections[i]);
                }
                else if (change.Blocks is not null)
                {
                    paths[$"programme.freeSections[{sections.Count}]"] = change.Region;
                    sections.Add(originalSections[i] with { Blocks = change.Blocks });
                }
            }

            text = text with { FreeSections = sections.Count == 0 ? null : sections };
            textChanged = true;
        }

        // The import's own rules, on the whole programme as it would be: every problem it has that the programme as
        // stored has not is the upload's doing (a reference left pointing at a paragraph deleted elsewhere, too),
        // reported on the region it is in, or on the draft as a whole.
        var stored = state.ToDocument();
        var before = ProgrammeImporter.Validate(stored).ToDictionary()
            .SelectMany(e => e.Value.Select(m => (e.Key, m))).ToHashSet();
        var whole = stored with
        {
            Programme = text,
            Projects = [.. (stored.Projects ?? []).Select(p => p with
            {
                Updates = [.. (p.Updates ?? []).Where(u => !removed.Contains((p.Id!, u.Id!)) && !(updates.GetValueOrDefault(p.Id!) ?? []).Any(n => n.Id == u.Id)),
                    .. updates.GetValueOrDefault(p.Id!) ?? []],
            })],
        };
        var found = ProgrammeImporter.Validate(whole);
        foreach (var (path, messages) in found.ToDictionary())
        {
            var region = Region(whole, path, paths);
            foreach (string message in messages.Where(m => !before.Contains((path, m))))
            {
                if (region is not null)
                {
                    errors.Add($"regions.{region}", $"{now.Layout.Regions.FirstOrDefault(r => r.Id == region)?.Title ?? region}: {message}");
                }
                else
                {
                    errors.Add("body", $"after these changes, {path} {message}");
                }
            }
        }

        var projects = state.Projects.Where(p => updates.ContainsKey(p.Id)).Select(p => new ProjectDocument(p) { Id = p.Id, Updates = updates[p.Id] }).ToList();
        var document = new ProgrammeDocument { Programme = textChanged ? text : null, Projects = projects };
        return new Application(document, textChanged, removed, newImages, errors.IsEmpty ? null : errors);
    }

    private static void Add(Dictionary<string, List<UpdateDocument>> updates, string projectId, UpdateDocument update, Dictionary<string, string> paths, string regionId)
    {
        if (!updates.TryGetValue(projectId, out var list))
        {
            updates[projectId] = list = [];
        }

        list.Add(update);
        paths[$"update:{projectId}:{update.Id}"] = regionId;
    }

    /// <summary>The region a validation path of the whole document falls in, when it is one that changed.</summary>
    private static string? Region(ProgrammeDocument whole, string path, Dictionary<string, string> paths)
    {
        foreach (var (prefix, region) in paths.Where(p => !p.Key.StartsWith("update:", StringComparison.Ordinal)))
        {
            if (path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal) || path.StartsWith(prefix + "[", StringComparison.Ordinal))
            {
                return region;
            }
        }

        var projects = whole.Projects ?? [];
        for (int p = 0; p < projects.Count; p++)
        {
            var list = projects[p].Updates ?? [];
            for (int u = 0; u < list.Count; u++)
            {
                string prefix = $"projects[{p}].updates[{u}]";
                if ((path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal)) && paths.TryGetValue($"update:{projects[p].Id}:{list[u].Id}", out var region))
                {
                    return region;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The blocks with each picture's id made the stored image's when the same bytes are stored already, otherwise kept
    /// (content-addressed) and queued to store: a PNG or JPEG within the image limits, or an error naming the region.
    /// </summary>
    private static async Task<IReadOnlyList<Block>> ImagesAsync(IReadOnlyList<Block> blocks, IReadOnlyDictionary<string, (byte[] Content, string ContentType)> pictures,
        Dictionary<string, string> known, List<(string, byte[], ImageFile)> newImages, ValidationErrors errors, string field, DraftLayout layout, string regionId,
        CancellationToken ct)
    {
        string title = layout.Regions.FirstOrDefault(r => r.Id == regionId)?.Title ?? regionId;
        var result = new List<Block>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.Type != BlockTypes.Image || block.ImageId is not { } id || !pictures.TryGetValue(id, out var picture))
            {
                result.Add(block);
                continue;
            }

            string sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(picture.Content));
            if (known.TryGetValue(sha, out string? stored))
            {
                result.Add(block with { ImageId = stored });
                continue;
            }

            var file = ImageFile.Read(picture.Content);
            if (file is null || picture.Content.Length > ImageStore.MaxBytes)
            {
                errors.Add(field, $"{title}: the picture “{SafeText.Shorten(block.AltText ?? id, 80)}” is not a PNG or JPEG of at most " +
                    $"{ImageStore.MaxBytes / (1024 * 1024)} MiB and {ImageFile.MaxSide} pixels a side; paste it again as a PNG.");
                continue;
            }

            if (await ImageDecoding.ProblemAsync(picture.Content, file, ct) is { } damaged)
            {
                errors.Add(field, $"{title}: the picture “{SafeText.Shorten(block.AltText ?? id, 80)}” is not a whole {file.ContentType} image: it {damaged}");
                continue;
            }

            if (!newImages.Any(n => n.Item1 == id))
            {
                newImages.Add((id, picture.Content, file));
            }

            known[sha] = id;
            result.Add(block);
        }

        return result;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Draft of the {Kind} paper for {MeetingDate} made with {Regions} regions")]
    private static partial void LogMade(ILogger logger, string kind, DateOnly meetingDate, int regions);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Draft of the {Kind} paper for {MeetingDate} applied: {Changes} regions changed")]
    private static partial void LogApplied(ILogger logger, string kind, DateOnly meetingDate, int changes);
}
