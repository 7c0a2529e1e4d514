using EcoSim.Hosting;
using Xunit.Abstractions;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// Every silo process killed at once, mid-run: no silo is left to declare the others dead, so the client notices
/// the cluster's silence (<c>SiloWatch.Silence</c>) instead of waiting out the tick's response timeout, and, with
/// nothing to start the run again on, says so in one line instead of "restarting ... on 3 silos" that are gone. It
/// leaves no output folder (nor a working folder) behind. The cluster is started again afterwards.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class AllSilosLostTests(ITestOutputHelper log)
{
    [ClusterFact]
    public async Task Killing_every_silo_mid_run_stops_the_run_in_one_line_without_restarting_and_writes_nothing()
    {
        string root = ClusterCli.NewTempFolder();
        string folder = Path.Combine(root, "cluster");
        var restarts = new TimedLog();
        try
        {
            string said;
            try
            {
                var (code, errors, killer) = await SmallRuns.RunKillingAsync(folder, restarts, _ => Task.FromResult<IReadOnlyList<int>>([.. ClusterEnvironment.SiloProcesses]));
                Assert.Equal(ClusterEnvironment.ExpectedSilos, killer.KilledProcesses.Count);
                Assert.NotEqual(0, code);
                said = errors;
            }
            catch (ClusterUnavailableException lost) { said = lost.Message; }
            log.WriteLine(said);
            log.WriteLine(restarts.ToString());

            Assert.Contains("every silo of the cluster was lost", said);
            Assert.Contains("start the cluster again", said);
            // Found by the census going unanswered, not by the tick's call waiting out its 5-minute response timeout.
            Assert.Contains("no silo of the cluster answered for", said);
            Assert.DoesNotContain("did not arrive on time", said);
            Assert.DoesNotContain("restarting", restarts + said);
            Assert.DoesNotContain("   at ", said);
            Assert.Single(said.Trim().Split('\n'));
            Assert.Empty(Directory.GetFileSystemEntries(root));
        }
        finally
        {
            var (code, output) = ClusterEnvironment.Script("revive", TimeSpan.FromSeconds(180));
            log.WriteLine(output);
            Assert.True(code == 0, $"scripts/cluster.sh revive failed ({code}): {output}");
        }
    }
}
