using EcoSim.Hosting;
using Orleans.TestingHost;

namespace EcoSim.Integration.Tests;

/// <summary>A real two-silo Orleans test cluster with EcoSim's grains, shared by the tests of a collection.</summary>
public sealed class TestClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddEcoSimGrains(traceGrainCalls: true);
    }

    // As AddEcoSimClient does for a real client when telemetry is on: calls carry the caller's span.
    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.AddActivityPropagation();
    }
}

[CollectionDefinition(Name)]
public sealed class TwoSiloCluster : ICollectionFixture<TestClusterFixture>
{
    public const string Name = "two-silo cluster";
}
