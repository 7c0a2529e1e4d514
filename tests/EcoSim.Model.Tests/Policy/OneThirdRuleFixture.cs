using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.Policy;

/// <summary>
/// The Guangdong baseline and the one-third rule (scenarios/one-third-basic-research.yaml: at least a
/// third of public S&amp;T money to basic research from 2024Q4, tick 3), both run for 25 years (100 ticks,
/// 2024Q1 to 2048Q4) with the full firm population and the same seed, so that every entity draws the
/// same random numbers in both runs (common random numbers) and the difference is the policy's effect.
/// The full population is used because firm-level noise in productivity is what a reduced one would
/// inflate; the two runs take about ten seconds each in a Debug build and run side by side.
/// </summary>
public sealed class OneThirdRuleFixture
{
    /// <summary>Ticks of both runs: 25 years.</summary>
    public const int Ticks = 100;

    /// <summary>The tick from which the policy run's floor on the basic share holds (2024Q4).</summary>
    public const int PolicyTick = 3;

    public OneThirdRuleFixture()
    {
        Baseline = ScenarioLoader.Load(TestWorlds.LibraryScenario("guangdong-baseline.yaml")).World with { Ticks = Ticks };
        Policy = ScenarioLoader.Load(TestWorlds.LibraryScenario("one-third-basic-research.yaml")).World with { Ticks = Ticks };
        var baseline = Task.Run(() => RegionRows(Baseline));
        var policy = Task.Run(() => RegionRows(Policy));
        BaselineRows = baseline.GetAwaiter().GetResult();
        PolicyRows = policy.GetAwaiter().GetResult();
    }

    public WorldSpec Baseline { get; }
    public WorldSpec Policy { get; }

    /// <summary>The baseline's region row of every tick.</summary>
    public IReadOnlyList<MetricsRow> BaselineRows { get; }

    /// <summary>The policy run's region row of every tick.</summary>
    public IReadOnlyList<MetricsRow> PolicyRows { get; }

    private static List<MetricsRow> RegionRows(WorldSpec world) => [.. new ReferenceEngine(world).Run().Select(o => o.Rows[^1])];
}
