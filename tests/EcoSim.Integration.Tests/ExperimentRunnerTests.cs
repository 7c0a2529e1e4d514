using System.Collections.Concurrent;
using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Engines;
using EcoSim.Model.Metrics;

namespace EcoSim.Integration.Tests;

/// <summary>The experiments library from C#, as docs/ARCHITECTURE.md shows it: members, one runner, progress events, collectors.</summary>
public sealed class ExperimentRunnerTests
{
    /// <summary>Counts progress events as they come, on the reporting thread.</summary>
    private sealed class Recorder : IProgress<ExperimentProgress>
    {
        public ConcurrentQueue<ExperimentProgress> Events { get; } = new();
        public void Report(ExperimentProgress value) => Events.Enqueue(value);
    }

    [Fact]
    public async Task An_ensemble_run_concurrently_gives_each_member_the_rows_of_its_seed_run_alone_and_reports_every_step()
    {
        var small = TestFiles.LoadSmall();
        var scenario = small with { World = small.World with { Ticks = 3 } };
        var experiment = Experiment.Seeds(scenario, Experiment.ConsecutiveSeeds(30, 3));
        var rows = new ConcurrentDictionary<ulong, IReadOnlyList<MetricsRow>>();
        var progress = new Recorder();
        await using var engine = await new EngineChoice(EngineKind.Reference).OpenAsync(CancellationToken.None);

        await new ExperimentRunner(engine, parallelism: 2, progress).RunAsync(experiment, Collect.Finished((m, r) => rows[m.Seed] = r), CancellationToken.None);

        Assert.Equal([30UL, 31UL, 32UL], rows.Keys.Order());
        Assert.Equal(3 * 3, progress.Events.Count(e => e.Step == ProgressStep.TickDone));
        Assert.Equal([30UL, 31UL, 32UL], progress.Events.Where(e => e.Step == ProgressStep.RunDone).Select(e => e.Member.Seed).Order());
        var alone = new List<MetricsRow>();
        await new ExperimentRunner(engine).RunAsync(Experiment.Single(scenario.WithSeed(31)), Collect.Finished((_, r) => alone.AddRange(r)), CancellationToken.None);
        Assert.Equal(alone, rows[31]);
        Assert.NotEqual(rows[30], rows[31]);
    }

    [Fact]
    public void Members_are_made_in_the_order_each_kind_lists_them()
    {
        var small = TestFiles.LoadSmall();
        var comparison = Experiment.Comparison(small, small, [7, 8]);
        Assert.Equal([(MemberRole.Baseline, 7UL), (MemberRole.Policy, 7UL), (MemberRole.Baseline, 8UL), (MemberRole.Policy, 8UL)],
            comparison.Members.Select(m => (m.Role, m.Seed)));
        Assert.Equal(["baseline-seed7.csv", "policy-seed7.csv", "baseline-seed8.csv", "policy-seed8.csv"], comparison.Members.Select(m => m.FileName));
        Assert.Equal(["small-seed5.csv"], Experiment.Single(small.WithSeed(5)).Members.Select(m => m.FileName));
    }
}
