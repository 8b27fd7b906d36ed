using Microsoft.Extensions.Options;

namespace FactFunctions.Links;

/// <summary>
/// The address people reach this app at: <c>Fact:Links:PublicBaseUrl</c> when set, otherwise the Azure app's own host
/// name (<c>WEBSITE_HOSTNAME</c>), otherwise the address the local host listens on (a wildcard host read as localhost).
/// </summary>
public sealed class PublicAddress(IOptions<LinkOptions> options, IEnumerable<IListeningAddress> listening)
{
    public const string AzureHostNameVariable = "WEBSITE_HOSTNAME";

    public Uri BaseUrl
    {
        get
        {
            if (!string.IsNullOrEmpty(options.Value.PublicBaseUrl))
            {
                return new Uri(options.Value.PublicBaseUrl);
            }

            if (Environment.GetEnvironmentVariable(AzureHostNameVariable) is { Length: > 0 } host)
            {
                return new Uri($"https://{host}/");
            }

            foreach (var source in listening)
            {
                if (source.Find() is { } address)
                {
                    var builder = new UriBuilder(address) { Path = "/" };
                    if (builder.Host is "0.0.0.0" or "[::]" or "::" or "+" or "*")
                    {
                        builder.Host = "localhost";
                    }

                    return builder.Uri;
                }
            }

            throw new InvalidOperationException("No public address is known: set Fact:Links:PublicBaseUrl.");
        }
    }
}
