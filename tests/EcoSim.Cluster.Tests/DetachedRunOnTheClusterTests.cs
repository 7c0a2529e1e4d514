using System.Diagnostics;
using EcoSim.Client.Cli;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Grains.Abstractions;
using Xunit.Abstractions;

using static EcoSim.Cluster.Tests.ClusterCli;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// Runs that outlive their client, on real silo processes with a Redis membership table: each command a process of its
/// own, as a user's shell would start it, so that a client killed with SIGKILL is really gone.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class DetachedRunOnTheClusterTests(ITestOutputHelper log)
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(180);

    private static string[] ClusterArguments => ["--cluster", ClusterEnvironment.Address, "--cluster-credentials", ClusterEnvironment.CredentialsFolder];

    private static (int Code, string Output, string Errors) EcosimProcess(params string[] args) =>
        ClusterEnvironment.Child("dotnet", [Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), .. args], ChildTimeout, new() { ["ECOSIM_DEBUG"] = null });

    // The small world with twenty times the firms over the longest horizon a scenario may have (200 years, 800 quarters): the cluster runs it fast
    // (a tick is little more than its grain calls), so only this keeps a run going for longer than a client process takes to start and
    // attach on a busy machine.
    private static string LongSmallWorld(string root)
    {
        string path = Path.Combine(root, "small-long.yaml");
        string text = File.ReadAllText(Path.Combine(Path.GetDirectoryName(SmallRuns.Scenario)!, "small-baseline.yaml"));
        foreach (string line in new[] { "name: small-baseline", "end: 2025Q4", "  firms: 2000" }) Assert.Contains(line, text);
        File.WriteAllText(path, text.Replace("name: small-baseline", "name: small-long").Replace("end: 2025Q4", "end: 2223Q4").Replace("  firms: 2000", "  firms: 40000"));
        return path;
    }

    [ClusterFact]
    public async Task A_client_killed_while_attached_leaves_the_run_going_and_a_new_attach_writes_the_reference_bytes()
    {
        string root = NewTempFolder();
        string output = Path.Combine(root, "attached");
        string scenario = LongSmallWorld(root);
        var detach = EcosimProcess(["run", scenario, "--detach", .. ClusterArguments]);
        Assert.True(detach.Code == 0, detach.Errors);
        string id = detach.Output.Trim();
        Assert.True(DetachedRuns.IsWellFormed(id), $"'{id}' is not a run id: {detach.Output}");
        log.WriteLine(detach.Errors);

        // An attached client, killed with SIGKILL as soon as it follows the run: no chance to clean up or say goodbye.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "attach", id, .. ClusterArguments, "--out", output, "--no-plots"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var attached = Process.Start(start) ?? throw new InvalidOperationException("the attaching client did not start");
        var following = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        attached.ErrorDataReceived += (_, line) => { if (line.Data?.Contains($"attached to {id}", StringComparison.Ordinal) == true) following.TrySetResult(); };
        attached.BeginErrorReadLine();
        attached.BeginOutputReadLine();
        var clock = Stopwatch.StartNew();
        await following.Task.WaitAsync(ChildTimeout);
        log.WriteLine($"the attaching client followed the run {clock.Elapsed.TotalSeconds:0.0} s after it was started");
        attached.Kill();
        await attached.WaitForExitAsync();

        await using (var connection = await OrleansConnections.ConnectAsync(ClusterEnvironment.Options, CancellationToken.None))
        {
            var seen = await connection.Grains.GetGrain<IRunGrain>(id).Observe(int.MaxValue, TimeSpan.Zero);
            log.WriteLine($"when the attached client was killed the run had done {seen.Done} of {seen.Ticks} ticks ({seen.State})");
            Assert.True(seen.State == DetachedRunState.Running, $"the run is {seen.State} after {seen.Done} of {seen.Ticks} ticks: the client was not killed mid-run");
        }
        Assert.False(Directory.Exists(output), "a client killed while attached left a folder that looks complete");

        clock.Restart();
        var again = EcosimProcess(["attach", id, .. ClusterArguments, "--out", output, "--no-plots"]);
        log.WriteLine($"the second client attached and wrote the folder in {clock.Elapsed.TotalSeconds:0.0} s");
        log.WriteLine(again.Errors);
        Assert.True(again.Code == 0, again.Errors);
        var reference = await Ecosim("run", scenario, "--engine", "reference", "--out", Path.Combine(root, "reference"), "--no-plots");
        Assert.True(reference.Code == 0, reference.Errors);
        Assert.Equal(File.ReadAllBytes(Path.Combine(root, "reference", MetricsCsvFormat.FileName)), File.ReadAllBytes(Path.Combine(output, MetricsCsvFormat.FileName)));
        var manifest = ManifestReader.Read(Path.Combine(output, RunOutputFolder.ManifestFileName));
        var run = Assert.IsType<RunPayload>(manifest.Payload);
        Assert.Contains("--detach", manifest.CommandLine);
        Assert.Equal(id, run.Detached?.RunId);
        Assert.Contains("attach", run.Detached!.AttachCommandLine);
        Assert.Equal(ClusterEnvironment.ExpectedSilos, manifest.SiloCount);
        // The killed client's hidden working folder is gone too: the second client swept it, as its process is dead.
        Assert.Empty(Directory.GetDirectories(root, ".attached.partial-*"));
    }

    [ClusterFact]
    public async Task The_silos_keep_detached_runs_for_the_orphan_timeout_the_cluster_was_started_with()
    {
        await using var connection = await OrleansConnections.ConnectAsync(ClusterEnvironment.Options, CancellationToken.None);
        var seen = await connection.Grains.GetGrain<IRunGrain>($"run-{Guid.NewGuid():N}").Observe(0, TimeSpan.Zero);
        Assert.Equal(DetachedRunState.Unknown, seen.State);
        Assert.Equal(ShortOrphanTimeoutFactAttribute.ClusterOrphanTimeout, seen.OrphanTimeout);
    }

    [ShortOrphanTimeoutFact]
    public async Task A_finished_run_nobody_observes_is_released_after_the_orphan_timeout_and_attach_says_so()
    {
        var detach = await Ecosim(["run", SmallRuns.Scenario, "--detach", "--ticks", "1", .. ClusterArguments]);
        Assert.True(detach.Code == 0, detach.Errors);
        string id = detach.Output.Trim();
        var clock = Stopwatch.StartNew();
        await using (var connection = await OrleansConnections.ConnectAsync(ClusterEnvironment.Options, CancellationToken.None))
        {
            // Describe is no observation, so polling with it does not put the release off.
            var deadline = DateTime.UtcNow + 3 * ShortOrphanTimeoutFactAttribute.ClusterOrphanTimeout + TimeSpan.FromSeconds(60);
            while (await DetachedRuns.DescribeAsync(connection.Grains, id) is not null && DateTime.UtcNow < deadline) await Task.Delay(500);
        }
        log.WriteLine($"released {clock.Elapsed.TotalSeconds:0.0} s after it was detached (orphan timeout {ShortOrphanTimeoutFactAttribute.ClusterOrphanTimeout.TotalSeconds:0} s)");
        string root = NewTempFolder();
        var attach = await Ecosim(["attach", id, .. ClusterArguments, "--out", Path.Combine(root, "out")]);
        Assert.Equal(ExitCodes.BadInput, attach.Code);
        Assert.Contains($"error: run '{id}' was released after {DetachedRuns.Duration(ShortOrphanTimeoutFactAttribute.ClusterOrphanTimeout)} unobserved", attach.Errors);
        Assert.Empty(Directory.GetFileSystemEntries(root));
    }
}
