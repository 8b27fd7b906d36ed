using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Boards;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.IntegrationTests.Programme;

namespace FactFunctions.IntegrationTests.Reports;

/// <summary>
/// Issue 24: the lead writes the paper's words in Word. A draft downloaded and uploaded unchanged changes nothing, from
/// Word's bytes and after LibreOffice has saved it; edits written the way Word writes them become exactly those blocks;
/// everything refused writes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DraftTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private FactHost host = null!;

    public static TheoryData<string, string> Papers => new()
    {
        { PaperKinds.SelectCommittee, "2022-11-08" },
        { PaperKinds.SchoolsForum, "2022-12-08" },
        { PaperKinds.Highlight, "2023-01-24" },
    };

    public async Task InitializeAsync()
    {
        host = await fixture.StartHostAsync();
        await (await SampleJson.ImportAsync(host)).ExpectAsync(200);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Papers))]
    public async Task A_draft_uploaded_unchanged_changes_nothing(string kind, string meeting)
    {
        byte[] draft = await DownloadAsync(kind, meeting);
        using (var document = WordprocessingDocument.Open(new MemoryStream(draft), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document).Take(5).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var controls = document.MainDocumentPart!.Document!.Descendants<SdtElement>().ToList();
            Assert.Contains(controls, c => Tag(c)?.StartsWith("fact:", StringComparison.Ordinal) == true);
            Assert.Contains(controls, c => Tag(c) == "fact-locked" && c.SdtProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Lock>()?.Val?.Value == LockingValues.SdtContentLocked);
            Assert.NotNull(document.CustomFilePropertiesPart);
        }

        string before = await ExportAsync();
        var result = await UploadAsync(kind, meeting, draft);
        Assert.Empty(result.GetProperty("changes").EnumerateArray());
        Assert.Empty(result.GetProperty("ignored").EnumerateArray());
        Assert.True(result.GetProperty("regions").GetInt32() > 0);
        Assert.Equal(before, await ExportAsync());
    }

    [LibreOfficeTheory]
    [MemberData(nameof(Papers))]
    public async Task A_draft_saved_again_by_LibreOffice_changes_nothing(string kind, string meeting)
    {
        byte[] draft = await DownloadAsync(kind, meeting);
        byte[] resaved = await LibreOffice.ConvertAsync(draft, "draft", "docx", "docx:MS Word 2007 XML", "docx");

        var result = await UploadAsync(kind, meeting, resaved);
        Assert.Empty(result.GetProperty("changes").EnumerateArray());
        Assert.Empty(result.GetProperty("ignored").EnumerateArray());
    }

    private async Task<byte[]> DownloadAsync(string kind, string meeting, string query = "")
    {
        var response = await host.Officer.GetAsync($"api/drafts/{kind}/{meeting}{query}");
        Assert.True((int)response.StatusCode == 200, await response.Content.ReadAsStringAsync());
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<JsonElement> UploadAsync(string kind, string meeting, byte[] draft, string query = "", int expect = 200)
    {
        var response = await PutAsync(kind, meeting, draft, query);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expect, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PutAsync(string kind, string meeting, byte[] draft, string query = "", string contentType = Docx)
    {
        var content = new ByteArrayContent(draft);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return host.Lead.PutAsync($"api/drafts/{kind}/{meeting}{query}", content);
    }

    private async Task<string> ExportAsync() => await (await host.Officer.GetAsync("api/export")).Content.ReadAsStringAsync();

    private static string? Tag(SdtElement control) => control.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value;
}
