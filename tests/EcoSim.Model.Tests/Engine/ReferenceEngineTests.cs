using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.Engine;

public class ReferenceEngineTests
{
    private static List<TickOutcome> Run(WorldSpec spec) => [.. new ReferenceEngine(spec).Run()];

    [Fact]
    public void Two_runs_with_the_same_seed_are_identical_bit_for_bit()
    {
        var spec = TestWorlds.Small(seed: 7, ticks: 16);
        var first = new ReferenceEngine(spec);
        var second = new ReferenceEngine(spec);
        var a = first.Run().ToList();
        var b = second.Run().ToList();
        Assert.Equal(spec.Ticks, a.Count);
        Assert.Equal(a.Count, b.Count);
        for (int t = 0; t < a.Count; t++)
        {
            Assert.Equal(t, a[t].Tick);
            Assert.Equal(spec.ClusterCount + 1, a[t].Rows.Count);
            for (int r = 0; r < a[t].Rows.Count; r++) Bits.Identical(a[t].Rows[r], b[t].Rows[r]);
        }
        // The firms themselves, not only their aggregates.
        for (int c = 0; c < spec.ClusterCount; c++)
        {
            var x = first.FirmsOf(c);
            var y = second.FirmsOf(c);
            Assert.Equal(x.Count, y.Count);
            for (int i = 0; i < x.Count; i++) Assert.Equal(x.Read(i), y.Read(i));
        }
    }

    [Fact]
    public void A_different_seed_changes_every_tick()
    {
        var a = Run(TestWorlds.Small(seed: 7, ticks: 8));
        var b = Run(TestWorlds.Small(seed: 8, ticks: 8));
        for (int t = 0; t < a.Count; t++)
            Assert.True(Bits.Differ(a[t].Rows[^1], b[t].Rows[^1]), $"tick {t}: region rows equal under two seeds");
    }

    [Fact]
    public void Common_random_numbers_a_policy_change_at_tick_4_leaves_ticks_0_to_3_identical()
    {
        var baseline = TestWorlds.Small(seed: 11, ticks: 12);
        var policy = baseline with { Timeline = [new ParameterChange("minBasicShare", 4, 4, 1.0 / 3, 1.0 / 3)] };
        var a = Run(baseline);
        var b = Run(policy);
        for (int t = 0; t < a.Count; t++)
            for (int r = 0; r < a[t].Rows.Count; r++)
            {
                if (t < 4) Bits.Identical(a[t].Rows[r], b[t].Rows[r]);
                else Assert.True(Bits.Differ(a[t].Rows[r], b[t].Rows[r]), $"tick {t} row {a[t].Rows[r].ClusterId}: the policy changed nothing");
            }
        Assert.Equal(0.2, a[4].Rows[^1][MetricColumns.BasicShare], 1e-12);
        Assert.Equal(1.0 / 3, b[4].Rows[^1][MetricColumns.BasicShare], 1e-12);
    }

    [Fact]
    public void Common_random_numbers_on_the_library_scenarios()
    {
        // guangdong-baseline vs one-third-basic-research (a floor of 0.3333 from 2024Q4 = tick 3), shrunk.
        var baseline = ScenarioLoader.Load(TestWorlds.LibraryScenario("guangdong-baseline.yaml")).World with { Firms = 2000, Ticks = 8 };
        var oneThird = ScenarioLoader.Load(TestWorlds.LibraryScenario("one-third-basic-research.yaml")).World with { Firms = 2000, Ticks = 8 };
        var a = Run(baseline);
        var b = Run(oneThird);
        for (int t = 0; t < 8; t++)
            for (int r = 0; r < a[t].Rows.Count; r++)
            {
                if (t < 3) Bits.Identical(a[t].Rows[r], b[t].Rows[r]);
                else Assert.True(Bits.Differ(a[t].Rows[r], b[t].Rows[r]), $"tick {t} row {a[t].Rows[r].ClusterId}");
            }
        Assert.Equal(0.3333, b[3].Rows[^1][MetricColumns.BasicShare], 1e-12);
    }

