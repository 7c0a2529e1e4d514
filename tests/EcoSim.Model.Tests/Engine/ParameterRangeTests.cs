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
    public static TheoryData<string, double> RangeEnds()
    {
        var data = new TheoryData<string, double>();
        foreach (var spec in ParameterCatalog.All)
            foreach (double value in new[] { spec.Min, spec.Max }.Distinct())
                data.Add(spec.Name, value);
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

    /// <summary>No basic knowledge at the start: opportunity is defined as 1 and the knowledge index as 0 (once NaN).</summary>
    [Theory]
    [InlineData("basicShare", 0)]
    [InlineData("publicBudget", 0)]
    [InlineData("knowledgeProductivity", 0)]
    public void Model_runs_with_no_basic_knowledge_at_the_start(string name, double value) => RunsAndStaysFinite(name, value);
}
