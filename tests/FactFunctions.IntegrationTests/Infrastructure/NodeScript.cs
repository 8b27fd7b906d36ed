using System.Diagnostics;
using System.Text.Json;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>Runs one of <c>tools/*.cjs</c> under Node (its packages pinned in package.json) and reads the JSON it prints. Bounded.</summary>
public static class NodeScript
{
    public static async Task<T> RunAsync<T>(string script, IEnumerable<string> arguments, TimeSpan timeout, string? input = null, IDictionary<string, string>? environment = null)
    {
        string path = Path.Combine(RepositoryRoot.Path, "tests", "FactFunctions.IntegrationTests", "tools", script);
        var start = new ProcessStartInfo("node", [path, .. arguments])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {timeout.TotalSeconds:0} seconds.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (exit {process.ExitCode}): {await error}");
        }

        return JsonSerializer.Deserialize<T>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
