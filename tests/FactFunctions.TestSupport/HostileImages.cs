using System.Buffers.Binary;
using System.IO.Hashing;
using SkiaSharp;

namespace FactFunctions.TestSupport;

/// <summary>
/// Pictures whose headers pass and whose data does not (issue 28, finding 10), and a real picture of any size for
/// benchmarks: each built here, so the tests say exactly what they hold.
/// </summary>
public static class HostileImages
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A 10000×10000 RGBA header, then 4 KiB of random bytes as its image data: it claims 400 MB of pixels.</summary>
    public static byte[] HeaderOverGarbage()
    {
        var garbage = new byte[4096];
        new Random(28).NextBytes(garbage);
        return Png(Header(10_000, 10_000), garbage);
    }

    /// <summary>The 36 bytes the header check needed: signature, the start of a 1×1 IHDR, and IEND; no image data at all.</summary>
    public static byte[] ThirtySixBytePng()
    {
        var bytes = new List<byte>(PngSignature);
        bytes.AddRange([0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1]);
        bytes.AddRange(Chunk("IEND", []));
        return [.. bytes];
    }

    /// <summary>A JPEG with a start-of-frame (100×100, three components) and an end marker, and no scan between them.</summary>
    public static byte[] JpegWithoutScan() =>
    [
        0xFF, 0xD8,
        0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x64, 0x00, 0x64, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,
    ];

    /// <summary>A real PNG cut off half-way through its image data and given back its end chunk.</summary>
    public static byte[] CutShort(byte[] png) => [.. png[..(png.Length / 2)], .. Chunk("IEND", [])];

    /// <summary>A real picture of noise (so it does not compress), about <paramref name="side"/>² × 3 bytes as PNG.</summary>
    public static byte[] Noise(int side, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var random = new Random(side);
        var pixels = new byte[side * side * 4];
        random.NextBytes(pixels);
        for (int i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 0xFF;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static byte[] Header(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = 6;
        return ihdr;
    }

    private static byte[] Png(byte[] ihdr, byte[] idat) => [.. PngSignature, .. Chunk("IHDR", ihdr), .. Chunk("IDAT", idat), .. Chunk("IEND", [])];

    private static byte[] Chunk(string type, byte[] data)
    {
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        return chunk;
    }
}
