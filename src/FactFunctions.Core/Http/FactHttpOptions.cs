using System.ComponentModel.DataAnnotations;

namespace FactFunctions.Http;

/// <summary>HTTP behaviour, bound from <c>Fact:Http</c>.</summary>
public sealed class FactHttpOptions
{
    public const string Section = "Fact:Http";

    /// <summary>
    /// Kestrel refuses bodies over 30,000,000 bytes itself (in LocalHost and in the Functions worker alike), and a body
    /// it refuses never reaches our 413; so the app's own limit stays below Kestrel's.
    /// </summary>
    public const int MaxAllowedBodyBytes = 28 * 1024 * 1024;

    [Range(1_024, MaxAllowedBodyBytes, ErrorMessage = "Fact:Http:MaxBodyBytes must be between 1 KiB and 28 MiB (Kestrel refuses larger bodies before the app sees them).")]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    [Range(1, 3_600, ErrorMessage = "Fact:Http:RetryAfterSeconds must be between 1 and 3600.")]
    public int RetryAfterSeconds { get; set; } = 10;

    /// <summary>
    /// Trust the App Service Authentication (Entra ID) principal header for roles. Only set in Azure, where the
    /// platform strips any copy of that header a caller sends.
    /// </summary>
    public bool TrustAppServiceAuthentication { get; set; }
}
