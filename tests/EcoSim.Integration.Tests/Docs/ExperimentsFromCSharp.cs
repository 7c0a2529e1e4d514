using System.Collections.Concurrent;
using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Pipelines;
using EcoSim.Model.Metrics;
using EcoSim.Scenarios;

namespace EcoSim.Integration.Tests.Docs;

/// <summary>Experiments started from C#: docs/ARCHITECTURE.md shows this file as it is, and a test runs it.</summary>
public static class ExperimentsFromCSharp
{
    /// <summary>An ensemble of eight seeds on the reference engine, four at a time, keeping each run's region rows.</summary>
    public static async Task<IReadOnlyDictionary<ulong, MetricsRow[]>> RegionsOfEightSeeds(Scenario scenario)
    {
        var experiment = Experiment.Seeds(scenario, Experiment.ConsecutiveSeeds(first: 1, count: 8));
        var regions = new ConcurrentDictionary<ulong, MetricsRow[]>();
        await using var engine = await new EngineChoice(EngineKind.Reference).OpenAsync(CancellationToken.None);
        await new ExperimentRunner(engine, parallelism: 4).RunAsync(experiment,
            Collect.Finished((member, rows) => regions[member.Seed] = [.. rows.Where(r => r.Cluster == MetricsRow.RegionIndex)]),
            CancellationToken.None);
        return regions;
    }

    /// <summary>A comparison over four paired seeds, written to <paramref name="folder"/> as <c>ecosim compare</c> writes it; returns the findings.</summary>
    public static async Task<string> CompareInto(string folder, Scenario baseline, Scenario policy, TextWriter notes)
    {
        var settings = new CompareSettings(baseline, policy, Experiment.ConsecutiveSeeds(baseline.World.Seed, 4),
            new OutputSettings(new EngineChoice(EngineKind.Reference), folder, Plots: false, Parallel: 2));
        var outcome = await new ComparePipeline(new PipelineEvents(notes)).ExecuteAsync(settings, CancellationToken.None);
        return outcome.Headline[0]; // as findings.md has them
    }
}
