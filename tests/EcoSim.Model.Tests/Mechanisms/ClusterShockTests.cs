using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Mechanisms;

/// <summary>One-off cluster events change only their cluster (or the funds), only from their date, and in the expected direction.</summary>
public class ClusterShockTests
{
    private static List<IReadOnlyList<MetricsRow>> Run(params ClusterShock[] shocks) =>
        [.. new ReferenceEngine(TestWorlds.Small(ticks: 8) with { Shocks = shocks }).Run().Select(o => o.Rows)];

    private static readonly List<IReadOnlyList<MetricsRow>> Baseline = Run();

    private static void IdenticalBefore(List<IReadOnlyList<MetricsRow>> run, int tick)
    {
        for (int t = 0; t < tick; t++) Assert.Equal(Baseline[t], run[t]);
    }

    [Fact]
    public void A_demand_shock_cuts_its_clusters_output_while_it_lasts()
    {
        var run = Run(new ClusterShock(ShockKind.Demand, 1, 3, 6, -0.3));
        IdenticalBefore(run, 3);
        Assert.True(run[4][1][MetricColumns.ValueAdded] < 0.8 * Baseline[4][1][MetricColumns.ValueAdded], $"{run[4][1][MetricColumns.ValueAdded]} vs {Baseline[4][1][MetricColumns.ValueAdded]}");
        Assert.Equal(Baseline[3][0][MetricColumns.ValueAdded], run[3][0][MetricColumns.ValueAdded]);   // another cluster, same tick: untouched
    }

    [Fact]
    public void An_rd_subsidy_raises_its_clusters_firm_rd()
    {
        var run = Run(new ClusterShock(ShockKind.RdSubsidy, 2, 2, 8, 1.0));
        IdenticalBefore(run, 2);
        Assert.True(run[2][2][MetricColumns.FirmRd] > Baseline[2][2][MetricColumns.FirmRd]);
        Assert.Equal(Baseline[2][0][MetricColumns.FirmRd], run[2][0][MetricColumns.FirmRd]);
    }

    [Fact]
    public void A_talent_programme_adds_its_recruits_to_the_clusters_pool()
    {
        var run = Run(new ClusterShock(ShockKind.TalentProgramme, 0, 2, 8, 4000));
        IdenticalBefore(run, 2);
        // 4,000 researchers a year: 1,000 more in the first quarter of the programme.
        Assert.Equal(Baseline[2][0][MetricColumns.Researchers] + 1000, run[2][0][MetricColumns.Researchers], 1e-6);
    }

    [Fact]
    public void A_guidance_fund_injection_raises_venture_investment_from_its_date()
    {
        var run = Run(new ClusterShock(ShockKind.GuidanceInjection, 0, 3, 4, 50));
        IdenticalBefore(run, 3);
        Assert.True(run[3][^1][MetricColumns.VentureInvestment] > Baseline[3][^1][MetricColumns.VentureInvestment]);
    }
}
