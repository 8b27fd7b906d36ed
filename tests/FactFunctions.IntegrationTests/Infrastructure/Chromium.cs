namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>An axe-core violation: the rule, its impact and the elements it found.</summary>
public sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets);

public sealed record BrowserPage(int Status, string Title, string Heading, string PublishedMeeting, string FirstInMeeting, string PublishedSection,
    IReadOnlyList<AxeViolation> Violations);

public sealed record BrowserDownload(string FileName, string Sha256);

public sealed record BrowserPaper(string Url, string Title, string Heading, string Text, IReadOnlyList<AxeViolation> Violations);

public sealed record BrowserRefusal(int Status, string Heading, IReadOnlyList<AxeViolation> Violations);

public sealed record BrowserReport(BrowserPage? Papers, BrowserDownload? Download, BrowserPaper? Html, IReadOnlyList<BrowserRefusal> Refused);

/// <summary>Runs <c>tools/browser-check.cjs</c>: headless Chromium (Debian's package) through the pinned playwright-core, with axe-core.</summary>
public static class Chromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static bool Available => File.Exists(ExecutablePath);

    /// <summary>What a browser shows for a link that is refused.</summary>
    public static async Task<BrowserRefusal> VisitRefusedAsync(Uri link) => (await RunAsync("-", [link])).Refused.Single();

    /// <summary>Any one page: its status, its first heading and what axe-core finds on it (the same visit as a refused link's).</summary>
    public static Task<BrowserRefusal> VisitPageAsync(Uri link) => VisitRefusedAsync(link);

    public static Task<BrowserReport> VisitAsync(Uri papersPage, params Uri[] refused) => RunAsync(papersPage.AbsoluteUri, refused);

    private static Task<BrowserReport> RunAsync(string papersPage, Uri[] refused) =>
        NodeScript.RunAsync<BrowserReport>("browser-check.cjs", [papersPage, .. refused.Select(u => u.AbsoluteUri)], TimeSpan.FromMinutes(3),
            environment: new Dictionary<string, string> { ["CHROMIUM_PATH"] = ExecutablePath });
}

public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!Chromium.Available)
        {
            Skip = $"Chromium is not installed at {Chromium.ExecutablePath}; scripts/test.sh installs Debian's chromium package with apt-get.";
        }
    }
}
