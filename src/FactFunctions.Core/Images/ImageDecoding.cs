using System.Runtime.InteropServices;
using SkiaSharp;

namespace FactFunctions.Images;

/// <summary>
/// Proves an uploaded picture is the picture its header says: SkiaSharp decodes every row of it, one row at a time (so
/// memory is one row, whatever the size), and the file must yield every row of the size its header claims. A header
/// over garbage, a PNG with no image data, a JPEG with no scan: each stops short and is refused. Pictures that cannot be
/// decoded a row at a time (interlaced PNGs, progressive JPEGs, whose decoders hold the whole picture) are decoded only up
/// to <see cref="MaxWholeDecodePixels"/>; no more decodes run at once than there are processors.
/// </summary>
public static class ImageDecoding
{
    /// <summary>
    /// The largest picture decoded whole, for those that cannot be decoded row by row (interlaced PNGs, progressive
    /// JPEGs): 16 megapixels, 64 MiB while it is checked. Larger ones of that kind are refused with a reason.
    /// </summary>
    public const long MaxWholeDecodePixels = 16L * 1024 * 1024;

    private const int RowsBetweenChecks = 256;

    private static readonly SemaphoreSlim Decoders = new(Environment.ProcessorCount);

    /// <summary>Null when the file decodes in full to <paramref name="header"/>'s size; otherwise why not, for the caller to say.</summary>
    public static async Task<string?> ProblemAsync(ReadOnlyMemory<byte> bytes, ImageFile header, CancellationToken ct)
    {
        if (header.Progressive && (long)header.Width * header.Height > MaxWholeDecodePixels)
        {
            return TooLargeToDecodeWhole;
        }

        await Decoders.WaitAsync(ct);
        try
        {
            return Problem(bytes.Span, header, ct);
        }
        finally
        {
            Decoders.Release();
        }
    }

    private static string TooLargeToDecodeWhole =>
        $"is an interlaced or progressive image of more than {MaxWholeDecodePixels / (1024 * 1024)} megapixels; save it without interlacing.";

    private static string? Problem(ReadOnlySpan<byte> bytes, ImageFile header, CancellationToken ct)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes.ToArray(), writable: false), out var created);
        if (codec is null || created != SKCodecResult.Success)
        {
            return "cannot be decoded as an image.";
        }

        if (codec.Info.Width != header.Width || codec.Info.Height != header.Height)
        {
            return $"says it is {header.Width}×{header.Height} pixels, but decodes as {codec.Info.Width}×{codec.Info.Height}.";
        }

        var info = new SKImageInfo(header.Width, header.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var started = codec.StartScanlineDecode(info);
        if (started == SKCodecResult.Success)
        {
            return RowByRow(codec, info, ct);
        }

        if (started != SKCodecResult.Unimplemented)
        {
            return "cannot be decoded as an image.";
        }

        if ((long)header.Width * header.Height > MaxWholeDecodePixels)
        {
            return TooLargeToDecodeWhole;
        }

        using var bitmap = new SKBitmap(info);
        return bitmap.GetPixels() == IntPtr.Zero
            ? "cannot be decoded: no memory for it."
            : codec.GetPixels(info, bitmap.GetPixels()) == SKCodecResult.Success ? null : "stops before its last row: the file is damaged or cut short.";
    }

    private static string? RowByRow(SKCodec codec, SKImageInfo info, CancellationToken ct)
    {
        var row = Marshal.AllocHGlobal(info.RowBytes);
        try
        {
            for (int y = 0; y < info.Height; y++)
            {
                if (y % RowsBetweenChecks == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                if (codec.GetScanlines(row, 1, info.RowBytes) != 1)
                {
                    return $"stops at row {y + 1} of {info.Height}: the file is damaged or cut short.";
                }
            }

            return null;
        }
        finally
        {
            Marshal.FreeHGlobal(row);
        }
    }
}
