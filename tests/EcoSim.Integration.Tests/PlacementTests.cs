using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Placement;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace EcoSim.Integration.Tests;

/// <summary>Where a run's grains live: a cluster's grains together, clusters and runs spread over the silos.</summary>
[Collection(TwoSiloCluster.Name)]
public sealed class PlacementTests(TestClusterFixture fixture)
{
    [Fact]
    public async Task A_clusters_grains_share_one_silo_and_a_runs_clusters_use_every_silo()
    {
        var world = TestFiles.LoadSmall().World with { Ticks = 2 };
        string runId = $"placement-{Guid.NewGuid():N}";
        var run = fixture.Cluster.GrainFactory.GetGrain<IRunGrain>(runId);
        await run.Start(world, new RunLayout(64));
        await run.Step();
        try
        {
            var management = fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
            var grains = (await management.GetDetailedGrainStatistics())
                .Select(s => (Key: s.GrainId.Key.ToString()!, s.SiloAddress, s.GrainType))
                .Where(g => GrainKeys.RunOf(g.Key) == runId)
                .ToList();

            var byCluster = grains.Where(g => GrainKeys.TryNumber(g.Key, 'c') is not null).GroupBy(g => GrainKeys.Number(g.Key, 'c')).ToList();
            Assert.Equal(world.ClusterCount, byCluster.Count);
            foreach (var cluster in byCluster)
            {
                Assert.Contains(cluster, g => g.Key.Contains("/s", StringComparison.Ordinal)); // its shards
                Assert.Single(cluster.Select(g => g.SiloAddress).Distinct());
            }
            Assert.Equal(2, byCluster.Select(c => c.First().SiloAddress).Distinct().Count());

            var runLevel = grains.Where(g => GrainKeys.TryNumber(g.Key, 'c') is null).ToList();
            Assert.Contains(runLevel, g => g.Key == runId);
            Assert.Contains(runLevel, g => g.Key == runId && g.GrainType.Contains(nameof(EcoSim.Grains.FundsGrain), StringComparison.Ordinal)); // its funds
            Assert.Single(runLevel.Select(g => g.SiloAddress).Distinct());
        }
        finally
        {
            await run.Stop();
        }
    }

    [Fact]
    public async Task A_stopped_run_leaves_no_world_cached_on_any_silo()
    {
        var world = TestFiles.LoadSmall().World with { Ticks = 1 };
        string runId = $"forget-{Guid.NewGuid():N}";
        var run = fixture.Cluster.GrainFactory.GetGrain<IRunGrain>(runId);
        await run.Start(world, new RunLayout(64));
        await run.Step();
        var caches = fixture.Cluster.Silos.Cast<InProcessSiloHandle>()
            .Select(s => s.SiloHost.Services.GetRequiredService<EcoSim.Grains.RunContextCache>()).ToList();
        Assert.All(caches, cache => Assert.True(cache.Holds(runId))); // both silos host clusters of the run
        await run.Stop();
        Assert.All(caches, cache => Assert.False(cache.Holds(runId)));
    }

    [Fact]
    public void Silo_choice_depends_on_the_run_and_cluster_only()
    {
        Assert.Equal(RunAffinity.SiloIndex("run-a/c3", 5), RunAffinity.SiloIndex("run-a/c3/s17", 5));
        Assert.Equal(RunAffinity.SiloIndex("run-a/c3", 5), RunAffinity.SiloIndex("run-a/c3/l40", 5));
        Assert.Equal(RunAffinity.SiloIndex("run-a", 5), RunAffinity.SiloIndex("run-a/f2", 5));
        // Consecutive clusters go to consecutive silos, so a run's clusters are spread evenly.
        var silos = Enumerable.Range(0, 20).Select(c => RunAffinity.SiloIndex($"run-a/c{c}", 3)).ToList();
        Assert.Equal([7, 7, 6], silos.GroupBy(s => s).Select(g => g.Count()).OrderDescending());
        // Different runs start at different silos (over many runs, every silo is a starting point).
        var starts = Enumerable.Range(0, 50).Select(r => RunAffinity.SiloIndex($"run-{r}", 3)).Distinct().Count();
        Assert.Equal(3, starts);
        Assert.All(Enumerable.Range(0, 30), c => Assert.Equal(0, RunAffinity.SiloIndex($"run-a/c{c}", 1)));
    }
}
