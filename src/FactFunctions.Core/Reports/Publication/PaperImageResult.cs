using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FactFunctions.Reports.Publication;

/// <summary>
/// One image of a stored paper, streamed from the paper's zip entry to the response: the paper, its blob stream and the
/// image are never held in memory whole, and all three are closed once the answer is written.
/// </summary>
public sealed class PaperImageResult(Stream blob, WordprocessingDocument document, ImagePart part, EntityTagHeaderValue etag) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        try
        {
            var response = httpContext.Response;
            response.ContentType = part.ContentType;
            response.Headers.ETag = etag.ToString();

            // A paper never changes, so neither does its n-th image.
            response.Headers.CacheControl = "private, max-age=86400, immutable";
            if (HttpMethods.IsHead(httpContext.Request.Method))
            {
                return;
            }

            await using var content = part.GetStream(FileMode.Open, FileAccess.Read);
            await content.CopyToAsync(response.Body, httpContext.RequestAborted);
        }
        finally
        {
            document.Dispose();
            await blob.DisposeAsync();
        }
    }
}
