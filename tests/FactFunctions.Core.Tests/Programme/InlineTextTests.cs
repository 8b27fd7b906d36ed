using FactFunctions.Programme;

namespace FactFunctions.Core.Tests.Programme;

/// <summary>The inline markup of block text: bold, links, references, bare addresses.</summary>
public sealed class InlineTextTests
{
    [Fact]
    public void An_address_is_found_where_its_run_of_characters_starts_and_a_megabyte_word_is_one_piece_of_text()
    {
        var pieces = InlineText.Parse("Write to first.last+fact@wiltshire.gov.uk or see https://example.org/a.");
        Assert.Equal(["Write to ", "first.last+fact@wiltshire.gov.uk", " or see ", "https://example.org/a", "."],
            [.. pieces.Select(p => p switch { TextPiece t => t.Text, LinkPiece l => l.Label, _ => "?" })]);

        // A word with no "@" is scanned once, not once from each of its characters (a quarter of a megabyte once took
        // seconds, a megabyte most of a minute); what it parses to is the word.
        string word = new('x', 1024 * 1024);
        var one = Assert.Single(InlineText.Parse(word));
        Assert.Equal(word, Assert.IsType<TextPiece>(one).Text);
    }
}
