using System.Text.Json.Serialization;
using FactFunctions.Validation;

namespace FactFunctions.Programme;

/// <summary>
/// One block of a paper's narrative (<see cref="BlockTypes"/>). Written as a plain string for a paragraph; an object
/// otherwise. A paragraph written the earlier way, <c>{ "text": ..., "items": [...] }</c>, is a paragraph followed by
/// its lettered list, and still reads and renders as it did.
/// </summary>
[JsonConverter(typeof(BlockJsonConverter))]
public sealed record Block
{
    [OneOf(typeof(BlockTypes))]
    public string Type { get; init; } = BlockTypes.Paragraph;

    /// <summary>A name other blocks refer to with <c>{ref:id}</c> (printed as the paragraph's number).</summary>
    public string? Id { get; init; }

    public string? Text { get; init; }

    /// <summary>The items of a list; on a paragraph, the lettered list that follows it.</summary>
    public IReadOnlyList<string>? Items { get; init; }

    public string? ImageId { get; init; }

    public string? AltText { get; init; }

    public string? Caption { get; init; }

    /// <summary>A table's rows, the first being its header row.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? Rows { get; init; }

    public static implicit operator Block(string text) => new() { Text = text };
}
