using EcoSim.Model.Engine;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The budget columns of the metrics carry the scenario's figures exactly: a budget given as 100 reads
/// 100, and a constant basic share reads the same double in every row. They used to be sums of the
/// per-cluster amounts (99.99999999999727 for 100; shares from 0.19999999999998544 to 0.20000000000001222).
/// </summary>
public class BudgetMetricsTests
{
    [Fact]
    public void Region_budget_is_the_policy_level_and_the_basic_share_is_the_rules_share()
    {
        var spec = TestWorlds.Small(ticks: 12, timeline: [new ParameterChange("minBasicShare", 8, 8, 1.0 / 3, 1.0 / 3)]);
        var rows = new ReferenceEngine(spec).Run().ToList();
        for (int tick = 0; tick < rows.Count; tick++)
        {
            var region = rows[tick].Rows[^1];
            double share = tick >= 8 ? 1.0 / 3 : 0.2;
            Assert.Equal(PolicyPhase.AnnualBudget(spec, tick / WorldSpec.TicksPerYear), region[MetricColumns.PublicBudget]);
            Assert.All(rows[tick].Rows, row => Assert.Equal(share, row[MetricColumns.BasicShare]));
        }
        Assert.Equal(100, rows[0].Rows[^1][MetricColumns.PublicBudget]);
        Assert.Equal(20, rows[0].Rows[^1][MetricColumns.BudgetBasic]);
        Assert.Equal(106, rows[4].Rows[^1][MetricColumns.PublicBudget]);
        Assert.Equal(BudgetRules.LinkShares(spec.ParametersAt(0))[(int)Link.Applied] * 100, rows[0].Rows[^1][MetricColumns.BudgetApplied]);
    }
}
