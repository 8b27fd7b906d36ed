using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using FactFunctions.Benchmarks;
using FactFunctions.LocalHost;
using FactFunctions.Programme;
using FactFunctions.Snapshots;
using FactFunctions.Storage;
using FactFunctions.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: FactFunctions.Benchmarks [--smoke]
//   --smoke  one tiny pass of every benchmark (scripts/test.sh), so they cannot rot; the numbers mean nothing.
bool smoke = args.Contains("--smoke");
var results = new List<(string Measure, string Value, string Target)>();
var invariant = CultureInfo.InvariantCulture;
string F(double value, string format = "0.0") => value.ToString(format, invariant);

// ---- 1. Rendering: time and allocations, 20 / 200 / 2,000 milestones ----------------------------------------
// Like the peer, which is handed its rows ready-made, the timing starts from the frozen programme (a snapshot holds
// parsed windows) and covers composing the fields and rendering the package. Each measurement warms up for at least
// a second first (so the JIT has finished tiering up, as it has in a running host), then takes the median.
var template = FactFunctions.Reports.BuiltInTemplates.For(FactFunctions.Boards.PaperKinds.SelectCommittee);
var paperRequests = new Dictionary<int, FactFunctions.Reports.Papers.PaperRequest>();
(double Ms, double Bytes) MeasureRender(int milestones, int iterations)
{
    if (!paperRequests.TryGetValue(milestones, out var request))
    {
        paperRequests[milestones] = request = Workloads.Paper(Workloads.Programme(projects: 20, milestones, indicators: 10));
    }

    return MeasureRenders(template, request, iterations);
}

// The median time and the bytes allocated per render, after at least a second of warm-up.
(double Ms, double Bytes) MeasureRenders(byte[] template, FactFunctions.Reports.Papers.PaperRequest request, int iterations)
{
    void RenderOnce() => FactFunctions.Reports.Word.PaperRenderer.Render(template, FactFunctions.Reports.Papers.PaperComposer.Compose(request));
    var warm = Stopwatch.StartNew();
    for (int i = 0; i < 3 || (!smoke && warm.Elapsed < TimeSpan.FromSeconds(1)); i++)
    {
        RenderOnce();
    }

    var times = new List<double>();
    long allocated = 0;
    for (int i = 0; i < iterations; i++)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        RenderOnce();
        times.Add(watch.Elapsed.TotalMilliseconds);
        allocated += GC.GetAllocatedBytesForCurrentThread() - before;
    }

    return (Median(times), allocated / (double)iterations);
}

// A first warm-up across all sizes, long enough for tiered compilation (with dynamic PGO) to finish on 2 cores.
var warmUp = Stopwatch.StartNew();
while (!smoke && warmUp.Elapsed < TimeSpan.FromSeconds(3))
{
    MeasureRender(20, 1);
    MeasureRender(2_000, 1);
}

var render = new Dictionary<int, (double Ms, double Bytes)>();
foreach (var (milestones, iterations) in smoke ? new[] { (20, 2), (200, 1) } : new[] { (20, 40), (200, 40), (2_000, 8) })
{
    render[milestones] = MeasureRender(milestones, iterations);
    results.Add(($"render select-committee, {milestones} milestones: median", $"{F(render[milestones].Ms)} ms", ""));
    results.Add(($"render select-committee, {milestones} milestones: allocated", $"{F(render[milestones].Bytes / 1024 / 1024, "0.00")} MiB", ""));
}

