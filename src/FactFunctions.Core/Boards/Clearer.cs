using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using FactFunctions.Validation;

namespace FactFunctions.Boards;

/// <summary>
/// Someone who clears a board's papers before they are approved: the signing director answers for the whole paper,
/// finance and legal officers for their implications sections, others for the sections named. <see cref="Kinds"/>
/// limits them to some kinds of paper (every kind when empty).
/// </summary>
public sealed record Clearer
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    [OneOf(typeof(ClearerRoles))]
    public string? Role { get; init; }

    /// <summary>The headings of the sections they answer for; a finance or legal officer's default is their implications section.</summary>
    public IReadOnlyList<string>? Sections { get; init; }

    /// <summary>The kinds of paper they clear (<see cref="PaperKinds"/>); every kind when empty.</summary>
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>The sections they answer for; empty for a director, who answers for the whole paper.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> AnswersFor => Role switch
    {
        ClearerRoles.Director => [],
        _ when Sections is { Count: > 0 } named => named,
        ClearerRoles.Finance => ["Financial implications"],
        ClearerRoles.Legal => ["Legal implications"],
        _ => [],
    };

    /// <summary>
    /// A clearer's stable key: the first 16 hex digits of the SHA-256 of their address as compared (trimmed, lower case,
    /// culture-invariant), so it names them in review links without showing the address, and two addresses that compare
    /// equal are one clearer (board validation refuses the second).
    /// </summary>
    public static string KeyOf(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..16];

    /// <summary>What a list of sections answers for, as a person reads it: the sections, or the whole paper when none.</summary>
    public static string Describe(IReadOnlyList<string>? sections) => sections is { Count: > 0 } named ? string.Join(", ", named) : "the whole paper";

    public bool Clears(string kind) => Kinds is not { Count: > 0 } kinds || kinds.Contains(kind, StringComparer.Ordinal);

    /// <summary>What they answer for, as a person reads it.</summary>
    public string Describe() => Describe(AnswersFor);
}
