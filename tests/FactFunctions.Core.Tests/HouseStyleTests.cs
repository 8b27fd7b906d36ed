using System.Text.RegularExpressions;
using FactFunctions.TestSupport;

namespace FactFunctions.Core.Tests;

/// <summary>What the build's analyzers cannot check (.editorconfig has the rest): line width, and links in the docs.</summary>
public sealed partial class HouseStyleTests
{
    public const int MaxLineLength = 180;

    private static IEnumerable<string> Files(string pattern, params string[] folders) =>
        folders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), pattern, SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains("node_modules", StringComparison.Ordinal));

    [Fact]
    public void Every_line_of_csharp_fits_the_house_width()
    {
        var files = Files("*.cs", "src", "tests", "bench").ToList();
        var wide = files.SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line: i + 1, line.Length)))
            .Where(x => x.Length > MaxLineLength)
            .Select(x => $"{Path.GetRelativePath(RepositoryRoot.Path, x.file)}:{x.line} ({x.Length} characters)")
            .ToList();

        Assert.True(files.Count > 100, "The check found almost no source files; it would pass anything.");
        Assert.True(wide.Count == 0, $"Lines over {MaxLineLength} characters:\n{string.Join("\n", wide)}");
    }

    [Fact]
    public void The_readme_and_the_docs_link_only_to_files_in_the_repository()
    {
        var pages = Files("*.md", "docs", "bench", "infra-bicep").Append(Path.Combine(RepositoryRoot.Path, "README.md")).ToList();
        var broken = new List<string>();
        int checkedLinks = 0;
        foreach (string page in pages)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(page)))
            {
                string target = link.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith('#') || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                string file = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target.Split('#')[0]));
                checkedLinks++;
                if (!file.StartsWith(RepositoryRoot.Path, StringComparison.Ordinal) || !(File.Exists(file) || Directory.Exists(file)))
                {
                    broken.Add($"{Path.GetRelativePath(RepositoryRoot.Path, page)}: {target}");
                }
            }
        }

        Assert.True(checkedLinks > 10, "The check found almost no links; it would pass anything.");
        Assert.True(broken.Count == 0, "Links to files that are not in the repository:\n" + string.Join("\n", broken));
    }

    /// <summary>
    /// A code fence left open turns the rest of the page into code, and markdownlint does not see it: every fence closes,
    /// and no section heading falls inside one.
    /// </summary>
    [Fact]
    public void Markdown_code_fences_close_before_the_next_heading()
    {
        var pages = Files("*.md", "docs", "bench", "infra-bicep").Append(Path.Combine(RepositoryRoot.Path, "README.md")).ToList();
        var wrong = pages.SelectMany(page => FenceProblems(File.ReadAllLines(page)).Select(problem => $"{Path.GetRelativePath(RepositoryRoot.Path, page)}: {problem}")).ToList();

        Assert.True(pages.Count > 5, "The check found almost no pages; it would pass anything.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void The_fence_check_finds_a_fence_left_open()
    {
        Assert.NotEmpty(FenceProblems(["## Snapshots", "", "```sh", "curl ...", "", "## The workbook", "", "```sh", "curl ..."]));
        Assert.NotEmpty(FenceProblems(["```sh", "curl ..."]));
        Assert.Empty(FenceProblems(["```sh", "# a shell comment", "curl ...", "```", "", "## Next"]));
    }

    internal static IEnumerable<string> FenceProblems(IReadOnlyList<string> lines)
    {
        string? fence = null;
        int opened = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].TrimStart();
            if (fence is null && (line.StartsWith("```", StringComparison.Ordinal) || line.StartsWith("~~~", StringComparison.Ordinal)))
            {
                (fence, opened) = (line[..3], i + 1);
            }
            else if (fence is not null && line.StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
            {
                fence = null;
            }
            else if (fence is not null && SectionHeading().IsMatch(line))
            {
                yield return $"line {i + 1}: the heading '{line}' is inside the code fence opened on line {opened}.";
            }
        }

        if (fence is not null)
        {
            yield return $"the code fence opened on line {opened} never closes.";
        }
    }

    [GeneratedRegex(@"^#{2,6} \S")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