{
    // The one-off cost the renders above do not pay: taking a template version apart (then cached by its sha256).
    var times = new List<double>();
    for (int i = 0; i < (smoke ? 1 : 10); i++)
    {
        var watch = Stopwatch.StartNew();
        FactFunctions.Reports.Word.CompiledTemplate.Compile(template);
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    results.Add(("compiling the template, once per template version: median", $"{F(Median(times))} ms", ""));
}

{
    // The highlight report for the same programme with three periods per indicator, so it draws ten native charts.
    var highlight = Workloads.Paper(Workloads.Programme(projects: 20, milestones: 200, indicators: 10, periods: 3)) with
    {
        Kind = FactFunctions.Boards.PaperKinds.Highlight,
        Board = new FactFunctions.Reports.Papers.PaperBoard("fact-operational-board", "FACT Operational Board", Workloads.Written.AddMonths(-2), null),
    };
    var (ms, bytes) = MeasureRenders(FactFunctions.Reports.BuiltInTemplates.For(FactFunctions.Boards.PaperKinds.Highlight), highlight, smoke ? 1 : 40);
    results.Add(("render highlight, 200 milestones, 10 charts: median", $"{F(ms)} ms", ""));
    results.Add(("render highlight, 200 milestones, 10 charts: allocated", $"{F(bytes / 1024 / 1024, "0.00")} MiB", ""));
}

if (render.ContainsKey(2_000))
{
    double perRowLow = (render[200].Bytes - render[20].Bytes) / 180;
    double perRowHigh = (render[2_000].Bytes - render[200].Bytes) / 1_800;
    double timeLow = (render[200].Ms - render[20].Ms) / 180;
    double timeHigh = (render[2_000].Ms - render[200].Ms) / 1_800;
    results.Add(("allocated per milestone row, 20→200 / 200→2,000", $"{F(perRowLow / 1024, "0.0")} KiB / {F(perRowHigh / 1024, "0.0")} KiB", "linear: the two alike"));
    results.Add(("time per milestone row, 20→200 / 200→2,000", $"{F(timeLow * 1000, "0")} µs / {F(timeHigh * 1000, "0")} µs", "linear: the two alike"));
}

// ---- 2. The peer: docxtemplater on the same rows ---------------------------------------------------------------
// Three rounds, each the peer's median then ours, so both see the same moments of a shared machine; the ratio is of
// the medians over the rounds.
string peer = Path.Combine(RepositoryRoot.Path, "bench", "peers", "docxtemplater");
if (!smoke && File.Exists(Path.Combine(peer, "node_modules", "docxtemplater", "package.json")))
{
    var document = Workloads.Programme(projects: 20, milestones: 200, indicators: 10);
    string folder = Path.Combine(RepositoryRoot.Path, "bench", "results");
    Directory.CreateDirectory(folder);
    File.WriteAllBytes(Path.Combine(folder, "peer-template.docx"), PeerTemplate.Build(document));
    File.WriteAllText(Path.Combine(folder, "peer-data.json"), JsonSerializer.Serialize(PeerTemplate.For(document), new JsonSerializerOptions(JsonSerializerDefaults.Web)));
    var peerRounds = new List<double>();
    var ourRounds = new List<double>();
    for (int round = 0; round < 3; round++)
    {
        var node = Process.Start(new ProcessStartInfo("node", [Path.Combine(peer, "render.js"), Path.Combine(folder, "peer-template.docx"), Path
            .Combine(folder, "peer-data.json"), "40"])
        {
            RedirectStandardOutput = true,
            WorkingDirectory = peer,
        })!;
        string output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        peerRounds.Add(JsonDocument.Parse(output).RootElement.GetProperty("medianMs").GetDouble());
        ourRounds.Add(MeasureRender(200, 40).Ms);
    }

    double peerMs = Median(peerRounds), ourMs = Median(ourRounds);
    results.Add(("docxtemplater (Node), equal work (every section, 4 diagrams, 200 rows): median of 3", $"{F(peerMs)} ms ({string.Join(", ", peerRounds.Select(r => F(r)))})", ""));
    results.Add(("ours, 200 milestones, in the same rounds: median of 3 rounds", $"{F(ourMs)} ms ({string.Join(", ", ourRounds.Select(r => F(r)))})", ""));
    results.Add(("render speed vs docxtemplater, 200 milestones", $"{F(peerMs / ourMs, "0.0")}×", "≥ 3×"));
}
else if (!smoke)
{
    results.Add(("docxtemplater peer", "not installed (run scripts/bench.sh)", "≥ 3×"));
}

// ---- 3. Snapshot of 10,000 milestone rows: batches vs one upsert per row, against Azurite ------------------------
// Azurite's cost per insert grows with the number of rows already in the table (it keeps sorted indexes in memory;
// Azure's tables do not behave so), so every timed write below starts from an empty table: each snapshot runs in a
// fresh host with its own table prefix, and each write strategy writes into a table of its own.
await using var azurite = await AzuriteProcess.StartAsync();
var counter = new CallCounter();
int rowsWanted = smoke ? 300 : 10_000;
int runs = smoke ? 1 : 3;
var programmeRows = Workloads.Programme(projects: 20, milestones: rowsWanted, indicators: 0) with { Programme = null };
var batchedTimes = new List<double>();
int rows = 0, batchedCalls = 0;
var timer = new Stopwatch();
for (int run = 0; run < runs; run++)
{
    await using var app = await StartHostAsync(azurite.ConnectionString, counter);
    await app.Services.GetRequiredService<ProgrammeImporter>().ImportAsync(programmeRows, CancellationToken.None);
    var snapshots = app.Services.GetRequiredService<SnapshotStore>();
    counter.Reset();
    timer.Restart();
    var outcome = await snapshots.TakeAsync("bench-batched", SnapshotKinds.OnDemand, null, CancellationToken.None);
    batchedTimes.Add(timer.Elapsed.TotalMilliseconds);
    rows = outcome.Header!.Counts.Rows;
    batchedCalls = counter.Calls;
    if (run < runs - 1)
    {
        continue;
    }

    // The write strategies side by side on the snapshot's own rows: entity group transactions of 100 (as a snapshot
    // writes them; median of 3) against one upsert per row.
    var storage = app.Services.GetRequiredService<FactStorage>();
    var rowsTable = await storage.TableAsync(SnapshotStore.RowsTable, CancellationToken.None);
    var copies = new List<TableEntity>();
    await foreach (var row in rowsTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"bench-batched"}")))
    {
        copies.Add(new TableEntity(row.PartitionKey, row.RowKey) { ["Kind"] = row["Kind"], ["Json"] = row["Json"] });
    }

    var writeTimes = new List<double>();
    int transactionCalls = 0;
    for (int i = 0; i < runs; i++)
    {
        var batchedTable = await storage.TableAsync($"BenchBatched{i}", CancellationToken.None);
        var actions = copies.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, c)).ToList();
        counter.Reset();
        timer.Restart();
        await TableBatches.SubmitAsync(batchedTable, actions, CancellationToken.None);
        writeTimes.Add(timer.Elapsed.TotalMilliseconds);
        transactionCalls = counter.Calls;
    }

    double writeMs = Median(writeTimes);

    var singleTable = await storage.TableAsync("BenchSingle", CancellationToken.None);
    counter.Reset();
    timer.Restart();
    foreach (var copy in copies)
    {
        await singleTable.UpsertEntityAsync(copy, TableUpdateMode.Replace);
    }

    double singleMs = timer.Elapsed.TotalMilliseconds;
    int singleCalls = counter.Calls;

    // What both ways of taking a snapshot share: reading the programme (median of 3).
    var readTimes = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        timer.Restart();
        await app.Services.GetRequiredService<ProgrammeStore>().ReadAllAsync(CancellationToken.None);
        readTimes.Add(timer.Elapsed.TotalMilliseconds);
    }

    double readMs = Median(readTimes);
    double batchedMs = Median(batchedTimes);

    results.Add(($"writing {rows:N0} snapshot rows, entity group transactions of 100: median of {writeTimes.Count}", $"{F(writeMs,
        "0")} ms, {transactionCalls} storage calls", ""));
    results.Add(("the same rows, one upsert per row", $"{F(singleMs, "0")} ms, {singleCalls} storage calls", ""));
    results.Add(("write speed-up from batching", $"{F(singleMs / writeMs, "0.0")}×", "≥ 5×"));
    results.Add(($"whole snapshot of {rows:N0} rows (read, claim, rows, headers): median of {batchedTimes.Count}", $"{F(batchedMs,
        "0")} ms, {batchedCalls} storage calls", $"calls = ⌈rows/100⌉ ({(rows + 99) / 100}) + a constant"));
    results.Add(("  of which reading the programme (median of 3), which a naive snapshot does too", $"{F(readMs, "0")} ms", ""));
    results.Add(("whole-snapshot speed-up: (read + one upsert per row) / whole snapshot", $"{F((readMs + singleMs) / batchedMs, "0.0")}×", "≥ 5×"));
}

