using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Engine;

/// <summary>
/// Every parameter accepts any value in its documented [Min, Max] (scenario files are checked against
/// these ranges), so the model must run with each parameter at either end of its range.
/// </summary>
public class ParameterRangeTests
{
    /// <summary>Range ends that crash the engine today; each has a skipped test below naming the bug.</summary>
    private static readonly HashSet<(string, double)> KnownBugs =
    [
        ("publicBudget", 0), ("basicShare", 0), ("knowledgeProductivity", 0), // no basic knowledge at the start: 0/0 opportunity
        ("knowledgeDepreciation", 0),                                       // infinite steady-state stock
        ("stockElasticity", 0.95),                                          // steady-state stock above 2^80
    ];

    public static TheoryData<string, double> RangeEnds()
    {
        var data = new TheoryData<string, double>();
        foreach (var spec in ParameterCatalog.All)
            foreach (double value in new[] { spec.Min, spec.Max }.Distinct())
                if (!KnownBugs.Contains((spec.Name, value))) data.Add(spec.Name, value);
        return data;
    }

    private static void RunsAndStaysFinite(string name, double value)
    {
        var parameters = ParameterCatalog.With(new ModelParameters(), name, value);
        var spec = TestWorlds.Small(seed: 5, firms: 200, ticks: 4, parameters: parameters);
        foreach (var outcome in new ReferenceEngine(spec).Run())
            foreach (var row in outcome.Rows)
                foreach (var column in MetricColumns.All)
                    Assert.True(double.IsFinite(column.Value(row)), $"{name} = {value}: tick {row.Tick} {row.ClusterId} {column.Name} = {column.Value(row)}");
    }

    [Theory]
    [MemberData(nameof(RangeEnds))]
    public void Model_runs_with_a_parameter_at_either_end_of_its_range(string name, double value) => RunsAndStaysFinite(name, value);

    [Fact]
    public void Known_bug_list_names_real_range_ends()
    {
        foreach (var (name, value) in KnownBugs)
        {
            Assert.True(ParameterCatalog.TryGet(name, out var spec), name);
            Assert.True(value == spec.Min || value == spec.Max, $"{name} = {value} is not an end of [{spec.Min}, {spec.Max}]");
        }
    }

    [Theory(Skip = "bug: with no basic knowledge at the start (basic budget 0) OpportunityBase is 0, so ClusterPhase.Gather computes opportunity 0/0 = NaN and the first innovation makes productivity NaN")]
    [InlineData("basicShare", 0)]
    [InlineData("publicBudget", 0)]
    [InlineData("knowledgeProductivity", 0)]
    public void Model_runs_with_no_basic_knowledge_at_the_start(string name, double value) => RunsAndStaysFinite(name, value);

    [Fact(Skip = "bug: knowledgeDepreciation = 0 is allowed but KnowledgeRules.SteadyStock divides by it, so initial lab stocks are infinite and ExactSum throws")]
    public void Model_runs_without_knowledge_depreciation() => RunsAndStaysFinite("knowledgeDepreciation", 0);

    [Fact(Skip = "bug: stockElasticity up to 0.95 is allowed but the steady-state stock (.. )^(1/(1-phi)) exceeds ExactSum's 2^80 limit from phi = 0.88 (baseline)")]
    public void Model_runs_with_the_largest_stock_elasticity() => RunsAndStaysFinite("stockElasticity", 0.95);
}
