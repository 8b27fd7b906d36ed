using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using FactFunctions.Programme;
using FactFunctions.Reports.Drafts;
using FactFunctions.Reports.Word;

namespace FactFunctions.Benchmarks;

/// <summary>
/// The draft benchmark's peer and its check: pandoc's docx reader run on a draft, and each region's texts as the
/// upload reads them (<see cref="DraftDocument"/>, <see cref="BlockReader"/>) against the paragraphs pandoc reads
/// between the same hidden markers, which pandoc keeps as paragraphs of their own.
/// </summary>
internal static partial class DraftText
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>One read by pandoc, as a process (how it is used): milliseconds and its JSON; -1 and null when pandoc is not installed.</summary>
    public static async Task<(double Ms, string? Json)> PandocAsync(string file)
    {
        var start = new ProcessStartInfo("pandoc") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[] { "-f", "docx", "-t", "json", file })
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, null);
        }

        using (process)
        {
            var output = process!.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            double ms = watch.Elapsed.TotalMilliseconds;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"pandoc failed ({process.ExitCode}): {await errors}");
            }

            return (ms, await output);
        }
    }

    /// <summary>The draft with the purpose's words replaced by one paragraph, in the paper's numbered style.</summary>
    public static byte[] WithPurpose(byte[] draft, string words)
    {
        using var stream = new MemoryStream();
        stream.Write(draft);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            var control = document.MainDocumentPart!.Document!.Descendants<DocumentFormat.OpenXml.Wordprocessing.SdtBlock>()
                .First(c => c.SdtProperties?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Tag>()?.Val?.Value == "fact:programme.purpose");
            var content = control.SdtContentBlock!;
            var model = content.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().First();
            content.RemoveAllChildren();
            content.AppendChild(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                (DocumentFormat.OpenXml.Wordprocessing.ParagraphProperties)model.ParagraphProperties!.CloneNode(true),
                new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(words))));
        }

        return stream.ToArray();
    }

    /// <summary>What starting pandoc costs by itself (<c>pandoc --version</c>), in milliseconds: part of every read by it.</summary>
    public static async Task<double> PandocStartAsync()
    {
        var start = new ProcessStartInfo("pandoc") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("--version");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return watch.Elapsed.TotalMilliseconds;
    }

    /// <summary>How many regions and texts were compared, and each difference in words.</summary>
    public static (int Regions, int Texts, List<string> Differences) Compare(byte[] draft, string pandocJson)
    {
        var ours = Ours(draft);
        var theirs = Pandoc(pandocJson);
        var differences = new List<string>();
        foreach (var (region, texts) in ours)
        {
            var other = theirs.GetValueOrDefault(region) ?? [];
            if (!texts.SequenceEqual(other))
            {
                int at = Enumerable.Range(0, Math.Max(texts.Count, other.Count))
                    .First(i => i >= texts.Count || i >= other.Count || texts[i] != other[i]);
                differences.Add($"{region} text {at + 1}: ours “{(at < texts.Count ? texts[at] : "(none)")}”, pandoc's “{(at < other.Count ? other[at] : "(none)")}”");
            }
        }

        differences.AddRange(theirs.Keys.Except(ours.Keys).Select(r => $"{r}: only pandoc found it"));
        return (ours.Count, ours.Values.Sum(t => t.Count), differences);
    }

    /// <summary>Each region's texts as the upload reads them: paragraphs, items, cells, captions; a reference as no words, as pandoc reads it.</summary>
    private static Dictionary<string, List<string>> Ours(byte[] draft)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(draft), false);
        var main = document.MainDocumentPart!;
        var (provenance, _) = DraftProvenance.ReadFrom(document);
        var places = provenance!.Regions.ToDictionary(r => r.Id, r => new BlockPlace(r.Numbered, r.SubheadingLevel), StringComparer.Ordinal);
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var span in DraftDocument.Read(main).Regions)
        {
            // A cross-reference is read as one (pandoc leaves out the number a REF field prints): any bookmark a draft writes names a block.
            var blocks = new BlockReader(main, places[span.Id], n => n.StartsWith("_RefFact", StringComparison.Ordinal) ? "r" + n[8..].ToLowerInvariant() : null)
                .Read(span.Elements);
            result[span.Id] = [.. blocks.SelectMany(Texts).Select(DraftDocument.Normal).Where(t => t.Length > 0)];
        }

        return result;
    }

    private static IEnumerable<string> Texts(Block block) => block.Type switch
    {
        BlockTypes.Table => block.Rows!.SelectMany(r => r),
        BlockTypes.Image => block.Caption is { } caption ? [caption] : [],
        _ => [.. block.Text is { } text ? new[] { InlineText.Plain(text) } : [], .. (block.Items ?? []).Select(InlineText.Plain)],
    };

    /// <summary>Pandoc's paragraphs, list items and cells as text, grouped by the markers around them.</summary>
    private static Dictionary<string, List<string>> Pandoc(string json)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? open = null;
        foreach (string text in Blocks(JsonDocument.Parse(json).RootElement.GetProperty("blocks")))
        {
            if (Marker().Match(text) is { Success: true } marker)
            {
                open = marker.Groups[1].Value == "start" ? result[marker.Groups[2].Value] = [] : null;
            }
            else if (open is not null && text.Length > 0)
            {
                open.Add(text);
            }
        }

        return result;
    }

    private static IEnumerable<string> Blocks(JsonElement blocks)
    {
        foreach (var block in blocks.EnumerateArray())
        {
            var content = block.TryGetProperty("c", out var c) ? c : default;
            switch (block.GetProperty("t").GetString())
            {
                case "Para" or "Plain":
                    yield return DraftDocument.Normal(Inlines(content));
                    break;
                case "Header":
                    yield return DraftDocument.Normal(Inlines(content[2]));
                    break;
                case "BulletList":
                    foreach (var text in content.EnumerateArray().SelectMany(Blocks))
                    {
                        yield return text;
                    }

                    break;
                case "OrderedList":
                    foreach (var text in content[1].EnumerateArray().SelectMany(Blocks))
                    {
                        yield return text;
                    }

                    break;
                case "Div" or "BlockQuote":
                    foreach (var text in Blocks(block.GetProperty("t").GetString() == "Div" ? content[1] : content))
                    {
                        yield return text;
                    }

                    break;
                case "Table":
                    // [attr, caption, colspecs, head, bodies, foot]: every cell's blocks, row by row.
                    foreach (var cell in Cells(content[3]).Concat(content[4].EnumerateArray().SelectMany(b => Cells(b[3]))))
                    {
                        yield return DraftDocument.Normal(string.Join(" ", Blocks(cell)));
                    }

                    break;
            }
        }
    }

    /// <summary>The cells' block lists of a table head or body: [attr, rows], each row [attr, cells], each cell [attr, align, rowspan, colspan, blocks].</summary>
    private static IEnumerable<JsonElement> Cells(JsonElement part)
    {
        var rows = part.ValueKind == JsonValueKind.Array && part.GetArrayLength() == 2 ? part[1] : part;
        return rows.EnumerateArray().SelectMany(row => row[1].EnumerateArray().Select(cell => cell[4]));
    }

    private static string Inlines(JsonElement inlines) => string.Concat(inlines.EnumerateArray().Select(inline => inline.GetProperty("t").GetString() switch
    {
        "Str" => inline.GetProperty("c").GetString(),
        "Space" or "SoftBreak" or "LineBreak" => " ",
        "Strong" or "Emph" or "Underline" or "Strikeout" or "Superscript" or "Subscript" or "SmallCaps" => Inlines(inline.GetProperty("c")),
        "Span" or "Link" or "Quoted" or "Cite" => Inlines(inline.GetProperty("c")[1]),
        _ => string.Empty,
    }));

    [GeneratedRegex(@"^FACT-DRAFT (start|end) (\S+)$")]
    private static partial Regex Marker();
}
