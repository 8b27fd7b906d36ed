using FactFunctions.Images;
using FactFunctions.Programme;
using FactFunctions.TestSupport;
using SkiaSharp;

namespace FactFunctions.Core.Tests.Images;

public sealed class ImageDecodingTests
{
    public static TheoryData<string> Hostile() => ["header over garbage", "36-byte PNG", "JPEG without a scan", "PNG cut short"];

    private static byte[] Build(string name) => name switch
    {
        "header over garbage" => HostileImages.HeaderOverGarbage(),
        "36-byte PNG" => HostileImages.ThirtySixBytePng(),
        "JPEG without a scan" => HostileImages.JpegWithoutScan(),
        "PNG cut short" => HostileImages.CutShort(SampleProgramme.Image("fact-governance")),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such image"),
    };

    /// <summary>Each passes the header check (which is all there was) and fails decoding.</summary>
    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_picture_whose_data_is_not_its_header_is_refused_with_a_reason(string name)
    {
        byte[] bytes = Build(name);
        var header = ImageFile.Read(bytes);

        Assert.NotNull(header);
        Assert.NotNull(await ImageDecoding.ProblemAsync(bytes, header, CancellationToken.None));
    }

    /// <summary>A progressive JPEG's decoder holds the whole picture: past 16 megapixels it is refused before decoding.</summary>
    [Fact]
    public async Task A_progressive_jpeg_too_large_to_decode_whole_is_refused_unread()
    {
        byte[] progressive = [0xFF, 0xD8, 0xFF, 0xC2, 0x00, 0x11, 0x08, 0x13, 0x88, 0x13, 0x88, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9];
        var file = ImageFile.Read(progressive)!;

        Assert.True(file.Progressive);
        Assert.Equal(5000, file.Width);
        Assert.Contains("progressive", await ImageDecoding.ProblemAsync(progressive, file, CancellationToken.None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_pictures_decode_whole()
    {
        foreach (string id in SampleProgramme.ImageIds)
        {
            byte[] png = SampleProgramme.Image(id);
            Assert.Null(await ImageDecoding.ProblemAsync(png, ImageFile.Read(png)!, CancellationToken.None));
        }

        byte[] jpeg = HostileImages.Noise(300, SKEncodedImageFormat.Jpeg);
        var file = ImageFile.Read(jpeg);
        Assert.Equal(ImageFile.Jpeg, file?.ContentType);
        Assert.Null(await ImageDecoding.ProblemAsync(jpeg, file!, CancellationToken.None));
        Assert.False(file!.Progressive);
    }
}
