using FactFunctions.Http;
using FactFunctions.Links;
using Microsoft.Extensions.Options;

namespace FactFunctions.LocalHost;

/// <summary>Once LocalHost listens, prints signed links to the papers page and the calendar feed (when asked to).</summary>
internal sealed class LinkBanner(IHostApplicationLifetime lifetime, SignedLinks links, IOptions<LocalHostOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.PrintLinks)
        {
            lifetime.ApplicationStarted.Register(Print);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var expires = links.DefaultExpiry();
        Console.WriteLine();
        Console.WriteLine($"Signed links (no key needed; they work until {expires:yyyy-MM-dd HH:mm} UTC):");
        Console.WriteLine($"  papers page:    {links.Absolute($"{Routes.BasePath}/{Routes.Papers}", expires)}");
        Console.WriteLine($"  calendar feed:  {links.Absolute($"{Routes.BasePath}/{Routes.Calendar}", expires)}");
        Console.WriteLine();
    }
}
