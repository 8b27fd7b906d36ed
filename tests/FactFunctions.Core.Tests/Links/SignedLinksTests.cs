using FactFunctions.Links;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.Core.Tests.Links;

public sealed class SignedLinksTests
{
    private const string Key = "unit-test-link-signing-key-000000000001";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 11, 1, 9, 0, 0, TimeSpan.Zero));

    private SignedLinks Links(string key = Key, string? baseUrl = "https://fact.example.org") =>
        new(Options.Create(new LinkOptions { SigningKey = key, PublicBaseUrl = baseUrl }), new PublicAddress(Options
            .Create(new LinkOptions { SigningKey = key, PublicBaseUrl = baseUrl }), []), clock);

    private static HttpRequest Request(string pathAndQuery, string method = "GET")
    {
        var uri = new Uri(new Uri("http://127.0.0.1"), pathAndQuery);
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        return context.Request;
    }

    [Fact]
    public void A_link_opens_its_own_path_until_the_second_it_expires()
    {
        var links = Links();
        var expires = clock.GetUtcNow().AddDays(30);
        string link = links.Relative("/api/papers", expires);

        Assert.Equal(LinkCheck.Valid, links.Check(Request(link), out var seen));
        Assert.Equal(expires, seen);
        Assert.Equal(LinkCheck.Valid, links.Check(Request(link, "HEAD"), out _));
        clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(LinkCheck.Valid, links.Check(Request(link), out _));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(LinkCheck.Expired, links.Check(Request(link), out _));
    }

    [Fact]
    public void A_signature_does_not_open_another_path_another_expiry_a_write_or_survive_a_new_key()
    {
        var links = Links();
        string link = links.Relative("/api/reports/a-paper/content");
        string query = link[link.IndexOf('?', StringComparison.Ordinal)..];

        Assert.Equal(LinkCheck.Invalid, links.Check(Request("/api/reports/another-paper/content" + query), out _));
        Assert.Equal(LinkCheck.Invalid, links.Check(Request("/api/export" + query), out _));
        Assert.Equal(LinkCheck.Invalid, links.Check(Request(link.Replace("expires=", "expires=1", StringComparison.Ordinal)), out _));
        Assert.Equal(LinkCheck.Invalid, links.Check(Request(link[..^1]), out _));
        Assert.Equal(LinkCheck.Invalid, links.Check(Request(link, "POST"), out _));
        Assert.Equal(LinkCheck.Invalid, links.Check(Request("/api/papers?expires=99999999999"), out _));
        Assert.Equal(LinkCheck.Invalid, links.Check(Request("/api/papers?expires=-5&sig=abc"), out _));
        Assert.Equal(LinkCheck.Unsigned, links.Check(Request("/api/papers?page=2"), out _));
        Assert.Equal(LinkCheck.Invalid, Links("a-rotated-link-signing-key-0000000000002").Check(Request(link), out _));
    }

    [Fact]
    public void Parameters_beside_the_signature_are_kept_and_do_not_break_it()
    {
        var links = Links();
        string link = links.Relative("/api/papers", query: new Dictionary<string, string> { ["page"] = "2" });

        Assert.Contains("page=2", link, StringComparison.Ordinal);
        Assert.Equal(LinkCheck.Valid, links.Check(Request(link), out _));
        Assert.Equal(LinkCheck.Valid, links.Check(Request(link.Replace("page=2", "page=3", StringComparison.Ordinal)), out _));
    }

    [Fact]
    public void Absolute_links_use_the_public_address()
    {
        Assert.StartsWith("https://fact.example.org/api/calendar.ics?expires=", Links().Absolute("/api/calendar.ics").AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/")]
    [InlineData("http://127.0.0.1:7071", "http://127.0.0.1:7071/")]
    [InlineData("http://[::]:5000", "http://localhost:5000/")]
    public void Without_a_setting_the_listening_address_is_the_public_one_with_a_wildcard_read_as_localhost(string listening, string expected)
    {
        var address = new PublicAddress(Options.Create(new LinkOptions { SigningKey = Key }), [new Listening(new Uri(listening))]);

        Assert.Equal(expected, address.BaseUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("fact.example.org")]
    [InlineData("ftp://fact.example.org")]
    [InlineData("https://fact.example.org/api")]
    [InlineData("https://fact.example.org/?a=1")]
    public void A_public_address_with_a_path_or_another_scheme_is_refused_at_start(string url)
    {
        var results = new LinkOptions { SigningKey = Key, PublicBaseUrl = url }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object()));

        Assert.Contains(results, r => r.ErrorMessage!.Contains("Fact:Links:PublicBaseUrl", StringComparison.Ordinal));
    }

    private sealed class Listening(Uri address) : IListeningAddress
    {
        public Uri? Find() => address;
    }
}