// ---- 3b. The programme workbook against the JSON import, 10,000 milestones ----------------------------------------
// The same programme sent both ways into a fresh host each, over HTTP: POST /api/import with the JSON document, and
// PUT /api/programme.xlsx with the workbook GET /api/programme.xlsx gave for it (validated whole, then imported).
{
    var document = Workloads.Programme(projects: 20, milestones: smoke ? 300 : 10_000, indicators: 10);
    var importTimes = new List<double>();
    var uploadTimes = new List<double>();
    var dryRunTimes = new List<double>();
    long workbookBytes = 0;
    for (int run = 0; run < (smoke ? 1 : 3); run++)
    {
        await using var jsonHost = await StartHostAsync(azurite.ConnectionString, null);
        using var jsonClient = Client(jsonHost);
        var watch = Stopwatch.StartNew();
        (await Workloads.ImportAsync(jsonClient, document)).EnsureSuccessStatusCode();
        importTimes.Add(watch.Elapsed.TotalMilliseconds);
        byte[] workbook = await jsonClient.GetByteArrayAsync("api/programme.xlsx");
        workbookBytes = workbook.Length;

        await using var workbookHost = await StartHostAsync(azurite.ConnectionString, null);
        using var workbookClient = Client(workbookHost);
        async Task<double> PutAsync(string query)
        {
            var content = new ByteArrayContent(workbook);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(FactFunctions.Programme.Workbook.WorkbookLayout.ContentType);
            var timer = Stopwatch.StartNew();
            (await workbookClient.PutAsync($"api/programme.xlsx{query}", content)).EnsureSuccessStatusCode();
            return timer.Elapsed.TotalMilliseconds;
        }

        dryRunTimes.Add(await PutAsync("?dryRun=true"));
        uploadTimes.Add(await PutAsync(string.Empty));
    }

    int rowsIn = document.Projects!.Sum(p => p.Milestones!.Count);
    results.Add(($"JSON import of {rowsIn:N0} milestones over HTTP: median of {importTimes.Count}", $"{F(Median(importTimes), "0")} ms", ""));
    results.Add(($"the same programme as a workbook ({workbookBytes / 1024:N0} KiB): validate only (dryRun)", $"{F(Median(dryRunTimes), "0")} ms", ""));
    results.Add(("  validate and apply (PUT /api/programme.xlsx)", $"{F(Median(uploadTimes), "0")} ms", ""));
    results.Add(("  workbook upload / JSON import", $"{F(Median(uploadTimes) / Median(importTimes), "0.00")}×", "within the import's bounds (≤ 2×)"));
}

