using System.Diagnostics;
using Xunit.Abstractions;

using static EcoSim.Cluster.Tests.ClusterCli;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// Redis restarted empty under a running cluster: every silo keeps running but its row in the membership table
/// is gone, so no client finds a gateway. <c>scripts/cluster.sh status</c> must say so, and the silos must join
/// again by themselves, after which a new client's run writes the reference bytes.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class RedisRestartTests(ITestOutputHelper log)
{
    private static readonly TimeSpan HealingBound = TimeSpan.FromSeconds(90);

    [ClusterFact]
    public async Task After_Redis_restarts_empty_status_tells_the_silos_are_out_of_the_table_and_they_join_again()
    {
        var before = ClusterEnvironment.Script("status", TimeSpan.FromSeconds(60));
        Assert.True(before.Code == 0, $"the cluster was not well before the test: {before.Output}");
        var silos = ClusterEnvironment.SiloProcesses.ToList();
        try
        {
            RestartRedisEmpty();
            var clock = Stopwatch.StartNew();
            // A silo needs two checks two seconds apart to notice, and a start to join again: status runs before that.
            var broken = ClusterEnvironment.Script("status", TimeSpan.FromSeconds(60));
            log.WriteLine($"status {clock.Elapsed.TotalSeconds:0.0} s after Redis restarted empty (exit {broken.Code}):\n{broken.Output}");
            Assert.Equal(1, broken.Code);
            Assert.Contains("NOT in the membership table", broken.Output);

            var healed = WaitForStatusOk(HealingBound);
            log.WriteLine($"status well again {clock.Elapsed.TotalSeconds:0.0} s after Redis restarted empty:\n{healed.Output}");
            Assert.True(healed.Code == 0, $"the silos did not join again within {HealingBound.TotalSeconds:0} s:\n{healed.Output}");
            // They joined again as the same processes (started again in place), so scripts and pid files stay true.
            Assert.Equal(silos, ClusterEnvironment.SiloProcesses.ToList());

            string root = NewTempFolder();
            var run = await Ecosim("run", SmallRuns.Scenario, "--cluster", ClusterEnvironment.Address, "--cluster-credentials", ClusterEnvironment.CredentialsFolder,
                "--out", Path.Combine(root, "cluster"), "--no-plots");
            Assert.True(run.Code == 0, run.Errors);
            Assert.Contains($"({ClusterEnvironment.ExpectedSilos} silos", run.Errors);
            await SmallRuns.AssertReferenceBytes(root, Path.Combine(root, "cluster"));
        }
        finally
        {
            // Leave the cluster as it was found for the tests that follow: Redis up, three silos active.
            if (!IsRunning(ClusterEnvironment.RedisProcess)) StartRedis();
            var after = WaitForStatusOk(HealingBound);
            if (after.Code != 0) log.WriteLine(ClusterEnvironment.Script("revive", TimeSpan.FromSeconds(180)).Output);
        }
    }

    private static void RestartRedisEmpty()
    {
        using (var redis = Process.GetProcessById(ClusterEnvironment.RedisProcess))
        {
            redis.Kill(); // it saves nothing ('save ""', no append-only file), so it comes back empty
            redis.WaitForExit(TimeSpan.FromSeconds(10));
        }
        StartRedis();
    }

    // The configuration keeps the port, the password and the pid file, so the silos' connection string still works.
    private static void StartRedis()
    {
        var (code, output, errors) = ClusterEnvironment.Child("redis-server", [ClusterEnvironment.RedisConfiguration], TimeSpan.FromSeconds(20), []);
        Assert.True(code == 0, $"redis-server did not start again ({code}): {output}{errors}");
    }

    private static (int Code, string Output) WaitForStatusOk(TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (true)
        {
            var status = ClusterEnvironment.Script("status", TimeSpan.FromSeconds(60));
            if (status.Code == 0 || DateTime.UtcNow >= deadline) return status;
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
    }
}
