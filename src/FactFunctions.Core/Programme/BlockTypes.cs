namespace FactFunctions.Programme;

/// <summary>The kinds of content block a section or an update holds.</summary>
public static class BlockTypes
{
    /// <summary>A paragraph (numbered in a paper's body, plain on its cover); its text may carry **bold**, [links](https://…) and {ref:block-id}.</summary>
    public const string Paragraph = "paragraph";

    /// <summary>A paragraph that is never numbered (the seed's sentence under a diagram); its text takes the same markup.</summary>
    public const string Text = "text";

    /// <summary>An unnumbered heading inside a section ("What has worked?").</summary>
    public const string Subheading = "subheading";

    /// <summary>A lettered list: its letters restart after a numbered paragraph and run on across sub-headings (a–e, then f–k).</summary>
    public const string Lettered = "lettered";

    public const string Bulleted = "bulleted";

    /// <summary>A diagram stored through PUT /api/images/{imageId}, with required alt text and an optional caption.</summary>
    public const string Image = "image";

    /// <summary>A small table whose first row is its header row.</summary>
    public const string Table = "table";

    public static readonly IReadOnlyList<string> All = [Paragraph, Text, Subheading, Lettered, Bulleted, Image, Table];
}
