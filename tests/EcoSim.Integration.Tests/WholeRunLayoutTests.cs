using EcoSim.Experiments;
using EcoSim.Grains.Abstractions;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Pipelines;
using EcoSim.Model.State;
using EcoSim.Scenarios;

namespace EcoSim.Integration.Tests;

/// <summary>
/// The Orleans engine's layout for ensembles, each run whole in one grain (<see cref="WholeRunSimulation"/>), on two
/// silos: its comparisons (with the shared pre-policy history), ensembles and sweeps write the files of the reference
/// engine and of the sharded layout, byte for byte, its censuses are the reference engine's bit for bit, and no grain of
/// it outlives its run.
/// </summary>
[Collection(TwoSiloCluster.Name)]
public sealed class WholeRunLayoutTests(TestClusterFixture fixture)
{
    private static Scenario Baseline => ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml"));

    private OrleansSimulation Orleans() => new(OrleansConnections.Borrow(fixture.Cluster.GrainFactory, fixture.Cluster.Silos.Count), 256);

    [Fact]
    public void Only_runs_side_by_side_run_whole()
    {
        var orleans = Orleans();
        Assert.IsType<WholeRunSimulation>(orleans.ForMembers(2, 2, 1_000));
        Assert.IsType<WholeRunSimulation>(orleans.ForMembers(2, 2, EnsembleLayout.MostWholeFirms));
        Assert.Same(orleans, orleans.ForMembers(1, 4, 1_000)); // a lone run spreads its shards
        Assert.Same(orleans, orleans.ForMembers(8, 1, 1_000)); // one at a time: each run spreads its shards
        Assert.Same(orleans, orleans.ForMembers(8, 2, EnsembleLayout.MostWholeFirms + 1)); // large runs spread their shards
        ISimulationEngine reference = new ReferenceSimulation();
        Assert.Same(reference, reference.ForMembers(8, 2, 1_000));
    }

    [Fact]
    public async Task A_grain_that_does_not_hold_its_run_says_it_was_lost_as_a_silo_would_be()
    {
        // What a call reaches when it is made after its grain's silo was declared dead: a fresh activation, no run.
        var fresh = fixture.Cluster.GrainFactory.GetGrain<IWholeRunGrain>($"whole-test-{Guid.NewGuid():N}");
        var lost = await Assert.ThrowsAsync<WholeRunLostException>(() => fresh.Step(1, census: false));
        Assert.Contains("not held here", lost.Message);
        await Assert.ThrowsAsync<WholeRunLostException>(() => fresh.Snapshot(new EcoSim.Model.Snapshots.ScenarioIdentity("s", "x", "h")));
        await fresh.Stop();
    }

    [Fact]
    public void A_call_ends_at_a_census_or_a_checkpoint()
    {
        var none = new HashSet<int>();
        Assert.Equal(WholeRunSimulation.TicksPerCall, WholeRunSimulation.BatchLength(0, 100, none, null));
        Assert.Equal(3, WholeRunSimulation.BatchLength(97, 100, none, null));
        Assert.Equal(4, WholeRunSimulation.BatchLength(0, 100, new HashSet<int> { 3 }, null));
        Assert.Equal(3, WholeRunSimulation.BatchLength(0, 100, none, new HashSet<int> { 3 })); // the checkpoint after 3 ticks: ticks 0-2
        Assert.Equal(1, WholeRunSimulation.BatchLength(5, 100, new HashSet<int> { 5 }, null));
    }

    [Fact]
    public async Task A_comparison_sharing_its_history_writes_the_bytes_of_the_reference_engine_and_of_shards()
    {
        var policy = TestFiles.LoadSmall(); // first differs after three shared quarters
        Assert.NotEmpty(SharedPrefixPair.OfComparison(Experiment.Comparison(Baseline, policy, [7, 8])));
        await AssertSameFiles(output => new ComparePipeline(Events(output.Engine)).ExecuteAsync(new CompareSettings(Baseline, policy, [7, 8], output), CancellationToken.None));
    }

    [Fact]
    public async Task An_ensemble_writes_the_bytes_of_the_reference_engine_and_of_shards() =>
        await AssertSameFiles(output => new RunEnsemblePipeline(Events(output.Engine)).ExecuteAsync(new EnsembleSettings(Baseline, [7, 8, 9], output), CancellationToken.None));

    [Fact]
    public async Task A_sweep_writes_the_bytes_of_the_reference_engine_and_of_shards()
    {
        var grid = SweepGrid.TryParse(["basicShare=0.1:0.3:0.1"], 3, out var errors);
        Assert.True(grid is not null, string.Join("; ", errors));
        await AssertSameFiles(output => new SweepPipeline(Events(output.Engine)).ExecuteAsync(new SweepSettings(Baseline, grid, [7, 8], output), CancellationToken.None));
    }

