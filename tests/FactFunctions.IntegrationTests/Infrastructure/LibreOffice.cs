using System.Diagnostics;

namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>LibreOffice in headless mode, to prove a paper opens in a real word processor (and to look at it).</summary>
public static class LibreOffice
{
    public static string? Executable { get; } = Find();

    public static bool Available => Executable is not null;

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice"))
            .FirstOrDefault(File.Exists);

    /// <summary>Converts a .docx to PDF and returns the PDF's bytes; throws if LibreOffice fails or takes over two minutes.</summary>
    public static Task<byte[]> ConvertToPdfAsync(byte[] docx, string name = "paper") => ConvertAsync(docx, name, "docx", "pdf", "pdf");

    /// <summary>A PDF's text page by page, as poppler's pdftotext reads it (one entry per page).</summary>
    public static async Task<IReadOnlyList<string>> PdfPagesAsync(byte[] pdf)
    {
        string file = Path.Combine(Path.GetTempPath(), $"fact-pdf-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string arg in new[] { "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            string text = await process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await process.WaitForExitAsync(timeout.Token);
            return text.TrimEnd('\f').Split('\f');
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Opens <paramref name="bytes"/> (saved as <c>name.fromExtension</c>) in headless LibreOffice and saves it with the
    /// filter <paramref name="convertTo"/>: what a person gets opening the file and saving it (xlsx → xlsx is Calc's re-save).
    /// </summary>
    public static async Task<byte[]> ConvertAsync(byte[] bytes, string name, string fromExtension, string convertTo, string toExtension)
    {
        string folder = Path.Combine(Path.GetTempPath(), "fact-lo-" + Guid.NewGuid().ToString("N"));
        string outFolder = Path.Combine(folder, "out");
        Directory.CreateDirectory(outFolder);
        try
        {
            string input = Path.Combine(folder, $"{name}.{fromExtension}");
            await File.WriteAllBytesAsync(input, bytes);
            var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("soffice is not installed."))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // A profile of its own lets conversions run side by side.
            foreach (string arg in new[] { $"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore", "--convert-to", convertTo, "--outdir", outFolder, input })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"LibreOffice took more than two minutes to convert {name}.{fromExtension}.");
            }

            string converted = Path.Combine(outFolder, $"{name}.{toExtension}");
            if (process.ExitCode != 0 || !File.Exists(converted))
            {
                throw new InvalidOperationException($"LibreOffice could not convert {name}.{fromExtension} (exit {process.ExitCode}): {await output} {await error}");
            }

            return await File.ReadAllBytesAsync(converted);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>A fact that needs LibreOffice: skipped, saying why, only where soffice is not installed (scripts/test.sh installs it).</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute()
    {
        if (!LibreOffice.Available)
        {
            Skip = "LibreOffice (soffice) is not installed here; scripts/test.sh installs it with apt-get.";
        }
    }
}

/// <summary>A theory that needs LibreOffice: skipped, saying why, only where soffice is not installed.</summary>
public sealed class LibreOfficeTheoryAttribute : TheoryAttribute
{
    public LibreOfficeTheoryAttribute()
    {
        if (!LibreOffice.Available)
        {
            Skip = "LibreOffice (soffice) is not installed here; scripts/test.sh installs it with apt-get.";
        }
    }
}
