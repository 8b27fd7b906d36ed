namespace FactFunctions.Programme;

/// <summary>
/// A section of the programme's narrative that belongs to no project (the seed's post-covid priorities), printed in
/// "Main considerations" after the update of the project <see cref="After"/> names, or after every update when none.
/// </summary>
public sealed record FreeSection
{
    public string? Id { get; init; }

    /// <summary>The project after whose update the section is printed.</summary>
    public string? After { get; init; }

    public IReadOnlyList<Block>? Blocks { get; init; }
}