// ---- 4. Report generation over HTTP (snapshot given), and storage calls per report ----------------------------
foreach (int milestones in smoke ? new[] { 20 } : new[] { 20, 200 })
{
    await using var app = await StartHostAsync(azurite.ConnectionString, counter);
    using var client = Client(app);
    (await Workloads.ImportAsync(client, Workloads.Programme(projects: 20, milestones, indicators: 10))).EnsureSuccessStatusCode();
    string snapshot = (await (await client.PostAsync("api/snapshots", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    var body = new { kind = "select-committee", meetingDate = "2022-11-08", snapshotId = snapshot };
    await client.PostAsJsonAsync("api/reports", body);
    var times = new List<double>();
    int requests = smoke ? 2 : 40;
    counter.Reset();
    for (int i = 0; i < requests; i++)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("api/reports", body);
        response.EnsureSuccessStatusCode();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    results.Add(($"POST /api/reports over HTTP, {milestones} milestones: p50 / p95", $"{F(Median(times))} / {F(times[(int)Math.Ceiling(times.Count * 0.95) - 1])} ms", ""));
    results.Add(($"storage calls per report, {milestones} milestones", F(counter.Calls / (double)requests, "0.0"), "the same for every milestone count"));
}

// ---- 4b. Reports without a snapshot id, after a long history of reports of an unchanged programme ---------------
// Each such report asks for the current snapshot; when nothing changed it reuses the latest one (content hash), so
// neither the snapshot rows nor the cost of a report should grow with the reports before it.
{
    await using var app = await StartHostAsync(azurite.ConnectionString, counter);
    using var client = Client(app);
    (await Workloads.ImportAsync(client, Workloads.Programme(projects: 20, milestones: 200, indicators: 10))).EnsureSuccessStatusCode();
    var body = new { kind = "select-committee", meetingDate = "2022-11-08" };
    int history = smoke ? 5 : 1_000, sample = smoke ? 2 : 20;
    async Task<double> ReportAsync()
    {
        var watch = Stopwatch.StartNew();
        (await client.PostAsJsonAsync("api/reports", body)).EnsureSuccessStatusCode();
        return watch.Elapsed.TotalMilliseconds;
    }

    double first = await ReportAsync();
    var rowsTable = await app.Services.GetRequiredService<FactStorage>().TableAsync(SnapshotStore.RowsTable, CancellationToken.None);
    async Task<int> SnapshotRowsAsync()
    {
        int n = 0;
        await foreach (var _ in rowsTable.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            n++;
        }

        return n;
    }

    int rowsAfterFirst = await SnapshotRowsAsync();
    var early = new List<double>();
    for (int i = 0; i < sample; i++)
    {
        early.Add(await ReportAsync());
    }

    for (int i = 1 + sample; i < history; i++)
    {
        await ReportAsync();
    }

    var late = new List<double>();
    counter.Reset();
    for (int i = 0; i < sample; i++)
    {
        late.Add(await ReportAsync());
    }

    int lateCalls = counter.Calls / sample;
    int newRows = await SnapshotRowsAsync() - rowsAfterFirst;
    results.Add(($"POST /api/reports without snapshotId, 200 milestones: the first (takes the snapshot)", $"{F(first)} ms", ""));
    results.Add(($"  p50 of reports 2–{sample + 1} (reuse the snapshot)", $"{F(Median(early))} ms", ""));
    results.Add(($"  p50 after {history:N0} earlier reports", $"{F(Median(late))} ms, {lateCalls} storage calls each", ""));
    results.Add(("  report after history / early report (p50)", $"{F(Median(late) / Median(early), "0.00")}×", "≤ 1.5×"));
    results.Add(("  report after history / the first report", $"{F(Median(late) / first, "0.00")}×", "≤ 1.5×"));
    results.Add(($"  snapshot rows written by the {history - 1:N0} reports after the first", $"{newRows}", "0"));
}

// ---- 5. LocalHost start to first healthy answer (Azurite already up) -------------------------------------------
{
    var watch = Stopwatch.StartNew();
    await using var app = await StartHostAsync(azurite.ConnectionString, null);
    using var client = Client(app);
    HttpResponseMessage health;
    int attempts = 0;
    do
    {
        health = await client.GetAsync("api/health");
    }
    while (!health.IsSuccessStatusCode && ++attempts < 100);

    results.Add(("LocalHost start to first healthy answer", $"{F(watch.Elapsed.TotalMilliseconds, "0")} ms", "< 2,000 ms"));
}

// ---- 6. A paper's HTML: bytes and memory, the seed paper against one showing a 5 MiB image in twenty blocks -------
// Four clients each read the HTML three times and fetch every image it links to, as a browser would; the process's
// resident memory is sampled every 10 ms, and the peak growth over the level before the reads is reported.
{
    await using var app = await StartHostAsync(azurite.ConnectionString, null);
    using var client = Client(app);
    var sample = SampleProgramme.Load();
    await app.Services.GetRequiredService<SampleProgramme>().LoadIfEmptyAsync(CancellationToken.None);

    async Task<string> GenerateAsync()
    {
        var created = await client.PostAsJsonAsync("api/reports", new { kind = "select-committee", meetingDate = "2022-11-08", reportDate = "2022-10-14" });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    async Task<(long Bytes, double PeakMiB, int Images)> ReadAsync(string id)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long baseline = process.WorkingSet64, peak = baseline, bytes = 0;
        int images = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(10);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (int round = 0; round < 3; round++)
            {
                string html = await client.GetStringAsync($"api/reports/{id}/html");
                bytes = System.Text.Encoding.UTF8.GetByteCount(html);
                var sources = System.Text.RegularExpressions.Regex.Matches(html, "<img src=\"([^\"]+)\"")
                    .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
                images = sources.Count;
                foreach (string source in sources)
                {
                    (await client.GetAsync(source)).EnsureSuccessStatusCode();
                }
            }
        }));
        await stop.CancelAsync();
        await sampler;
        return (bytes, (peak - baseline) / 1024.0 / 1024.0, images);
    }

    string seedPaper = await GenerateAsync();
    var seedRead = await ReadAsync(seedPaper);
    var image = await client.PutAsync("api/images/bench-five-mib", new ByteArrayContent(HostileImages.Noise(smoke ? 64 : 1280))
    {
        Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png") },
    });
    image.EnsureSuccessStatusCode();
    var twenty = Enumerable.Range(0, 20).Select(i => new Block { Type = BlockTypes.Image, ImageId = "bench-five-mib", AltText = $"Noise {i + 1}" });
    await app.Services.GetRequiredService<ProgrammeImporter>().ImportAsync(
        sample with { Programme = sample.Programme! with { Background = [.. sample.Programme.Background!, .. twenty] } }, CancellationToken.None);
    var heavyRead = await ReadAsync(await GenerateAsync());
    string Row((long Bytes, double PeakMiB, int Images) read) => $"{F(read.Bytes / 1024.0)} KiB, {read.Images} distinct images / +{F(read.PeakMiB, "0")} MiB";
    results.Add(("paper HTML, the seed paper: page / peak memory growth, 4 clients × 3 reads with images", Row(seedRead), ""));
    results.Add(($"paper HTML, a {(smoke ? "small" : "5 MiB")} image shown in 20 blocks: page / peak memory growth, the same reads", Row(heavyRead),
        "page as small as the seed's (was 140 MB)"));
    results.Add(("  bytes each image block adds to the page", $"{F((heavyRead.Bytes - seedRead.Bytes) / 20.0, "0")} B", "a link (≤ 250 B), never the image"));
}

