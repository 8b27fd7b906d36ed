namespace FactFunctions.IntegrationTests.Infrastructure;

/// <summary>One Azurite shared by the tests of the collection; each test gets its own LocalHost with its own table prefix.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; private set; } = null!;

    public async Task InitializeAsync() => Azurite = await AzuriteProcess.StartAsync();

    public async Task DisposeAsync() => await Azurite.DisposeAsync();

    public Task<FactHost> StartHostAsync(IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        FactHost.StartAsync(Azurite.ConnectionString, settings, services);
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