    [Fact]
    public async Task Censuses_are_the_reference_engines_bit_for_bit_and_no_grain_outlives_its_run()
    {
        var world = Baseline.World;
        var ticks = new HashSet<int> { 0, 3, world.Ticks - 1 };
        var reference = new List<SimulatedTick>();
        await foreach (var tick in new ReferenceSimulation().RunAsync(world, ticks, CancellationToken.None)) reference.Add(tick);
        var whole = Orleans().ForMembers(2, 2, world.Firms);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var run = new List<SimulatedTick>();
            await foreach (var tick in whole.RunAsync(world, ticks, CancellationToken.None)) run.Add(tick);
            return run;
        }));
        foreach (var run in results)
        {
            Assert.Equal(world.Ticks, run.Count);
            for (int t = 0; t < world.Ticks; t++)
            {
                Assert.Equal(reference[t].Outcome.Rows, run[t].Outcome.Rows);
                if (reference[t].Firms is not { } expected) { Assert.Null(run[t].Firms); continue; }
                var actual = run[t].Firms!;
                Assert.Equal(t, actual.Tick);
                for (int c = 0; c < world.ClusterCount; c++) AssertSameBits(expected.Clusters[c], actual.Clusters[c], $"tick {t} cluster {c}");
            }
        }
        Assert.Equal(0, await WholeRunActivations());
    }

    // Deactivation follows the run's last call; wait for it rather than for a time.
    private async Task<int> WholeRunActivations()
    {
        var management = fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        int count = -1;
        for (int i = 0; i < 100 && count != 0; i++)
        {
            if (i > 0) await Task.Delay(50);
            count = (await management.GetDetailedGrainStatistics()).Count(a => a.GrainType.Contains("WholeRunGrain", StringComparison.Ordinal));
        }
        return count;
    }

    // On Orleans, the test cluster's two silos.
    private PipelineEvents Events(EngineChoice engine) => engine.Kind == EngineKind.Orleans
        ? new PipelineEvents(TextWriter.Null) { OpenEngine = (_, _) => Task.FromResult<ISimulationEngine>(Orleans()) }
        : new PipelineEvents(TextWriter.Null);

    private static int RecordedFirmsPerShard(string folder)
    {
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        return manifest.RootElement.GetProperty("firmsPerShard").GetInt32();
    }

    // The pipeline on the reference engine, on Orleans one run at a time (sharded) and two at a time (whole runs): the
    // same files but the manifest and report (which hold times and the layout), and against the reference engine the same CSV files; the manifests record each layout.
    private async Task AssertSameFiles(Func<OutputSettings, Task> pipeline)
    {
        string root = TestFiles.NewTempFolder();
        async Task<string> Write(string name, EngineKind engine, int parallel)
        {
            string folder = Path.Combine(root, name);
            await pipeline(new OutputSettings(new EngineChoice(engine), folder, Plots: false, Parallel: parallel));
            return folder;
        }
        string reference = await Write("reference", EngineKind.Reference, 2);
        string sharded = await Write("sharded", EngineKind.Orleans, 1);
        string whole = await Write("whole", EngineKind.Orleans, 2);
        string[] Files(string folder) => [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))
            .Where(f => f is not ("manifest.json" or "report.html")).Order(StringComparer.Ordinal)];
        Assert.Equal(Files(sharded), Files(whole));
        Assert.Equal(Files(reference), Files(whole));
        // Every file of the two layouts alike; the reference engine's name is in the Parquet metadata and the findings, so
        // against it the CSV files.
        foreach (var (file, against) in Files(whole).Select(f => (f, sharded)).Concat(Files(whole).Where(f => f.EndsWith(".csv", StringComparison.Ordinal)).Select(f => (f, reference))))
            Assert.True(File.ReadAllBytes(Path.Combine(against, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(whole, file))),
                $"{file} of the whole-run layout differs from the {Path.GetFileName(against)} one's");
        Assert.Contains(Files(whole), f => f.EndsWith(".csv", StringComparison.Ordinal));
        Assert.Equal(256, RecordedFirmsPerShard(sharded));
        Assert.Equal(0, RecordedFirmsPerShard(whole));
        Assert.Equal(0, await WholeRunActivations());
    }

    private static void AssertSameBits(FirmColumns expected, FirmColumns actual, string where)
    {
        Assert.Equal(expected.Count, actual.Count);
        void Doubles(string name, double[] e, double[] a) =>
            Assert.True(e.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(a.Select(BitConverter.DoubleToInt64Bits)), $"{where}: {name} differs");
        Doubles("productivity", expected.Productivity, actual.Productivity);
        Doubles("weight", expected.Weight, actual.Weight);
        Doubles("revenue", expected.Revenue, actual.Revenue);
        Doubles("cash", expected.Cash, actual.Cash);
        Assert.Equal(expected.Age, actual.Age);
        Assert.Equal(expected.Alive, actual.Alive);
    }
}
