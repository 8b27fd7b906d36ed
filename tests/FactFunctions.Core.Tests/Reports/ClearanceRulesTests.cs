using FactFunctions.Boards;
using FactFunctions.Links;
using FactFunctions.Reports.Clearance;
using FactFunctions.Reports.Publication;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FactFunctions.Core.Tests.Reports;

/// <summary>The rules of clearance without storage: who clears, what the answers make the status, the tokens, the sections.</summary>
public class ClearanceRulesTests
{
    private static ClearanceEntry Entry(string key, string? answer = null) => new() { Clearer = key, Name = key, Role = "legal", Answer = answer };

    [Fact]
    public void The_status_follows_the_answers_returned_wins_and_cleared_needs_everyone()
    {
        Assert.Equal(PaperStatus.InClearance, ClearanceService.StatusOf([Entry("a"), Entry("b")]));
        Assert.Equal(PaperStatus.InClearance, ClearanceService.StatusOf([Entry("a", ClearanceAnswers.Cleared), Entry("b")]));
        Assert.Equal(PaperStatus.Cleared, ClearanceService.StatusOf([Entry("a", ClearanceAnswers.Cleared), Entry("b", ClearanceAnswers.Cleared)]));
        Assert.Equal(PaperStatus.Returned, ClearanceService.StatusOf([Entry("a", ClearanceAnswers.Cleared), Entry("b", ClearanceAnswers.Returned)]));
        Assert.Equal(PaperStatus.Returned, ClearanceService.StatusOf([Entry("a", ClearanceAnswers.Returned), Entry("b")]));
    }

    [Fact]
    public void Clearers_are_those_of_the_papers_kind_once_each_by_address_and_answer_for_their_sections()
    {
        var director = new Clearer { Name = "D", Email = "d@example.org", Role = ClearerRoles.Director, Sections = ["Ignored"] };
        var finance = new Clearer { Name = "F", Email = "f@example.org", Role = ClearerRoles.Finance };
        var legal = new Clearer { Name = "L", Email = "l@example.org", Role = ClearerRoles.Legal, Kinds = ["highlight"] };
        var boards = new[]
        {
            new Board { Id = "a", Clearers = [director, finance, legal] },
            new Board { Id = "b", Clearers = [finance with { Email = "F@Example.org ", Name = "F again" }] },
        };

        var clearers = ClearanceService.ClearersOf(boards, "select-committee");

        Assert.Equal(["D", "F"], clearers.Select(c => c.Name!).ToArray());
        Assert.Empty(director.AnswersFor);
        Assert.Equal(["Financial implications"], finance.AnswersFor);
        Assert.Equal("Legal implications", legal.Describe());
        Assert.Equal(ClearanceService.KeyOf("f@example.org"), ClearanceService.KeyOf(" F@EXAMPLE.org"));
        Assert.Matches("^[0-9a-f]{16}$", ClearanceService.KeyOf("d@example.org"));
        var report = new FactFunctions.Reports.PaperMetadata
        {
            Id = "r",
            Kind = "select-committee",
            SnapshotId = "s",
            TemplateVersion = "t",
            Sha256 = "x",
            Clearance =
            [
                Entry(ClearanceService.KeyOf("d@example.org"), ClearanceAnswers.Cleared),
                Entry(ClearanceService.KeyOf("f@example.org"), ClearanceAnswers.Returned) with { Name = "F", Role = "finance" },
            ],
        };
        Assert.Equal(["F (finance)"], ClearanceService.Outstanding(report, clearers));

        // Whoever it was sent to and has not cleared it is outstanding, on the board or not; so is a clearer added since.
        var added = new Clearer { Name = "N", Email = "n@example.org", Role = ClearerRoles.Legal };
        Assert.Equal(["F (finance)", "N (legal)"], ClearanceService.Outstanding(report, [director, added]));
    }

    [Fact]
    public void A_token_is_good_for_its_version_clearer_and_action_until_the_link_expires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2022, 10, 20, 9, 0, 0, TimeSpan.Zero));
        var tokens = new ClearanceToken(Options.Create(new LinkOptions { SigningKey = "a-signing-key-of-sufficient-length-0123456789" }), clock);
        var expires = clock.GetUtcNow().AddDays(30);
        string seconds = expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        string token = tokens.Sign("r1", "0123456789abcdef", "clear", expires);

        Assert.Equal(LinkCheck.Valid, tokens.Check("r1", "0123456789abcdef", "clear", seconds, token));
        Assert.Equal(LinkCheck.Invalid, tokens.Check("r2", "0123456789abcdef", "clear", seconds, token));
        Assert.Equal(LinkCheck.Invalid, tokens.Check("r1", "fedcba9876543210", "clear", seconds, token));
        Assert.Equal(LinkCheck.Invalid, tokens.Check("r1", "0123456789abcdef", "return", seconds, token));
        string later = (expires.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(LinkCheck.Invalid, tokens.Check("r1", "0123456789abcdef", "clear", later, token));
        Assert.Equal(LinkCheck.Invalid, tokens.Check("r1", "0123456789abcdef", "clear", "not-a-number", token));
        Assert.Equal(LinkCheck.Invalid, tokens.Check("r1", "0123456789abcdef", "clear", seconds, null));
        clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(LinkCheck.Expired, tokens.Check("r1", "0123456789abcdef", "clear", seconds, token));
    }

    [Fact]
    public void Sections_are_found_by_their_headings_marked_for_their_clearer_and_compared_by_their_words()
    {
        const string before = "<h1>Paper</h1>\n<p>Opening.</p>\n<h2>1. Purpose</h2>\n<p>Why.</p>\n<h2>7. Financial implications</h2>\n<p>None.</p>\n" +
            "<h2>8. Legal implications</h2>\n<p>Advice sought <img src=\"/api/reports/r/images/0?sig=a\" alt=\"x\">.</p>\n";
        string after = before.Replace("None.", "A cost of &pound;10,000.", StringComparison.Ordinal).Replace("sig=a", "sig=b", StringComparison.Ordinal);

        Assert.Equal(["(none)", "Purpose", "Financial implications", "Legal implications"], PaperSections.Split(before).Select(s => s.Name ?? "(none)").ToArray());
        Assert.Equal(before, string.Concat(PaperSections.Split(before).Select(s => s.Html)));
        string marked = PaperSections.Mark(before, ["financial  IMPLICATIONS"]);
        Assert.Contains("<section class=\"yours\" aria-label=\"Financial implications: you clear this section\">", marked, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(marked, "class=\"yours\""));
        Assert.Equal(before, PaperSections.Mark(before, []));
        Assert.Equal(["Financial implications"], PaperSections.Changed(before, after, []));
        Assert.Empty(PaperSections.Changed(before, after, ["Legal implications"]));
        Assert.Equal(["Financial implications"], PaperSections.Changed(before, after, ["Financial implications"]));
    }
}
