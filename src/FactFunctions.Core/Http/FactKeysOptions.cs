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
