using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Sensitivity;
using EcoSim.Scenarios;

namespace EcoSim.Integration.Tests;

/// <summary>
/// <c>compare</c> computes the quarters a baseline and its policy twin share once per seed and continues the policy from
/// the baseline's in-memory snapshot: every file it writes is the file it writes when both runs start from tick 0.
/// </summary>
public sealed class SharedPrefixCompareTests
{
    private static Scenario Baseline => ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", "small-baseline.yaml"));

    [Theory]
    [InlineData(EngineKind.Reference)]
    [InlineData(EngineKind.Orleans)]
    public async Task Sharing_the_pre_policy_history_writes_the_bytes_of_two_runs_from_tick_0(EngineKind engine)
    {
        var policy = TestFiles.LoadSmall(); // first differs in 2024Q4, after three shared quarters
        var pairs = SharedPrefixPair.OfComparison(Experiment.Comparison(Baseline, policy, [7, 8]));
        Assert.Equal([3, 3], pairs.Select(p => p.SharedTicks));
        await AssertSameOutput(engine, Baseline, policy, []);
    }

    [Fact]
    public async Task Seed_pairs_that_draw_uncertain_parameters_share_their_history_too()
    {
        var ranges = SensitivityRange.TryParse(["basicShare=0.1:0.3"], out var errors, "--parameter-uncertainty");
        Assert.True(ranges is not null, string.Join("; ", errors));
        var policy = TestFiles.LoadSmall();
        var pairs = SharedPrefixPair.OfComparison(Experiment.Comparison(Baseline, policy, [7, 8, 9], ranges));
        Assert.Equal(6, pairs.Count); // each seed's drawn pair and its seed-only pair
        Assert.Equal(new ulong[] { 7, 7, 8, 8, 9, 9 }, pairs.Select(p => p.Writer.Seed).Order());
        await AssertSameOutput(EngineKind.Reference, Baseline, policy, ranges);
    }

    [Fact]
    public void Scenarios_that_differ_from_tick_0_share_nothing()
    {
        Assert.True(EcoSim.Model.Parameters.ParameterCatalog.TryGet("minBasicShare", out var floor));
        var policy = EcoSim.Experiments.Ensembles.ParameterOverride.Apply(TestFiles.LoadSmall(), floor, 0.3333, fromTick: 0);
        Assert.Empty(SharedPrefixPair.OfComparison(Experiment.Comparison(Baseline, policy, [7, 8])));
        Assert.Empty(SharedPrefixPair.OfComparison(Experiment.Comparison(Baseline, Baseline, [7, 8]))); // never differ: nothing to fork
    }

    // Runs the comparison with and without sharing and checks every file but the manifest and report (which hold the times).
    private static async Task AssertSameOutput(EngineKind engine, Scenario baseline, Scenario policy, IReadOnlyList<SensitivityRange> uncertain)
    {
        string root = TestFiles.NewTempFolder();
        async Task<string> Compare(string name, bool share)
        {
            string folder = Path.Combine(root, name);
            var settings = new CompareSettings(baseline, policy, [7, 8, 9], new OutputSettings(new EngineChoice(engine), folder, Plots: false, Parallel: 2))
            {
                ParameterUncertainty = uncertain, SharePrefix = share,
            };
            await new ComparePipeline(new PipelineEvents(TextWriter.Null)).ExecuteAsync(settings, CancellationToken.None);
            return folder;
        }
        string whole = await Compare("from-tick-0", share: false), shared = await Compare("shared", share: true);
        string[] Files(string folder) => [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f))
            .Where(f => f is not ("manifest.json" or "report.html")).Order(StringComparer.Ordinal)];
        Assert.Equal(Files(whole), Files(shared));
        Assert.Contains(Path.Combine("runs", "policy-seed9.csv"), Files(shared));
        foreach (var file in Files(whole))
            Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(shared, file))), $"{file} differs when the history is shared");
    }
}
