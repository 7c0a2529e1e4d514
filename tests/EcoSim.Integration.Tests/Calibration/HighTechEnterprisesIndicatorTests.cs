using EcoSim.Experiments.Calibration;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;

namespace EcoSim.Integration.Tests.Calibration;

/// <summary>
/// The back-cast's high_tech_enterprises indicator reads the certified count at the year's last quarter: every live
/// firm without a certification section, the certificate holders with one (docs/SCENARIOS.md 8.7).
/// </summary>
public sealed class HighTechEnterprisesIndicatorTests
{
    private static List<MetricsRow> RegionRows(EcoSim.Model.World.WorldSpec world) =>
        [.. new ReferenceEngine(world).Run().Select(t => t.Rows[^1])];

    [Fact]
    public void Without_certification_it_counts_the_live_firms_and_with_it_the_certified_ones_at_the_years_end()
    {
        var off = TestFiles.LoadSmall().World with { Ticks = 8 };
        var offRows = RegionRows(off);
        int year = off.Start.Year;
        Assert.Equal(MetricColumns.Firms.Value(offRows[3]), CalibrationIndicator.HighTechEnterprises.Value(offRows, off, year));

        var on = OrleansEngineTests.Certifying(off);
        var onRows = RegionRows(on);
        double certified = CalibrationIndicator.HighTechEnterprises.Value(onRows, on, year + 1);
        Assert.Equal(MetricColumns.CertifiedFirms.Value(onRows[7]), certified);
        Assert.InRange(certified, 1, MetricColumns.Firms.Value(onRows[7]) - 1);
    }
}
