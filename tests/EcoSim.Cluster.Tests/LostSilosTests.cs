using System.Diagnostics;
using EcoSim.Experiments.Output;
using Xunit.Abstractions;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// Two of the three silo processes killed at once, mid-run: the lone survivor declares them dead in seconds
/// (not the 90 s Orleans' default staleness window took), the run continues on it from the snapshot it kept and writes the reference bytes.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class LostSilosTests(ITestOutputHelper log)
{
    [ClusterFact]
    public async Task Killing_two_of_three_silos_mid_run_resumes_the_run_from_its_last_snapshot_on_the_survivor_with_the_same_bytes()
    {
        string root = ClusterCli.NewTempFolder();
        var restarts = new TimedLog();
        try
        {
            var clock = Stopwatch.StartNew();
            var (code, errors, killer) = await SmallRuns.RunKillingAsync(Path.Combine(root, "cluster"), restarts, TwoSilosOneOfThemTheRunGrains);
            log.WriteLine($"small run with two of three silos killed during tick 4: {clock.Elapsed.TotalSeconds:0.00} s");
            log.WriteLine(restarts.ToString());
            Assert.True(code == 0, errors + restarts);
            Assert.Equal(2, killer.KilledProcesses.Count);
            // The snapshot it kept in memory after quarter 2 (every 2 quarters here), not tick 0.
            var restart = Assert.Single(restarts.Lines, l => l.Line.Contains("restarting the run from the checkpoint after 2 ticks (resumed from quarter 2024Q3) in the cluster's store", StringComparison.Ordinal));
            Assert.Contains("on 1 silo (attempt 2 of 3)", restart.Line);
            log.WriteLine($"detection: the client restarted the run {(restart.At - killer.KilledAt!.Value).TotalSeconds:0.0} s after the kill");
            await SmallRuns.AssertReferenceBytes(root, Path.Combine(root, "cluster"));
            Assert.Equal(1, ManifestReader.Read(Path.Combine(root, "cluster", RunOutputFolder.ManifestFileName)).SiloCount);
        }
        finally
        {
            var (code, output) = ClusterEnvironment.Script("revive", TimeSpan.FromSeconds(180));
            log.WriteLine(output);
            Assert.True(code == 0, $"scripts/cluster.sh revive failed ({code}): {output}");
        }
    }

    /// <summary>The silo process of the run grain of the run in progress, and one other silo process.</summary>
    private static async Task<IReadOnlyList<int>> TwoSilosOneOfThemTheRunGrains(IGrainFactory grains)
    {
        int runSilo = await SmallRuns.RunGrainProcess(grains);
        return [runSilo, ClusterEnvironment.SiloProcesses.First(pid => pid != runSilo)];
    }
}
