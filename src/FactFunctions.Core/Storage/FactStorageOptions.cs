using System.ComponentModel.DataAnnotations;

namespace FactFunctions.Storage;

/// <summary>
/// Where the data lives. Locally <c>FactStorage</c> is a connection string (Azurite); in Azure it is a section with
/// <c>tableServiceUri</c> and <c>blobServiceUri</c>, reached by managed identity so no account key is configured.
/// </summary>
public sealed class FactStorageOptions : IValidatableObject
{
    public const string Section = "FactStorage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Prepended to every table and container name, so tests and environments can share an account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,19}$", ErrorMessage = "Fact:Storage:Prefix must be a letter followed by up to 19 letters or digits.")]
    public string? Prefix { get; set; }

    /// <summary>The longest a caller may wait for a 503 when storage hangs: every try timing out, plus the waits between.</summary>
    public const int OutageAnswerSeconds = 10;

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 1;

    [Range(1, 300)]
    public int NetworkTimeoutSeconds { get; set; } = 4;

    /// <summary>At most how long one storage call takes to fail when storage hangs (the retry policy's delays are at most 2 s).</summary>
    public int WorstCaseSeconds => ((MaxRetries + 1) * NetworkTimeoutSeconds) + (2 * MaxRetries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        bool hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        bool hasUris = TableServiceUri is not null && BlobServiceUri is not null;
        if (!hasConnectionString && !hasUris)
        {
            yield return new ValidationResult(
                "Storage is not configured: set FactStorage to a connection string (Azurite locally) or set " +
                "FactStorage:tableServiceUri and FactStorage:blobServiceUri (managed identity in Azure).",
                [Section]);
        }

        if (WorstCaseSeconds > OutageAnswerSeconds)
        {
            yield return new ValidationResult(
                $"Fact:Storage:MaxRetries and Fact:Storage:NetworkTimeoutSeconds let one storage call hang for {WorstCaseSeconds} s; " +
                $"callers must get their 503 within {OutageAnswerSeconds} s, so (MaxRetries + 1) × NetworkTimeoutSeconds + 2 × MaxRetries must be at most {OutageAnswerSeconds}.",
                [nameof(MaxRetries), nameof(NetworkTimeoutSeconds)]);
        }

        if (!hasConnectionString && (!TableServiceUri!.IsAbsoluteUri || !BlobServiceUri!.IsAbsoluteUri))
        {
            yield return new ValidationResult("FactStorage:tableServiceUri and FactStorage:blobServiceUri must be absolute https URIs.", [Section]);
        }
    }
}
