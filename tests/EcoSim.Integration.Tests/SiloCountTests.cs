using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;
using Orleans.TestingHost;

namespace EcoSim.Integration.Tests;

/// <summary>
/// The Orleans engine writes the reference engine's bytes whatever the number of silos: one and three
/// silos here (two in <see cref="OrleansEngineTests"/>), each with a fine and a coarse shard size.
/// </summary>
public sealed class SiloCountTests
{
    [Theory]
    [InlineData(1, 64)]
    [InlineData(1, 4096)]
    [InlineData(3, 1)]
    [InlineData(3, 64)]
    [InlineData(3, 4096)]
    [InlineData(3, 64, 1)]
    [InlineData(3, 64, 7)]
    public async Task Orleans_on_any_number_of_silos_writes_the_reference_bytes(int silos, int firmsPerShard, int labsPerShard = RunLayout.DefaultLabsPerShard)
    {
        var world = TestFiles.LoadSmall().World with { Ticks = firmsPerShard == 1 ? 3 : 6 };
        var builder = new TestClusterBuilder((short)silos);
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            await using var engine = new OrleansSimulation(OrleansConnections.Borrow(cluster.GrainFactory, cluster.Silos.Count), firmsPerShard, labsPerShard: labsPerShard);
            var rows = new List<EcoSim.Model.Metrics.MetricsRow>();
            await foreach (var tick in engine.RunAsync(world, CancellationToken.None)) rows.AddRange(tick.Rows);
            Assert.Equal(silos, cluster.Silos.Count);
            Assert.Equal(MetricsText.OfReference(world), MetricsText.Of(rows));
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddEcoSimGrains();
    }
}
