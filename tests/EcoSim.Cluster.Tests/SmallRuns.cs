using EcoSim.Client.Cli;
using EcoSim.Experiments;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Scenarios;

using static EcoSim.Cluster.Tests.ClusterCli;

namespace EcoSim.Cluster.Tests;

/// <summary>The small scenario as the cluster tests run it: on the cluster with silos killed mid-run, and on the reference engine to compare bytes.</summary>
internal static class SmallRuns
{
    /// <summary>The small scenario of the integration tests (eight quarters, 2,000 firms).</summary>
    public static string Scenario => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small.yaml");

    /// <summary>
    /// Runs the small scenario on the cluster into <paramref name="folder"/>, killing the silo processes that
    /// <paramref name="victims"/> chooses during tick 4; restart messages go to <paramref name="restarts"/>. The run
    /// keeps a snapshot to restart from every <paramref name="restartPointEvery"/> quarters, and writes checkpoint files
    /// after the ticks of <paramref name="checkpoints"/> (which then are its restart points).
    /// </summary>
    public static async Task<(int Code, string Errors, SiloKillingEngine Killer)> RunKillingAsync(string folder, TextWriter restarts, Func<IGrainFactory, Task<IReadOnlyList<int>>> victims,
        int restartPointEvery = 2, int[]? checkpoints = null)
    {
        var errors = new StringWriter();
        SiloKillingEngine? killer = null;
        var settings = new RunSettings(ScenarioLoader.Load(Scenario), new OutputSettings(new EngineChoice(EngineKind.Orleans, 64, ClusterEnvironment.Options), folder, Plots: false))
        {
            Checkpoints = checkpoints is null ? null : new Checkpointing(new CheckpointSchedule(new SortedSet<int>(checkpoints)), null, null),
        };
        EngineOpener killing = async (s, cancellation) =>
        {
            var connection = await OrleansConnections.ConnectAsync(s.Engine.Cluster!, cancellation);
            var engine = new OrleansSimulation(connection, s.Engine.FirmsPerShard, RestartPolicy.Default with { Log = restarts, CheckpointEvery = restartPointEvery });
            return killer = new SiloKillingEngine(engine, killDuringTick: 3, () => victims(connection.Grains));
        };
        int code = await PipelineCalls.RunAsync(async events => await new RunPipeline(events with { OpenEngine = killing }).ExecuteAsync(settings, CancellationToken.None), new StringWriter(), errors);
        return (code, errors.ToString(), killer ?? throw new InvalidOperationException("the run never made its engine"));
    }

    /// <summary>The silo process that hosts the run grain of the run in progress (the one run this cluster has).</summary>
    public static Task<int> RunGrainProcess(IGrainFactory grains) => GrainProcess(grains, "EcoSim.Grains.RunGrain");

    /// <summary>The silo process that hosts the one activation of the grain class <paramref name="grainClass"/> (its full name) in the cluster.</summary>
    public static async Task<int> GrainProcess(IGrainFactory grains, string grainClass)
    {
        var activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var found = activations.Where(a => a.GrainType.Contains(grainClass, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"expected one {grainClass} in the cluster, found {found.Count}: is another run using it?");
        return ClusterEnvironment.SiloProcess(found[0].SiloAddress.Endpoint.Port);
    }

    /// <summary>
    /// Asserts that <paramref name="folder"/>'s metrics, and its checkpoints if it wrote any, are the reference engine's
    /// bytes (run once into <paramref name="root"/>/reference, with a checkpoint after every quarter).
    /// </summary>
    public static async Task AssertReferenceBytes(string root, string folder)
    {
        string reference = Path.Combine(root, "reference");
        if (!Directory.Exists(reference))
        {
            var run = await Ecosim("run", Scenario, "--engine", "reference", "--out", reference, "--no-plots", "--checkpoint-every", "1");
            Assert.True(run.Code == 0, run.Errors);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(reference, MetricsCsvFormat.FileName)), File.ReadAllBytes(Path.Combine(folder, MetricsCsvFormat.FileName)));
        string written = Path.Combine(folder, CheckpointNames.DefaultFolder);
        foreach (var file in Directory.Exists(written) ? Directory.GetFiles(written) : [])
            Assert.True(File.ReadAllBytes(Path.Combine(reference, CheckpointNames.DefaultFolder, Path.GetFileName(file))).AsSpan().SequenceEqual(File.ReadAllBytes(file)),
                $"checkpoint {Path.GetFileName(file)} differs from the reference engine's");
    }
}
