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

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    [Range(1, 300)]
    public int NetworkTimeoutSeconds { get; set; } = 15;

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
        else if (!hasConnectionString && (!TableServiceUri!.IsAbsoluteUri || !BlobServiceUri!.IsAbsoluteUri))
        {
            yield return new ValidationResult("FactStorage:tableServiceUri and FactStorage:blobServiceUri must be absolute https URIs.", [Section]);
        }
    }
}
