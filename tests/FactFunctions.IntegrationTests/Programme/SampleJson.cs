using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Programme;

namespace FactFunctions.IntegrationTests.Programme;

internal static class SampleJson
{
    public static string Text { get; } = Read();

    /// <summary>Uploads the sample's diagrams (its image blocks name them), then imports the sample: what a new user's first import does.</summary>
    public static async Task<HttpResponseMessage> ImportAsync(FactHost host, string? document = null)
    {
        await UploadImagesAsync(host);
        return await host.Lead.PostAsync("api/import", FactHost.Json(document ?? Text));
    }

    public static async Task UploadImagesAsync(FactHost host)
    {
        foreach (string id in SampleProgramme.ImageIds)
        {
            var content = new ByteArrayContent(SampleProgramme.Image(id));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            var response = await host.Lead.PutAsync($"api/images/{id}", content);
            Assert.True(response.IsSuccessStatusCode, $"PUT api/images/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Read()
    {
        using var stream = typeof(SampleProgramme).Assembly.GetManifestResourceStream(SampleProgramme.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
