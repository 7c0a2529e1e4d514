using EcoSim.Scenarios;
using EcoSim.Experiments;
using System.Diagnostics;
using EcoSim.Client.Cli;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using Xunit.Abstractions;

using static EcoSim.Cluster.Tests.ClusterCli;
using EcoSim.Experiments.Pipelines;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// The small world on a real cluster of separate silo processes with a Redis membership table, as
/// started by scripts/cluster.sh: the same bytes as the reference engine, even when a silo is killed mid-run.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class RunOnTheClusterTests(ITestOutputHelper log)
{
    private static string SmallScenario => SmallRuns.Scenario;

    [ClusterFact]
    public async Task A_run_on_three_silo_processes_writes_the_reference_bytes()
    {
        string root = NewTempFolder();
        var clock = Stopwatch.StartNew();
        var cluster = await Ecosim("run", SmallScenario, "--cluster", ClusterEnvironment.Address, "--cluster-credentials", ClusterEnvironment.CredentialsFolder,
            "--out", Path.Combine(root, "cluster"), "--no-plots");
        log.WriteLine($"small run on the cluster: {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(cluster.Code == 0, cluster.Errors);
        clock.Restart();
        var embedded = await Ecosim("run", SmallScenario, "--out", Path.Combine(root, "embedded"), "--no-plots");
        log.WriteLine($"small run on an embedded silo: {clock.Elapsed.TotalSeconds:0.00} s");
        Assert.True(embedded.Code == 0, embedded.Errors);

        await SmallRuns.AssertReferenceBytes(root, Path.Combine(root, "cluster"));
        await SmallRuns.AssertReferenceBytes(root, Path.Combine(root, "embedded"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "embedded", MetricsCsvFormat.FileName)), File.ReadAllBytes(Path.Combine(root, "cluster", MetricsCsvFormat.FileName)));
        // The manifest names the credentials folder (it is on the command line), never what is in it.
        string secret = File.ReadAllText(Path.Combine(ClusterEnvironment.CredentialsFolder, "secret")).Trim();
        foreach (string file in Directory.GetFiles(Path.Combine(root, "cluster"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".parquet", StringComparison.Ordinal)))
            Assert.False(File.ReadAllText(file).Contains(secret, StringComparison.Ordinal), $"{file} holds the cluster's secret");
        var manifest = ManifestReader.Read(Path.Combine(root, "cluster", RunOutputFolder.ManifestFileName));
        Assert.Equal("orleans", manifest.Engine);
        Assert.True(manifest.SiloCount == ClusterEnvironment.ExpectedSilos,
            $"the manifest records {manifest.SiloCount} silos; these tests expect the {ClusterEnvironment.ExpectedSilos} of 'scripts/cluster.sh start'");
        Assert.Contains($"({ClusterEnvironment.ExpectedSilos} silos", cluster.Errors);
    }

    [ClusterFact]
    public async Task Killing_a_silo_mid_run_resumes_the_run_from_its_last_checkpoint_on_the_survivors_with_the_same_bytes()
    {
        string root = NewTempFolder();
        var restarts = new TimedLog();
        try
        {
            var clock = Stopwatch.StartNew();
            // Checkpoint files after quarters 2 and 6: the run restarts from the first, and the restarted run writes the second.
            var (code, errors, killer) = await SmallRuns.RunKillingAsync(Path.Combine(root, "cluster"), restarts, async grains => [await SmallRuns.RunGrainProcess(grains)], checkpoints: [2, 6]);
            log.WriteLine($"small run with a silo killed during tick 4: {clock.Elapsed.TotalSeconds:0.00} s");
            log.WriteLine(restarts.ToString());
            Assert.True(code == 0, errors + restarts);
            Assert.NotNull(killer.KilledProcess);
            var restart = Assert.Single(restarts.Lines, l => l.Line.Contains("restarting the run from the checkpoint after 2 ticks (resumed from quarter 2024Q3) in the cluster's store on 2 silos", StringComparison.Ordinal));
            Assert.Equal(["2024Q3.ecosnap", "2025Q3.ecosnap"], Directory.GetFiles(Path.Combine(root, "cluster", "checkpoints")).Select(Path.GetFileName).Order());
            log.WriteLine($"detection: the client restarted the run {(restart.At - killer.KilledAt!.Value).TotalSeconds:0.0} s after the kill");
            await SmallRuns.AssertReferenceBytes(root, Path.Combine(root, "cluster"));
            Assert.Equal(ClusterEnvironment.ExpectedSilos - 1, ManifestReader.Read(Path.Combine(root, "cluster", RunOutputFolder.ManifestFileName)).SiloCount);
        }
        finally
        {
            // Leave the cluster as it was found: three silos.
            var (code, output) = ClusterEnvironment.Script("revive", TimeSpan.FromSeconds(180));
            log.WriteLine(output);
            Assert.True(code == 0, $"scripts/cluster.sh revive failed ({code}): {output}");
        }
    }
}
