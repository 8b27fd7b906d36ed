using FactFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FactFunctions.Images;

/// <summary>PUT and GET /api/images/{imageId}: the diagrams image blocks show.</summary>
public sealed class ImageHandlers(RequestPipeline pipeline, ImageStore images)
{
    public Task<IResult> Put(HttpRequest request, string imageId) =>
        pipeline.RunAsync(request, FactRole.ProgrammeLead, async ct =>
        {
            if (Problems.BadId("imageId", imageId) is { } bad)
            {
                return bad;
            }

            string? type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (type is not (ImageFile.Png or ImageFile.Jpeg))
            {
                return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaTypeType, "The body must be a PNG or JPEG image.",
                    $"Send the image's bytes with Content-Type: {ImageFile.Png} or {ImageFile.Jpeg}.");
            }

            var upload = await RequestBytes.ReadAsync(request, ImageStore.MaxBytes, ct);
            if (upload.Problem is not null)
            {
                return upload.Problem;
            }

            var file = ImageFile.Read(upload.Content.Span);
            if (file is null || file.ContentType != type)
            {
                return Problems.Invalid("body", file is null
                    ? $"is not a readable PNG or JPEG image of at most {ImageFile.MaxSide} pixels a side."
                    : $"is a {file.ContentType} image, but was sent as {type}.");
            }

            if (await ImageDecoding.ProblemAsync(upload.Content, file, ct) is { } damaged)
            {
                return Problems.Invalid("body", $"is not a whole {file.ContentType} image: it {damaged}");
            }

            return await images.PutAsync(imageId, upload.Content.ToArray(), file, ct) switch
            {
                ImageWrite.Conflict => Problems.Conflict(
                    $"Image '{imageId}' already exists with other content. Stored images never change, because papers already generated show them: " +
                        $"upload the new diagram under a new id."),
                var written => written == ImageWrite.Created
                    ? TypedResults.Created($"{Routes.BasePath}/images/{imageId}", new ImageInfo(imageId, file.ContentType, file.Width, file.Height))
                    : TypedResults.Ok(new ImageInfo(imageId, file.ContentType, file.Width, file.Height)),
            };
        });

    public Task<IResult> Get(HttpRequest request, string imageId) =>
        pipeline.RunAsync(request, FactRole.Officer, async ct =>
        {
            if (Problems.BadId("imageId", imageId) is { } bad)
            {
                return bad;
            }

            return await images.GetAsync(imageId, ct) is { } image
                ? TypedResults.File(image.Content, image.File.ContentType, entityTag: new EntityTagHeaderValue($"\"{image.Sha256}\""))
                : Problems.NotFound($"Image '{imageId}'");
        });
}
