using System.Buffers.Binary;

namespace FactFunctions.Images;

/// <summary>
/// What an uploaded picture really is, read from its bytes (never from what the client says): PNG or JPEG, and its
/// size in pixels. Anything else, or a file cut short, is not an image.
/// </summary>
public sealed record ImageFile(string ContentType, int Width, int Height)
{
    /// <summary>A progressive JPEG: its decoder holds every coefficient of the picture, not one row (<see cref="ImageDecoding"/>).</summary>
    public bool Progressive { get; init; }

    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const int MaxSide = 10_000;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] PngEnd = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    public static ImageFile? Read(ReadOnlySpan<byte> bytes)
    {
        // A whole PNG ends with its IEND chunk, a whole JPEG with its end-of-image marker: a file cut short is refused.
        if (bytes.Length >= 36 && bytes[..8].SequenceEqual(PngSignature) && bytes.Slice(12, 4).SequenceEqual("IHDR"u8) &&
            bytes[^12..].SequenceEqual(PngEnd))
        {
            return Sized(Png, BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(16, 4)), BinaryPrimitives.ReadInt32BigEndian(bytes.Slice(20, 4)));
        }

        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[^2] == 0xFF && bytes[^1] == 0xD9)
        {
            return ReadJpeg(bytes);
        }

        return null;
    }

    /// <summary>Walks the JPEG's segments to its first start-of-frame marker, which holds the size.</summary>
    private static ImageFile? ReadJpeg(ReadOnlySpan<byte> bytes)
    {
        int at = 2;
        while (at + 4 <= bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }

            byte marker = bytes[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 2, 2));
            bool startOfFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (startOfFrame)
            {
                return at + 9 <= bytes.Length
                    ? Sized(Jpeg, BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 7, 2)), BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(at + 5, 2))) is { } file
                        ? file with { Progressive = marker is 0xC2 or 0xC6 or 0xCA or 0xCE }
                        : null
                    : null;
            }

            if (length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    private static ImageFile? Sized(string type, int width, int height) =>
        width is > 0 and <= MaxSide && height is > 0 and <= MaxSide ? new ImageFile(type, width, height) : null;
}