// ---- 7. Reading a draft back (issue 24): PUT dryRun over HTTP into LocalHost beside pandoc's docx reader --------
// The seed paper's draft (the October 2022 sample, for 8 November), read back by a dry-run upload, which also makes
// the current draft again to compare with; and the same file read by pandoc (`pandoc -f docx -t json`, a process per
// read, as it is used). Rounds alternate so both see the same moments of the machine. Then the texts: every region's
// blocks, read in-process as the upload reads them, against the paragraphs pandoc reads between the same markers.
{
    await using var app = await StartHostAsync(azurite.ConnectionString, null);
    using var client = Client(app);
    foreach (string id in SampleProgramme.ImageIds)
    {
        (await client.PutAsync($"api/images/{id}", new ByteArrayContent(SampleProgramme.Image(id))
        {
            Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png") },
        })).EnsureSuccessStatusCode();
    }

    await app.Services.GetRequiredService<ProgrammeImporter>().ImportAsync(SampleProgramme.Load(), CancellationToken.None);
    const string Route = "api/drafts/select-committee/2022-11-08";
    byte[] draft = await client.GetByteArrayAsync($"{Route}?reportDate=2022-10-14");
    string file = Path.Combine(Path.GetTempPath(), $"fact-bench-draft-{Guid.NewGuid():N}.docx");
    await File.WriteAllBytesAsync(file, draft);
    try
    {
        async Task<double> OursAsync()
        {
            var content = new ByteArrayContent(draft) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(DraftText.Docx) } };
            var watch = Stopwatch.StartNew();
            var response = await client.PutAsync($"{Route}?dryRun=true", content);
            string body = await response.Content.ReadAsStringAsync();
            double ms = watch.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode || JsonDocument.Parse(body).RootElement.GetProperty("changes").GetArrayLength() != 0)
            {
                throw new InvalidOperationException($"The unchanged draft did not read back as no change: {body}");
            }

            return ms;
        }

        var pandocRounds = new List<double>();
        var ourRounds = new List<double>();
        string? pandocJson = null;
        int perRound = smoke ? 1 : 15;
        for (int round = 0; round < (smoke ? 1 : 3); round++)
        {
            var ours = new List<double>();
            var theirs = new List<double>();
            for (int i = 0; i < perRound + (smoke ? 0 : 2); i++)
            {
                ours.Add(await OursAsync());
                var (ms, json) = await DraftText.PandocAsync(file);
                theirs.Add(ms);
                pandocJson ??= json;
            }

            // The first two of a round warm up (JIT, caches); the median of the rest counts.
            ourRounds.Add(Median(ours.Skip(smoke ? 0 : 2).ToList()));
            pandocRounds.Add(Median(theirs.Skip(smoke ? 0 : 2).ToList()));
        }

        double ourMs = Median(ourRounds), pandocMs = Median(pandocRounds);
        results.Add(("read the seed paper's draft back: PUT dryRun over HTTP (median)", $"{F(ourMs)} ms", ""));

        // The same with one region written: the programme is then read and the draft made again, to compare with now.
        byte[] written = DraftText.WithPurpose(draft, "The committee is asked to note the pilot's first year.");
        var writtenTimes = new List<double>();
        for (int i = 0; i < (smoke ? 1 : 17); i++)
        {
            var content = new ByteArrayContent(written) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(DraftText.Docx) } };
            var watch = Stopwatch.StartNew();
            var response = await client.PutAsync($"{Route}?dryRun=true", content);
            string body = await response.Content.ReadAsStringAsync();
            writtenTimes.Add(watch.Elapsed.TotalMilliseconds);
            if (JsonDocument.Parse(body).RootElement.GetProperty("changes").GetArrayLength() != 1)
            {
                throw new InvalidOperationException($"The draft with one region written did not read back as one change: {body}");
            }
        }

        results.Add(("  the same draft with one region written (median)", $"{F(Median(writtenTimes.Skip(smoke ? 0 : 2).ToList()))} ms", ""));
        results.Add(("  pandoc -f docx -t json, the same file (median)", pandocMs < 0 ? "pandoc not installed" : $"{F(pandocMs)} ms", ""));
        if (pandocMs > 0)
        {
            results.Add(("  pandoc / ours", $"{F(pandocMs / ourMs, "0.0")}×", "≥ 5×"));
            var startUp = new List<double>();
            for (int i = 0; i < (smoke ? 1 : 15); i++)
            {
                startUp.Add(await DraftText.PandocStartAsync());
            }

            results.Add(("  of pandoc's time, starting the process (pandoc --version, median)", $"{F(Median(startUp))} ms", ""));
            var (regions, texts, differences) = DraftText.Compare(draft, pandocJson!);
            results.Add(($"  region texts equal to pandoc's ({regions} regions, {texts} texts)", differences.Count == 0 ? "all equal" : string.Join("; ", differences.Take(3)),
                "all equal"));
            if (differences.Count > 0 && smoke)
            {
                throw new InvalidOperationException($"The draft's texts differ from pandoc's: {string.Join("; ", differences.Take(5))}");
            }
        }
    }
    finally
    {
        File.Delete(file);
    }
}

