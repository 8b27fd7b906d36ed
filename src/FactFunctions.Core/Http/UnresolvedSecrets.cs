using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FactFunctions.Http;

/// <summary>
/// Refuses to start while any setting still holds an App Service Key Vault reference's own text
/// (<c>@Microsoft.KeyVault(...)</c>): the platform passes that text through when it cannot resolve the reference yet
/// (the vault's role assignment has not propagated, the secret is missing). Taken as a key it would pass every other
/// check and leave every caller with a 401; refusing names the setting, and the host retries the start.
/// </summary>
public sealed class UnresolvedSecrets(IConfiguration configuration) : IValidateOptions<UnresolvedSecrets.Check>
{
    public const string Marker = "@Microsoft.KeyVault(";

    /// <summary>The options type whose validation on start runs the check.</summary>
    public sealed class Check;

    public ValidateOptionsResult Validate(string? name, Check options)
    {
        var unresolved = configuration.AsEnumerable()
            .Where(setting => setting.Value?.TrimStart().StartsWith(Marker, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => setting.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        return unresolved.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(unresolved.Select(key =>
                $"The setting {key} is an unresolved Key Vault reference: the app cannot read that secret yet (check the identity's 'Key Vault " +
                    $"Secrets User' role and the secret's name)."));
    }
}
