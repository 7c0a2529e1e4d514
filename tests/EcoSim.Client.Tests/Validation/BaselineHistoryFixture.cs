using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Validation;
using EcoSim.Scenarios;

namespace EcoSim.Client.Tests.Validation;

/// <summary>
/// One 20-year run (80 ticks, 2024Q1 to 2043Q4) of the Guangdong baseline with its full firm population
/// on the reference engine, recorded as the stylized facts need it. Shared by the tests of one class: the
/// run costs a few seconds, the checks almost nothing.
/// </summary>
public sealed class BaselineHistoryFixture
{
    public BaselineHistoryFixture()
    {
        var world = ScenarioLoader.Load(TestScenarios.LibraryPath("guangdong-baseline.yaml")).World;
        History = ValidationHistory.RecordAsync(new ReferenceSimulation(), world, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The recorded run.</summary>
    public ValidationHistory History { get; }
}

/// <summary>Histories altered to show that a check can fail.</summary>
internal static class AlteredHistories
{
    /// <summary>The same run as if every live firm had stayed on the first technology generation.</summary>
    public static ValidationHistory WithoutNewGenerations(this ValidationHistory history) =>
        new(history.World, history.Rows, [.. history.Vintages.Select(t => t.Select(c => new[] { c.Sum() }).ToArray())], history.Snapshots);
}
