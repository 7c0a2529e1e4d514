using EcoSim.Experiments.Engines;
using EcoSim.Model.World;

namespace EcoSim.Integration.Tests;

/// <summary>The Orleans engine on a real two-silo test cluster against the reference engine.</summary>
[Collection(TwoSiloCluster.Name)]
public sealed class OrleansEngineTests(TestClusterFixture fixture)
{
    private async Task<string> RunOnCluster(WorldSpec world, int firmsPerShard)
    {
        await using var engine = new OrleansSimulation(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), firmsPerShard);
        var rows = new List<EcoSim.Model.Metrics.MetricsRow>();
        await foreach (var tick in engine.RunAsync(world, CancellationToken.None)) rows.AddRange(tick.Rows);
        return MetricsText.Of(rows);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task Orleans_engine_writes_the_same_bytes_as_the_reference_engine(int firmsPerShard)
    {
        var world = TestFiles.LoadSmall().World with { Ticks = firmsPerShard == 1 ? 4 : 8 };
        string reference = MetricsText.OfReference(world);
        string orleans = await RunOnCluster(world, firmsPerShard);
        Assert.Equal(world.Ticks * (world.ClusterCount + 1) + 1, reference.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(reference, orleans);
    }

    /// <summary>The small world with certification on, wide R&amp;D intensities so that firms qualify, and reviews at ticks 3 and 7.</summary>
    internal static WorldSpec Certifying(WorldSpec small) =>
        small with { Certification = true, Ticks = 8, Parameters = small.Parameters with { RdIntensityDispersion = 1.2, CertificationApplicationRate = 0.5 } };

    [Theory]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task With_certification_on_the_Orleans_engine_writes_the_reference_engines_bytes(int firmsPerShard)
    {
        var world = Certifying(TestFiles.LoadSmall().World);
        string reference = MetricsText.OfReference(world);
        Assert.Equal(reference, await RunOnCluster(world, firmsPerShard));
        Assert.NotEqual(MetricsText.OfReference(world with { Certification = false }), reference); // the flow acted
    }

    [Fact]
    public async Task With_entrants_intensity_falling_with_size_the_Orleans_engine_writes_the_reference_engines_bytes()
    {
        // The back-cast's flow of certified firms (docs/SCENARIOS.md 8.7): intensities falling with size, many entrants.
        var certifying = Certifying(TestFiles.LoadSmall().World);
        var world = certifying with { Parameters = certifying.Parameters with { RdIntensitySizeElasticity = 0.5, BaseEntryRate = 0.2 } };
        string reference = MetricsText.OfReference(world);
        Assert.Equal(reference, await RunOnCluster(world, 64));
        Assert.NotEqual(MetricsText.OfReference(certifying with { Parameters = world.Parameters with { RdIntensitySizeElasticity = 0 } }), reference); // the rule acted
    }

    [Fact]
    public async Task Concurrent_runs_in_one_cluster_do_not_disturb_each_other()
    {
        var small = TestFiles.LoadSmall().World;
        var first = small with { Seed = 11 };
        var second = small with { Seed = 12 };
        var results = await Task.WhenAll(RunOnCluster(first, 256), RunOnCluster(second, 256));
        Assert.Equal(MetricsText.OfReference(first), results[0]);
        Assert.Equal(MetricsText.OfReference(second), results[1]);
        Assert.NotEqual(results[0], results[1]);
    }

    [Fact]
    public async Task The_cluster_under_test_has_two_active_silos()
    {
        // Where grains are placed is Orleans' choice; the equality tests above must hold whatever it
        // is. This checks the precondition that gives them meaning: two silos are really up.
        var management = fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
    }
}