    [Fact]
    public void Forty_ticks_stay_finite_and_keep_the_invariants()
    {
        var spec = TestWorlds.Small(seed: 3, firms: 400, ticks: 40);
        var constants = WorldConstants.Derive(spec);
        var outcomes = Run(spec);
        AssertInvariants(spec, constants, outcomes);
    }

    [Fact]
    public void Forty_ticks_of_the_shrunk_baseline_stay_finite_and_keep_the_invariants()
    {
        var spec = ScenarioLoader.Load(TestWorlds.LibraryScenario("guangdong-baseline.yaml")).World with { Firms = 2000, Ticks = 40 };
        AssertInvariants(spec, WorldConstants.Derive(spec), Run(spec));
    }

    private static void AssertInvariants(WorldSpec spec, WorldConstants constants, List<TickOutcome> outcomes)
    {
        Assert.Equal(spec.Ticks, outcomes.Count);
        var firms = constants.FirmsPerCluster.Select(f => (double)f).ToArray();
        long generationEvents = 0;
        foreach (var outcome in outcomes)
        {
            Assert.Equal(spec.ClusterCount + 1, outcome.Rows.Count);
            foreach (var row in outcome.Rows)
            {
                string where = $"tick {row.Tick} {row.ClusterId}";
                foreach (var column in MetricColumns.All)
                    Assert.True(double.IsFinite(column.Value(row)), $"{where}: {column.Name} = {column.Value(row)}");
                Assert.True(row[MetricColumns.Firms] >= 0, $"{where}: firms {row[MetricColumns.Firms]}");
                Assert.InRange(row[MetricColumns.BasicShare], 0, 1);
                Assert.InRange(row[MetricColumns.AdoptionShare], 0, 1);
                Assert.True(row[MetricColumns.Researchers] >= 0, $"{where}: researchers {row[MetricColumns.Researchers]}");
                Assert.True(row[MetricColumns.Wage] > 0, $"{where}: wage {row[MetricColumns.Wage]}");
                foreach (double budget in new[] { row[MetricColumns.PublicBudget], row[MetricColumns.BudgetBasic], row[MetricColumns.BudgetApplied], row[MetricColumns.BudgetTransformation], row[MetricColumns.BudgetFinance], row[MetricColumns.BudgetTalent] })
                    Assert.True(budget >= 0, $"{where}: a budget is {budget}");
                Assert.True(row[MetricColumns.Births] >= 0 && row[MetricColumns.Deaths] >= 0 && row[MetricColumns.Breakthroughs] >= 0 && row[MetricColumns.SpinOffs] >= 0 && row[MetricColumns.VentureInvestment] >= 0, where);
                Assert.Equal(row[MetricColumns.PublicBudget], row[MetricColumns.BudgetBasic] + row[MetricColumns.BudgetApplied] + row[MetricColumns.BudgetTransformation] + row[MetricColumns.BudgetFinance] + row[MetricColumns.BudgetTalent], row[MetricColumns.PublicBudget] * 1e-12);
            }
            var clusters = outcome.Rows.Take(spec.ClusterCount).ToArray();
            var region = outcome.Rows[^1];
            Assert.Equal(MetricsRow.RegionIndex, region.Cluster);
            // Firms are conserved: last tick's firms - deaths + births, cluster by cluster; the region is their total.
            for (int c = 0; c < clusters.Length; c++)
            {
                Assert.Equal(c, clusters[c].Cluster);
                Assert.Equal(firms[c] - clusters[c][MetricColumns.Deaths] + clusters[c][MetricColumns.Births], clusters[c][MetricColumns.Firms]);
                firms[c] = clusters[c][MetricColumns.Firms];
            }
            Assert.Equal(clusters.Sum(r => r[MetricColumns.Firms]), region[MetricColumns.Firms]);
            Assert.Equal(clusters.Sum(r => r[MetricColumns.PublicBudget]), region[MetricColumns.PublicBudget], region[MetricColumns.PublicBudget] * 1e-12);
            Assert.Equal(clusters.Sum(r => r[MetricColumns.Researchers]), region[MetricColumns.Researchers], region[MetricColumns.Researchers] * 1e-12);
            generationEvents += (long)clusters.Sum(r => r[MetricColumns.Adoptions]);
        }
        Assert.True(generationEvents > 0, "no adoption in the whole run: the invariants were checked on a degenerate run");
    }
}