int width = results.Max(r => r.Measure.Length);
Console.WriteLine();
Console.WriteLine($"{"measure".PadRight(width)} | result | target");
Console.WriteLine($"{new string('-', width)} | --- | ---");
foreach (var (measure, value, target) in results)
{
    Console.WriteLine($"{measure.PadRight(width)} | {value} | {target}");
}

if (smoke)
{
    Console.WriteLine("(smoke pass: tiny sizes, the numbers mean nothing)");
}

// The middle value (sorts the list in place).
static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static async Task<WebApplication> StartHostAsync(string connection, CallCounter? counter)
{
    var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Benchmark"], builder =>
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FactStorage"] = connection,
            ["Fact:Storage:Prefix"] = "b" + Guid.NewGuid().ToString("N")[..10],
            ["Fact:Keys:ProgrammeLead"] = "bench-programme-lead-key-01",
            ["Fact:Keys:Officer"] = "bench-officer-key-000000001",
            ["Fact:Links:SigningKey"] = "bench-link-signing-key-000000000000001",
            ["Fact:LocalHost:RunTimers"] = "false",

            // A 10,000-milestone JSON import is about 1.6 MB, past the 1 MiB default body limit.
            ["Fact:Http:MaxBodyBytes"] = (16 * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Azure"] = "Error",
        });
        if (counter is not null)
        {
            builder.Services.AddSingleton<StoragePipelinePolicy>(counter);
        }
    });
    await app.StartAsync();
    return app;
}

static HttpClient Client(WebApplication app)
{
    string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    var client = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
    client.DefaultRequestHeaders.Add("x-functions-key", "bench-programme-lead-key-01");
    return client;
}

/// <summary>Counts every storage call the host makes.</summary>
internal sealed class CallCounter : StoragePipelinePolicy
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public void Reset() => Interlocked.Exchange(ref calls, 0);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref calls);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref calls);
        return ProcessNextAsync(message, pipeline);
    }
}
