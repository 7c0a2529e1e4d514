using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;
using Xunit.Abstractions;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// An ensemble member laid out whole in one grain (<see cref="WholeRunSimulation"/>) whose silo process is killed mid-run:
/// the member starts again on the silos left, and its metrics are the reference engine's, each tick handed on once.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class WholeRunLostSiloTests(ITestOutputHelper log)
{
    [ClusterFact]
    public async Task Killing_the_silo_of_a_whole_run_restarts_it_on_the_survivors_with_the_reference_engines_rows()
    {
        var world = ScenarioLoader.Load(SmallRuns.Scenario).World;
        var expected = new List<MetricsRow>();
        await foreach (var tick in new ReferenceSimulation().RunAsync(world, CancellationToken.None)) expected.AddRange(tick.Rows);

        var restarts = new TimedLog();
        try
        {
            var connection = await OrleansConnections.ConnectAsync(ClusterEnvironment.Options, CancellationToken.None);
            await using var sharded = new OrleansSimulation(connection, 64, RestartPolicy.Default with { Log = restarts });
            var whole = sharded.ForMembers(2, 2, world.Firms);
            Assert.IsType<WholeRunSimulation>(whole);
            // A census after tick 1 ends the first call there (WholeRunSimulation.BatchLength): the grain exists when the
            // victim is chosen, and the kill comes while the call for the remaining ticks is in flight.
            var killer = new SiloKillingEngine(whole, killDuringTick: 2, async () => [await SmallRuns.GrainProcess(connection.Grains, "EcoSim.Grains.WholeRunGrain")]);
            var rows = new List<MetricsRow>();
            var ticks = new List<int>();
            await foreach (var tick in killer.RunAsync(world, new HashSet<int> { 1 }, CancellationToken.None))
            {
                ticks.Add(tick.Outcome.Tick);
                rows.AddRange(tick.Outcome.Rows);
            }
            log.WriteLine(restarts.ToString());
            Assert.Single(killer.KilledProcesses);
            var restart = Assert.Single(restarts.Lines, l => l.Line.Contains("restarting the run from tick 0, whole in one grain", StringComparison.Ordinal));
            Assert.Contains("(attempt 2 of 3)", restart.Line);
            Assert.Equal(Enumerable.Range(0, world.Ticks), ticks); // every tick once, in order, across the restart
            Assert.Equal(expected, rows);
        }
        finally
        {
            var (code, output) = ClusterEnvironment.Script("revive", TimeSpan.FromSeconds(180));
            log.WriteLine(output);
            Assert.True(code == 0, $"scripts/cluster.sh revive failed ({code}): {output}");
        }
    }
}
