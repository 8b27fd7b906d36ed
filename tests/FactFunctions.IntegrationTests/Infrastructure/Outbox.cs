using FactFunctions.Storage;
using MimeKit;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>The e-mails a host wrote to its outbox container (it has no SendGrid key), as stored and as MimeKit reads them.</summary>
public static class Outbox
{
    public static async Task<List<(string Name, byte[] Content)>> ReadAsync(FactHost host)
    {
        var storage = host.Service<FactStorage>();
        var container = storage.BlobService.GetBlobContainerClient(storage.ContainerName(Containers.Outbox));
        var found = new List<(string, byte[])>();
        if (!await container.ExistsAsync())
        {
            return found;
        }

        await foreach (var blob in container.GetBlobsAsync())
        {
            var content = await container.GetBlobClient(blob.Name).DownloadContentAsync();
            found.Add((blob.Name, content.Value.Content.ToArray()));
        }

        return found;
    }

    /// <summary>
    /// Reads an .eml as SMTP would carry it and a careful client would read it: CRLF only, every part transfer-encoded to
    /// 7 bits, MIME parsed strictly, every part's transfer encoding one a 7-bit transport accepts.
    /// </summary>
    public static MimeMessage ParseSendable(byte[] raw)
    {
        for (int i = 0; i < raw.Length; i++)
        {
            Assert.True(raw[i] != (byte)'\n' || (i > 0 && raw[i - 1] == (byte)'\r'), $"bare LF at byte {i}");
            Assert.True(raw[i] < 0x80, $"8-bit byte at {i}: every part should be transfer-encoded");
        }

        var strict = new ParserOptions
        {
            AddressParserComplianceMode = RfcComplianceMode.Strict,
            ParameterComplianceMode = RfcComplianceMode.Strict,
            Rfc2047ComplianceMode = RfcComplianceMode.Strict,
        };
        using var stream = new MemoryStream(raw);
        var parsed = MimeMessage.Load(strict, stream);
        Assert.All(parsed.BodyParts.OfType<MimePart>(), p => Assert.True(
            p.ContentTransferEncoding is ContentEncoding.QuotedPrintable or ContentEncoding.Base64 or ContentEncoding.SevenBit,
            $"{p.ContentType.MimeType} is {p.ContentTransferEncoding}"));
        return parsed;
    }
}
