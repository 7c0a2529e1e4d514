using EcoSim.Hosting;
using Orleans.TestingHost;

namespace EcoSim.Integration.Tests.Checkpoints;

/// <summary>An in-process Orleans test cluster of <see cref="Silos"/> silos with EcoSim's grains, shared by a test class.</summary>
public abstract class SiloClusterFixture(short silos) : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;
    public int Silos => silos;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(silos);
        builder.AddSiloBuilderConfigurator<Configurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddEcoSimGrains();
    }

    // As AddEcoSimClient does for a real client: a grain's refusal of a snapshot part arrives as itself.
    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.Services.AllowEcoSimExceptions();
    }
}

/// <summary>One silo.</summary>
public sealed class OneSilo() : SiloClusterFixture(1);

/// <summary>Three silos: a run's clusters, and so its snapshot parts, come from all three.</summary>
public sealed class ThreeSilos() : SiloClusterFixture(3);
