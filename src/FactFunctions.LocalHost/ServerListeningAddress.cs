using FactFunctions.Links;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FactFunctions.LocalHost;

/// <summary>LocalHost's default public address: the first address Kestrel listens on (known once it has started).</summary>
internal sealed class ServerListeningAddress(IServer server) : IListeningAddress
{
    public Uri? Find() =>
        server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address && Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? uri
            : null;
}
