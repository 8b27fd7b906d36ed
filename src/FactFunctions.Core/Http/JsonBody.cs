using System.Text.Json;
using FactFunctions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FactFunctions.Http;

/// <summary>A request body read as JSON, or the problem to answer instead (400, 413 or 415).</summary>
public readonly record struct Body<T>(T? Value, IResult? Problem)
    where T : class;

public sealed class JsonBody(IOptions<FactHttpOptions> options)
{
    public int DefaultLimit => options.Value.MaxBodyBytes;

    /// <summary>
    /// The body read as JSON and checked by <paramref name="validate"/>, or the problem to answer instead: 400, 413 or 415
    /// for a body that is not readable JSON, 422 naming every field <paramref name="validate"/> found wrong.
    /// </summary>
    public Task<Body<T>> ReadValidAsync<T>(HttpRequest request, Action<ValidationErrors, T> validate, CancellationToken cancellationToken)
        where T : class =>
        ReadValidAsync<T>(request, (errors, value, _) =>
        {
            validate(errors, value);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <inheritdoc cref="ReadValidAsync{T}(HttpRequest, Action{ValidationErrors, T}, CancellationToken)"/>
    public async Task<Body<T>> ReadValidAsync<T>(HttpRequest request, Func<ValidationErrors, T, CancellationToken, Task> validate, CancellationToken cancellationToken)
        where T : class
    {
        var input = await ReadAsync<T>(request, cancellationToken).ConfigureAwait(false);
        if (input.Problem is not null)
        {
            return input;
        }

        var errors = new ValidationErrors();
        await validate(errors, input.Value!, cancellationToken).ConfigureAwait(false);
        return errors.IsEmpty ? input : new Body<T>(null, Problems.Validation(errors));
    }

    public async Task<Body<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!IsJson(request.ContentType))
        {
            return new Body<T>(null, Problems.Problem(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaTypeType,
                "The body must be JSON.", "Send the body with Content-Type: application/json (UTF-8)."));
        }

        var bytes = await RequestBytes.ReadAsync(request, DefaultLimit, cancellationToken).ConfigureAwait(false);
        if (bytes.Problem is not null)
        {
            return new Body<T>(null, bytes.Problem);
        }

        if (bytes.Content.Length == 0)
        {
            return new Body<T>(null, Problems.Malformed("The request body is empty; a JSON object is required."));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes.Content.Span, FactJson.Options);
            return value is null
                ? new Body<T>(null, Problems.Malformed("The request body is null; a JSON object is required."))
                : new Body<T>(value, null);
        }
        catch (JsonException e)
        {
            string field = string.IsNullOrEmpty(e.Path) ? "$" : e.Path;
            return new Body<T>(null, Problems.Malformed(Describe(e), field));
        }
    }

    private static string Describe(JsonException e)
    {
        // The serializer's message names the path and position without echoing the body; keep only its first sentence.
        string message = e.Message;
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        string head = cut > 0 ? message[..cut] : message;
        string where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : string.Empty;
        return $"{head}{where}";
    }

    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        bool json = media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
                    media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true;
        bool utf8 = !media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        return json && utf8;
    }
}

/// <summary>Reads a request body into memory with a hard limit, answering 413 past it without reading further.</summary>
public static class RequestBytes
{
    public readonly record struct Result(ReadOnlyMemory<byte> Content, IResult? Problem);

    public static async Task<Result> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return new Result(default, TooLarge(limit));
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return new Result(default, TooLarge(limit));
            }

            buffer.Write(chunk, 0, read);
        }

        return new Result(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), null);
    }

    /// <summary>
    /// An uploaded file: its Content-Type must be <paramref name="contentType"/> (or application/octet-stream), else 415
    /// naming what to send; then read as <see cref="ReadAsync"/> does.
    /// </summary>
    public static async Task<Result> ReadFileAsync(HttpRequest request, string contentType, string what, int limit, CancellationToken cancellationToken)
    {
        string? type = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(type, contentType, StringComparison.OrdinalIgnoreCase) && !string.Equals(type, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return new Result(default, Problems.Problem(StatusCodes.Status415UnsupportedMediaType, Problems.UnsupportedMediaTypeType, $"The body must be {what}.",
                $"Send it with Content-Type: {contentType}."));
        }

        return await ReadAsync(request, limit, cancellationToken).ConfigureAwait(false);
    }

    private static IResult TooLarge(int limit) =>
        Problems.Problem(StatusCodes.Status413PayloadTooLarge, Problems.TooLargeType, "The request body is too large.",
            $"The body may be at most {limit:N0} bytes.");
}
