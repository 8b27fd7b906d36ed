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

    public static Task UploadImagesAsync(FactHost host) => SampleImages.UploadAsync(host.Lead);

    private static string Read()
    {
        using var stream = typeof(SampleProgramme).Assembly.GetManifestResourceStream(SampleProgramme.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
