using EcoSim.Grains;
using EcoSim.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EcoSim.Integration.Tests.Detached;

/// <summary>A one-silo test cluster whose detached runs are released one second after nobody observes them.</summary>
public sealed class DetachedRunCluster : IAsyncLifetime
{
    public static readonly TimeSpan OrphanTimeout = TimeSpan.FromSeconds(1);

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddEcoSimGrains().Services.Configure<DetachedRunOptions>(detached => detached.OrphanTimeout = OrphanTimeout);
    }
}

[CollectionDefinition(Name)]
public sealed class DetachedRunClusterCollection : ICollectionFixture<DetachedRunCluster>
{
    public const string Name = "detached-run cluster";
}
