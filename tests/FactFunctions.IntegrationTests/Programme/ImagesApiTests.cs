using System.Net;
using System.Net.Http.Headers;
using FactFunctions.IntegrationTests.Infrastructure;
using FactFunctions.Programme;

namespace FactFunctions.IntegrationTests.Programme;

/// <summary>Diagrams for image blocks: stored once, read back, refused when they are not what they claim or too big.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImagesApiTests(AzuriteFixture fixture) : IAsyncLifetime
{
    private FactHost host = null!;

    public async Task InitializeAsync() => host = await fixture.StartHostAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<HttpResponseMessage> PutAsync(string id, byte[] bytes, string type = "image/png", HttpClient? client = null)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return (client ?? host.Lead).PutAsync($"api/images/{id}", content);
    }

    [Fact]
    public async Task An_image_is_stored_once_read_back_and_never_replaced()
    {
        byte[] png = SampleProgramme.Image("fact-governance");

        var created = await (await PutAsync("governance", png)).ExpectAsync(201);
        Assert.Equal(1200, created.GetProperty("width").GetInt32());
        await (await PutAsync("governance", png)).ExpectAsync(200);
        await (await PutAsync("governance", SampleProgramme.Image("fact-outcomes-framework"))).ExpectAsync(409);
        await (await PutAsync("officer-tries", png, client: host.Officer)).ExpectAsync(403);

        var read = await host.Officer.GetAsync("api/images/governance");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("image/png", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await read.Content.ReadAsByteArrayAsync());
        await (await host.Officer.GetAsync("api/images/no-such-image")).ExpectAsync(404);
    }

    [Fact]
    public async Task Images_that_are_not_what_they_claim_or_too_big_are_refused_naming_why()
    {
        byte[] png = SampleProgramme.Image("fact-governance");

        await (await PutAsync("a", "not an image at all"u8.ToArray())).ExpectAsync(422);
        var mislabelled = await (await PutAsync("b", png, "image/jpeg")).ExpectAsync(422);
        Assert.Contains("image/png", mislabelled.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        await (await PutAsync("c", png, "image/svg+xml")).ExpectAsync(415);
        await (await PutAsync("d", png[..30])).ExpectAsync(422);
        byte[] big = new byte[10 * 1024 * 1024];
        png.CopyTo(big, 0);
        await (await PutAsync("e", big)).ExpectAsync(413);
        await (await PutAsync("Not_A_Slug", png)).ExpectAsync(400);
    }

    /// <summary>Issue 28, finding 10: headers that pass over data that is not a picture were stored; now they are decoded first.</summary>
    [Fact]
    public async Task Pictures_whose_data_is_not_what_their_header_says_are_refused_and_nothing_is_stored()
    {
        var hostile = new (string Id, byte[] Bytes, string Type)[]
        {
            ("header-over-garbage", FactFunctions.TestSupport.HostileImages.HeaderOverGarbage(), "image/png"),
            ("thirty-six-bytes", FactFunctions.TestSupport.HostileImages.ThirtySixBytePng(), "image/png"),
            ("jpeg-without-scan", FactFunctions.TestSupport.HostileImages.JpegWithoutScan(), "image/jpeg"),
            ("cut-short", FactFunctions.TestSupport.HostileImages.CutShort(SampleProgramme.Image("fact-governance")), "image/png"),
        };
        foreach (var (id, bytes, type) in hostile)
        {
            var refused = await (await PutAsync(id, bytes, type)).ExpectAsync(422);
            Assert.Contains("is not a whole", refused.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
            await (await host.Officer.GetAsync($"api/images/{id}")).ExpectAsync(404);
        }

        byte[] jpeg = FactFunctions.TestSupport.HostileImages.Noise(200, SkiaSharp.SKEncodedImageFormat.Jpeg);
        await (await PutAsync("real-jpeg", jpeg, "image/jpeg")).ExpectAsync(201);
    }

    [Fact]
    public async Task A_block_naming_an_image_that_was_never_uploaded_is_refused_and_nothing_is_written()
    {
        await (await host.Lead.PutAsync("api/projects/p1", FactHost.Json("""{"name":"P1","status":"active","order":1}"""))).ExpectAsync(201);

        var refused = await (await host.Lead.PostAsync("api/projects/p1/updates", FactHost.Json(
            """
            {"asOf":"2022-10-14","audience":"both",
             "blocks":["Text",{"type":"image","imageId":"missing-diagram","altText":"A diagram"},{"type":"image","imageId":"x"}]}
            """))).ExpectAsync(422);
        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty("blocks[2].altText", out _), errors.ToString());
        await SampleJson.UploadImagesAsync(host);
        var missing = await (await host.Lead.PostAsync("api/projects/p1/updates", FactHost.Json(
            """{"asOf":"2022-10-14","audience":"both","blocks":["Text",{"type":"image","imageId":"missing-diagram","altText":"A diagram"}]}"""))).ExpectAsync(422);
        Assert.Contains("missing-diagram", missing.GetProperty("errors").GetProperty("blocks[1].imageId")[0].GetString(), StringComparison.Ordinal);
        var project = await (await host.Officer.GetAsync("api/projects/p1")).ExpectAsync(200);
        Assert.Equal(0, project.GetProperty("updates").GetArrayLength());

        await (await host.Lead.PostAsync("api/projects/p1/updates", FactHost.Json(
            """{"asOf":"2022-10-14","audience":"both","blocks":[{"type":"image","imageId":"fact-governance","altText":"Governance","caption":"Figure 1"}]}"""))).ExpectAsync(201);
    }
}
