using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;

namespace FactFunctions.IntegrationTests.Reliability;

/// <summary>
/// Sheet XML a spreadsheet program would never write (a row numbered "abc" or past any sheet, a cell of no type, a style
/// that is not a number) and a second sheet named as another with other letter case: a 422 naming the workbook, never a
/// 500 and never one sheet silently read in place of another; nothing is written.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileWorkbookTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private FactHost host = null!;

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("row-letters")]
    [InlineData("row-overflow")]
    [InlineData("cell-type")]
    [InlineData("cell-style")]
    [InlineData("sheet-case")]
    public async Task A_hostile_workbook_is_a_422_and_writes_nothing(string attack)
    {
        byte[] workbook = await (await host.Officer.GetAsync("api/programme.xlsx")).Content.ReadAsByteArrayAsync();
        string before = await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

        byte[] hostile = Edit(workbook, (name, xml) => (attack, name) switch
        {
            ("row-letters", _) when name.StartsWith("xl/worksheets/", StringComparison.Ordinal) => Once(xml, "<x:row r=\"2\"", "<x:row r=\"abc\"",
                "<row r=\"2\"", "<row r=\"abc\""),
            ("row-overflow", _) when name.StartsWith("xl/worksheets/", StringComparison.Ordinal) =>
                Once(xml, "<x:row r=\"2\"", "<x:row r=\"99999999999\"", "<row r=\"2\"", "<row r=\"99999999999\""),
            ("cell-type", _) when name.StartsWith("xl/worksheets/", StringComparison.Ordinal) => Regex.Replace(xml, "t=\"(s|inlineStr|str)\"", "t=\"bogus\""),
            ("cell-style", _) when name.StartsWith("xl/worksheets/", StringComparison.Ordinal) => Regex.Replace(xml, " s=\"\\d+\"", " s=\"zz\""),
            ("sheet-case", "xl/workbook.xml") => Regex.Replace(xml, "(<(?:x:)?sheet [^>]*name=\"Projects\"[^>]*r:id=\"(?<id>[^\"]+)\"[^>]*/>)",
                m => m.Value + m.Value.Replace("name=\"Projects\"", "name=\"projects\"", StringComparison.Ordinal)
                    .Replace(Regex.Match(m.Value, "sheetId=\"\\d+\"").Value, "sheetId=\"99\"", StringComparison.Ordinal)),
            _ => xml,
        });
        Assert.NotEqual(workbook, hostile);

        var content = new ByteArrayContent(hostile);
        content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        var response = await host.Lead.PutAsync("api/programme.xlsx", content);

        Assert.True((int)response.StatusCode == 422, $"{attack}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Text with Windows line breaks survives the workbook: an unchanged download uploaded again reports no change and
    /// keeps CR LF (XML would turn a raw CR LF into LF, so the workbook writes CR as _x000D_, as Excel does).
    /// </summary>
    [Fact]
    public async Task An_unchanged_workbook_keeps_windows_line_breaks_and_reports_no_change()
    {
        await (await host.Lead.PutAsync("api/projects/early-support-assessment",
            FactHost.Json("""{"name":"Early Support Assessment","status":"active","aim":"Line one\r\nLine two_x0041_"}"""))).ExpectAsync(200);
        byte[] workbook = await (await host.Officer.GetAsync("api/programme.xlsx")).Content.ReadAsByteArrayAsync();

        var content = new ByteArrayContent(workbook);
        content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        var result = await (await host.Lead.PutAsync("api/programme.xlsx", content)).ExpectAsync(200);

        Assert.Equal(0, result.GetProperty("projects").GetProperty("changed").GetInt32());
        var project = await (await host.Officer.GetAsync("api/projects/early-support-assessment")).ExpectAsync(200);
        Assert.Equal("Line one\r\nLine two_x0041_", project.GetProperty("aim").GetString());
    }

    private static string Once(string xml, params string[] pairs)
    {
        for (int i = 0; i < pairs.Length; i += 2)
        {
            int at = xml.IndexOf(pairs[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                return xml[..at] + pairs[i + 1] + xml[(at + pairs[i].Length)..];
            }
        }

        return xml;
    }

    private static byte[] Edit(byte[] workbook, Func<string, string, string> edit)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                string text = reader.ReadToEnd();
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(entry.FullName.EndsWith(".xml", StringComparison.Ordinal) ? edit(entry.FullName, text) : text);
            }
        }

        return output.ToArray();
    }
}
