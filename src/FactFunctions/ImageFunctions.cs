using FactFunctions.Http;
using FactFunctions.Images;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace FactFunctions.Functions;

/// <summary>The diagrams image blocks show: one line per route into Core.</summary>
public sealed class ImageFunctions(ImageHandlers handlers)
{
    [Function(nameof(PutImage))]
    public Task<IResult> PutImage([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Image)] HttpRequest request, string imageId) => handlers.Put(request, imageId);

    [Function(nameof(GetImage))]
    public Task<IResult> GetImage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = Routes.Image)] HttpRequest request,
        string imageId) => handlers.Get(request, imageId);
}
