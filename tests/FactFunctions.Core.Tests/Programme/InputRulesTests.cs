using FactFunctions.Dates;
using FactFunctions.Validation;

namespace FactFunctions.Core.Tests.Programme;

/// <summary>The rules every input passes through: e-mail addresses as the sender parses them, and bounded dates.</summary>
public class InputRulesTests
{
    [Theory]
    [InlineData("member@example.org")]
    [InlineData("first.last+fact@council.wiltshire.gov.uk")]
    [InlineData("o'brien@example.org")]
    public void An_ordinary_address_is_accepted(string address)
    {
        var errors = new ValidationErrors();
        errors.Email("email", address, required: true);
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("member@example.org\n")]
    [InlineData("member@example.org\r\n")]
    [InlineData(" member@example.org")]
    [InlineData("member@example.org ")]
    [InlineData("member@example.org,other@example.org")]
    [InlineData("member@example.org;other@example.org")]
    [InlineData("Member <member@example.org>")]
    [InlineData("\"Member\" member@example.org")]
    [InlineData("mem\u202Eber@example.org")]
    [InlineData("mem\u200Bber@example.org")]
    [InlineData("member@example")]
    [InlineData("member")]
    [InlineData("group: member@example.org;")]
    public void Anything_but_one_bare_address_is_refused(string address)
    {
        var errors = new ValidationErrors();
        errors.Email("members[0].email", address, required: true);
        Assert.True(errors.ToDictionary().ContainsKey("members[0].email"), $"accepted {address}");
    }

    [Theory]
    [InlineData("Ann \u202Egnp.exe")]
    [InlineData("Zero\u200Bwidth")]
    [InlineData("\u2066isolate\u2069")]
    public void A_name_with_direction_or_format_characters_is_refused(string name)
    {
        var errors = new ValidationErrors();
        errors.NoFormatCharacters("name", name);
        Assert.False(errors.IsEmpty);
    }

    [Fact]
    public void A_plain_name_with_accents_is_accepted()
    {
        var errors = new ValidationErrors();
        errors.NoFormatCharacters("name", "Zoë O’Neill-Brontë");
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("2000-01-01", true)]
    [InlineData("2099-12-31", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("2100-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("2022-11-8", false)]
    public void Dates_are_accepted_only_from_2000_to_2099(string text, bool accepted)
    {
        Assert.Equal(accepted, InputDates.TryParse(text, out _));
        var errors = new ValidationErrors();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            errors.Date("meetingDate", date);
            Assert.Equal(accepted, errors.IsEmpty);
        }
    }
}
