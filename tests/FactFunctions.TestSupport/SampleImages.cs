using System.Net.Http.Headers;
using FactFunctions.Programme;

namespace FactFunctions.TestSupport;

/// <summary>The FACT sample's diagrams, which its image blocks name, uploaded over HTTP before the sample is imported.</summary>
public static class SampleImages
{
    public static async Task UploadAsync(HttpClient programmeLead)
    {
        foreach (string id in SampleProgramme.ImageIds)
        {
            using var content = new ByteArrayContent(SampleProgramme.Image(id));
            content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var response = await programmeLead.PutAsync($"api/images/{id}", content);
            response.EnsureSuccessStatusCode();
        }
    }
}
