using FactFunctions.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactFunctions.Http;

/// <summary>RFC 9457 problem details with a stable <c>type</c> for each kind of error.</summary>
public static class Problems
{
    private const string TypeBase = "https://factfunctions.example/problems/";

    public const string ValidationType = TypeBase + "validation";
    public const string MalformedType = TypeBase + "malformed-request";
    public const string UnsupportedMediaTypeType = TypeBase + "unsupported-media-type";
    public const string TooLargeType = TypeBase + "body-too-large";
    public const string BadBodyType = TypeBase + "unreadable-body";
    public const string UnauthorizedType = TypeBase + "unauthorized";
    public const string ForbiddenType = TypeBase + "forbidden";
    public const string NotFoundType = TypeBase + "not-found";
    public const string ConflictType = TypeBase + "conflict";
    public const string ImportIncompleteType = TypeBase + "import-incomplete";
    public const string ImportInProgressType = TypeBase + "import-in-progress";
    public const string PaperStatusType = TypeBase + "paper-status";
    public const string PreconditionFailedType = TypeBase + "precondition-failed";
    public const string StorageUnavailableType = TypeBase + "storage-unavailable";
    public const string InternalType = TypeBase + "internal";

    public static ProblemHttpResult Problem(int status, string type, string title, string? detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);

    public static ProblemHttpResult Validation(ValidationErrors errors, string detail = "The request has invalid fields; every one is listed in 'errors'.") =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Type = ValidationType,
            Title = "The request is not valid.",
            Detail = detail,
        });

    public static ProblemHttpResult Invalid(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return Validation(errors);
    }

    /// <summary>Null when <paramref name="value"/> is a slug; otherwise the 400 naming the route id <paramref name="name"/>.</summary>
    public static ProblemHttpResult? BadId(string name, string? value) =>
        Ids.IsSlug(value) ? null : BadParameter(name, $"must match {Ids.SlugPattern}.");

    /// <summary>A meeting's route (<c>boards/{boardId}/meetings/{date}</c>): null with its day, or the 400 for a malformed id or date.</summary>
    public static ProblemHttpResult? BadMeeting(string boardId, string date, out DateOnly day)
    {
        day = default;
        return BadId("boardId", boardId) ?? (Dates.InputDates.TryParse(date, out day) ? null : BadDateParameter("date", date));
    }

    /// <summary>A route id or query parameter that is malformed: 400 before storage is touched.</summary>
    public static ProblemHttpResult BadParameter(string name, string message) =>
        TypedResults.Problem(
            detail: $"'{name}' {message}",
            statusCode: StatusCodes.Status400BadRequest,
            title: "A route or query parameter is malformed.",
            type: MalformedType,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [name] = [message] } });

    public static ProblemHttpResult Malformed(string detail, string? field = null) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request body is not valid JSON for this route.",
            type: MalformedType,
            extensions: field is null ? null : new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    public static ProblemHttpResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, NotFoundType, "Not found.", $"{what} does not exist.");

    public static ProblemHttpResult PreconditionFailed() =>
        Problem(StatusCodes.Status412PreconditionFailed, PreconditionFailedType, "The record has changed.",
            "If-Match did not match the current ETag: read the record again and reapply your change.");

    /// <summary>A date parameter that is not yyyy-MM-dd (400), or is but lies outside the dates any input may name (422).</summary>
    public static ProblemHttpResult BadDateParameter(string name, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? Invalid(name, $"{Dates.InputDates.Rule}; {text} is outside it.")
            : BadParameter(name, $"{Dates.InputDates.Rule}, written yyyy-MM-dd.");

    /// <summary>The 404 for a route neither host serves: the same body from LocalHost's fallback and the Functions app's catch-all.</summary>
    public static IResult NoSuchRoute() =>
        new NoSniffResult(Problem(StatusCodes.Status404NotFound, NotFoundType, "No such route.", "See /api/openapi.json for the routes this API serves."));

    public static ProblemHttpResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, ConflictType, "The record already exists.", detail);
}
