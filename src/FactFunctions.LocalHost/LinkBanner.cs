using FactFunctions.Http;
using FactFunctions.Links;
using Microsoft.Extensions.Options;

namespace FactFunctions.LocalHost;

/// <summary>
/// When asked to (run-local.sh), prints "ready" once LocalHost listens and has nothing left to wait for (the sample is
/// loaded), with signed links to the papers page and the calendar feed.
/// </summary>
internal sealed class LinkBanner(IHostApplicationLifetime lifetime, HostReadiness readiness, SignedLinks links, IOptions<LocalHostOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PrintLinks)
        {
            lifetime.ApplicationStarted.Register(() => _ = PrintWhenReadyAsync());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintWhenReadyAsync()
    {
        try
        {
            await readiness.WhenReadyAsync(lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var expires = links.DefaultExpiry();
        Console.WriteLine();
        if (readiness.Failures is { Count: > 0 } failures)
        {
            Console.WriteLine($"FactFunctions started, but is not ready: {string.Join("; ", failures)}.");
            return;
        }

        Console.WriteLine("FactFunctions is ready: health answers 200 and the programme is loaded.");
        Console.WriteLine($"Signed links (no key needed; they work until {expires:yyyy-MM-dd HH:mm} UTC):");
        Console.WriteLine($"  papers page:    {links.Absolute($"{Routes.BasePath}/{Routes.Papers}", expires)}");
        Console.WriteLine($"  calendar feed:  {links.Absolute($"{Routes.BasePath}/{Routes.Calendar}", expires)}");
        Console.WriteLine();
    }
}
