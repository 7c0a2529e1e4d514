using System.Diagnostics;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Inspection;
using EcoSim.Scenarios;
using Xunit.Abstractions;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// <c>ecosim inspect --cluster</c> survives a silo killed while it steps the run to the asked tick, as a
/// run does: it starts again on the survivors and answers what the reference engine answers, instead of
/// waiting for a call that no silo will answer.
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class InspectOnTheClusterTests(ITestOutputHelper log)
{
    private const int Ticks = 40;

    [ClusterFact]
    public async Task Killing_a_silo_during_an_inspection_starts_it_again_on_the_survivors_with_the_reference_answer()
    {
        var world = ScenarioLoader.Load(BaselineScenario()).World;
        var firm = EntityRef.Firm(0, 1201);
        string? reviveProblem = null;
        var errors = new StringWriter();
        try
        {
            var connection = await OrleansConnections.ConnectAsync(ClusterEnvironment.Options, CancellationToken.None);
            await using var engine = new OrleansSimulation(connection, 4096, RestartPolicy.Default with { Log = errors });
            var clock = Stopwatch.StartNew();
            var inspection = engine.InspectAsync(world, Ticks, firm, CancellationToken.None);
            int victim = await RunGrainProcessOnceStarted(connection.Grains, inspection);
            using (var process = Process.GetProcessById(victim)) process.Kill();
            var state = await inspection;
            log.WriteLine($"inspection at tick {Ticks} with a silo killed: {clock.Elapsed.TotalSeconds:0.00} s");
            log.WriteLine(errors.ToString());

            Assert.Contains("restarting the inspection from tick 0 on 2 silos", errors.ToString());
            await using var reference = new ReferenceSimulation();
            var expected = await reference.InspectAsync(world, Ticks, firm, CancellationToken.None);
            Assert.Equal(expected.Description, state.Description);
            Assert.Equal(expected.Fields, state.Fields);
        }
        finally
        {
            var (code, output) = ClusterEnvironment.Script("revive", TimeSpan.FromSeconds(180));
            log.WriteLine(output);
            if (code != 0) reviveProblem = $"scripts/cluster.sh revive failed ({code}): {output}";
        }
        Assert.True(reviveProblem is null, reviveProblem);
    }

    /// <summary>The silo process of the inspection's run grain, as soon as it is activated (and before the inspection ends).</summary>
    private static async Task<int> RunGrainProcessOnceStarted(IGrainFactory grains, Task inspection)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        while (!inspection.IsCompleted)
        {
            var runs = (await management.GetDetailedGrainStatistics()).Where(a => a.GrainType.Contains("RunGrain", StringComparison.Ordinal)).ToList();
            if (runs.Count == 1) return ClusterEnvironment.SiloProcess(runs[0].SiloAddress.Endpoint.Port);
            await Task.Delay(50);
        }
        throw new InvalidOperationException("the inspection ended before its run grain could be found; it should take seconds");
    }

    private static string BaselineScenario()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "EcoSim.sln")))
                return Path.Combine(folder.FullName, "scenarios", "guangdong-baseline.yaml");
        throw new DirectoryNotFoundException("no EcoSim.sln above the test assembly");
    }
}
