using System.ComponentModel.DataAnnotations;

namespace FactFunctions.Http;

/// <summary>The access keys, bound from <c>Fact:Keys</c>. In Azure they come from Key Vault references.</summary>
public sealed class FactKeysOptions : IValidatableObject
{
    public const string Section = "Fact:Keys";

    [Required(ErrorMessage = "Fact:Keys:ProgrammeLead is required.")]
    [MinLength(16, ErrorMessage = "Fact:Keys:ProgrammeLead must be at least 16 characters.")]
    public string ProgrammeLead { get; set; } = string.Empty;

    [Required(ErrorMessage = "Fact:Keys:Officer is required.")]
    [MinLength(16, ErrorMessage = "Fact:Keys:Officer must be at least 16 characters.")]
    public string Officer { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ProgrammeLead.Length > 0 && string.Equals(ProgrammeLead, Officer, StringComparison.Ordinal))
        {
            yield return new ValidationResult("Fact:Keys:ProgrammeLead and Fact:Keys:Officer must differ.", [nameof(Officer)]);
        }
    }
}

/// <summary>HTTP behaviour, bound from <c>Fact:Http</c>.</summary>
public sealed class FactHttpOptions
{
    public const string Section = "Fact:Http";

    [Range(1_024, 64 * 1024 * 1024, ErrorMessage = "Fact:Http:MaxBodyBytes must be between 1 KiB and 64 MiB.")]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    [Range(1, 3_600, ErrorMessage = "Fact:Http:RetryAfterSeconds must be between 1 and 3600.")]
    public int RetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// Trust the App Service Authentication (Entra ID) principal header for roles. Only set in Azure, where the
    /// platform strips any copy of that header a caller sends.
    /// </summary>
    public bool TrustAppServiceAuthentication { get; set; }
}
