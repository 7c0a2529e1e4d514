using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// The yearly certification review on hand-made firms: reviews only in a year's fourth quarter, a certificate
/// kept between reviews, renewed or lost when due, granted to eligible firms that apply, and R&amp;D raised to
/// qualify where the tax saving pays for it. The world starts in 2024Q1, so ticks 3, 7, 11, 15 are reviews.
/// </summary>
public class CertificationPhaseTests
{
    private static WorldSpec World(ModelParameters? p = null) =>
        TestWorlds.Small(ticks: 20, parameters: p ?? new ModelParameters { CertificationApplicationRate = 1, RevenuePerEmployee = 1 }) with { Certification = true };

    /// <summary>Signals under which a firm's R&amp;D share is its target intensity: start-year user cost, every researcher hired.</summary>
    private static ClusterSignals At(int tick) => new()
    {
        Tick = tick, Cluster = 0, Demand = 1000, WeightTotal = 1, MeanProductivity = 1, Frontier = 1, Firms = 1, Opportunity = 1,
        Generation = 0, AdopterShare = 0, FillRate = 1, Wage = 200, TransformationFunding = 0, RdUserCostRatio = 1,
    };

    /// <summary>A large firm (1 bn yuan/yr, 1,000 staff at 1 m yuan each) with R&amp;D share <paramref name="rdShare"/> and 150 researchers.</summary>
    private static FirmRecord Firm(double rdShare, int certifiedTick = FirmRecord.NotCertified, double researchers = 150) =>
        new(1, 1, 1.0, rdShare, 0.1, 0.3, researchers, 40, 0, true, certifiedTick);

    private static FirmShard Shard(params FirmRecord[] firms)
    {
        var shard = new FirmShard(0, 0, firms.Length);
        foreach (var firm in firms) shard.Append(firm);
        return shard;
    }

    [Fact]
    public void Reviews_happen_only_in_the_fourth_quarter()
    {
        var spec = World();
        Assert.Equal([3, 7, 11, 15, 19], Enumerable.Range(0, spec.Ticks).Where(t => CertificationPhase.IsReview(spec, t)));
        var shard = Shard(Firm(0.05));
        Assert.Equal(0, CertificationPhase.Review(shard, At(2), spec));
        Assert.Equal(FirmRecord.NotCertified, shard.CertifiedTick[0]);
        Assert.Equal(1, CertificationPhase.Review(shard, At(3), spec));
        Assert.Equal(3, shard.CertifiedTick[0]);
    }

    [Fact]
    public void An_eligible_firm_is_certified_when_it_applies_and_a_firm_below_a_threshold_is_not()
    {
        var spec = World();
        var shard = Shard(Firm(0.0301), Firm(0.0299), Firm(0.05, researchers: 99), Firm(0.05, researchers: 101));
        Assert.Equal(2, CertificationPhase.Review(shard, At(3), spec));
        Assert.Equal([3, FirmRecord.NotCertified, FirmRecord.NotCertified, 3], shard.CertifiedTick[..4]);
    }

    [Fact]
    public void Without_applications_no_eligible_firm_is_certified()
    {
        var spec = World(new ModelParameters { CertificationApplicationRate = 0, RevenuePerEmployee = 1 });
        var shard = Shard(Firm(0.05), Firm(0.08));
        Assert.Equal(0, CertificationPhase.Review(shard, At(3), spec));
    }

    [Fact]
    public void About_the_application_rate_of_eligible_firms_are_certified_in_a_year()
    {
        var spec = World(new ModelParameters { CertificationApplicationRate = 0.3, RevenuePerEmployee = 1 });
        var shard = Shard([.. Enumerable.Repeat(Firm(0.05), 4000)]);
        double share = CertificationPhase.Review(shard, At(3), spec) / 4000.0;
        Assert.InRange(share, 0.3 - 4 * 0.0073, 0.3 + 4 * 0.0073); // four binomial standard errors
    }

    [Fact]
    public void A_certificate_holds_between_reviews_even_below_the_thresholds_and_is_lost_when_due()
    {
        var spec = World();
        var shard = Shard(Firm(0.01, certifiedTick: 3));
        for (int tick = 4; tick < 15; tick++)
        {
            CertificationPhase.Review(shard, At(tick), spec);
            Assert.Equal(3, shard.CertifiedTick[0]);
        }
        Assert.Equal(0, CertificationPhase.Review(shard, At(15), spec)); // three years on: reviewed and lost
        Assert.Equal(FirmRecord.NotCertified, shard.CertifiedTick[0]);
    }

    [Fact]
    public void A_certificate_due_for_review_is_renewed_when_the_firm_still_qualifies()
    {
        var spec = World(new ModelParameters { CertificationApplicationRate = 0, RevenuePerEmployee = 1 }); // renewal needs no application
        var shard = Shard(Firm(0.05, certifiedTick: 3));
        Assert.Equal(1, CertificationPhase.Review(shard, At(15), spec));
        Assert.Equal(15, shard.CertifiedTick[0]);
    }

    [Fact]
    public void A_firm_just_below_a_threshold_raises_its_RD_to_qualify_at_the_next_review_when_it_pays()
    {
        var spec = World();
        var shard = Shard(Firm(0.028), Firm(0.01));
        Assert.Equal(0, CertificationPhase.Review(shard, At(3), spec));
        Assert.Equal(0.03 * (1 + CertificationPhase.RaiseMargin), shard.RdIntensity[0], 1e-15); // to the 3% of a large firm
        Assert.Equal(0.01, shard.RdIntensity[1]);                                                 // too far below: tripling R&D does not pay
        Assert.Equal(1, CertificationPhase.Review(shard, At(7), spec));
        Assert.Equal(7, shard.CertifiedTick[0]);
    }

    [Fact]
    public void With_the_preferential_rate_raised_to_the_standard_rate_no_firm_raises_its_RD()
    {
        var spec = World(new ModelParameters { CertificationApplicationRate = 1, RevenuePerEmployee = 1, CorporateTaxRate = 0.25 });
        var shard = Shard(Firm(0.028));
        CertificationPhase.Review(shard, At(3), spec);
        Assert.Equal(0.028, shard.RdIntensity[0]);
    }

    [Fact]
    public void Dead_firms_are_neither_reviewed_nor_counted()
    {
        var spec = World();
        var shard = Shard(Firm(0.05) with { Alive = false }, Firm(0.05, certifiedTick: 3) with { Alive = false });
        Assert.Equal(0, CertificationPhase.Review(shard, At(7), spec));
        Assert.Equal([FirmRecord.NotCertified, 3], shard.CertifiedTick[..2]);
    }

    [Fact]
    public void Initial_firms_that_meet_the_rules_start_certified_in_one_of_the_last_three_years()
    {
        var spec = TestWorlds.Small(firms: 3000, parameters: new() { RdIntensityDispersion = 1.2 }) with { Certification = true };
        var start = RegionStart.Of(spec, WorldConstants.Derive(spec));
        var ticks = start.Firms.SelectMany(f => f.CertifiedTick[..f.Count]).ToList();
        var held = ticks.Where(t => t != FirmRecord.NotCertified).ToList();
        Assert.True(held.Count > 100 && held.Count < ticks.Count, $"{held.Count} of {ticks.Count} certified at the start");
        Assert.Equal([-9, -5, -1], held.Distinct().Order());
        var none = TestWorlds.Small(firms: 3000, parameters: new() { RdIntensityDispersion = 1.2, InitialCertifiedShare = 0 }) with { Certification = true };
        Assert.All(RegionStart.Of(none, WorldConstants.Derive(none)).Firms, f => Assert.All(f.CertifiedTick[..f.Count], t => Assert.Equal(FirmRecord.NotCertified, t)));
    }

    [Fact]
    public void Certification_that_certifies_no_one_and_pays_no_one_leaves_the_run_unchanged()
    {
        var off = TestWorlds.Small(ticks: 8);
        var on = off with { Certification = true, Parameters = off.Parameters with { CertificationApplicationRate = 0, InitialCertifiedShare = 0, StandardTaxRate = 0.15 } };
        var a = new ReferenceEngine(off);
        var b = new ReferenceEngine(on);
        for (int t = 0; t < 8; t++)
        {
            var rowsA = a.Step().Rows;
            var rowsB = b.Step().Rows;
            for (int r = 0; r < rowsA.Count; r++)
                foreach (var column in MetricColumns.All.Where(c => c != MetricColumns.CertifiedFirms))
                    Assert.Equal(Bits.Of(column.Value(rowsA[r])), Bits.Of(column.Value(rowsB[r])));
        }
        Assert.All(Enumerable.Range(0, 3), c => Assert.All(a.FirmsOf(c).CertifiedTick[..a.FirmsOf(c).Count], t => Assert.Equal(FirmRecord.NotCertified, t)));
    }

    [Fact]
    public void The_certified_count_is_every_live_firm_without_the_section_and_the_live_certificate_holders_with_it()
    {
        var off = TestWorlds.Small(ticks: 8, parameters: new() { RdIntensityDispersion = 1.2 });
        foreach (var row in new ReferenceEngine(off).Run().SelectMany(t => t.Rows))
            Assert.Equal(MetricColumns.Firms.Value(row), MetricColumns.CertifiedFirms.Value(row));

        var on = off with { Certification = true };
        var engine = new ReferenceEngine(on);
        double seen = 0;
        foreach (var tick in engine.Run())
        {
            var region = tick.Rows[^1];
            double held = Enumerable.Range(0, 3).Sum(c => Enumerable.Range(0, engine.FirmsOf(c).Count)
                .Count(i => engine.FirmsOf(c).Alive[i] != 0 && engine.FirmsOf(c).CertifiedTick[i] != FirmRecord.NotCertified));
            Assert.Equal(held, MetricColumns.CertifiedFirms.Value(region));
            Assert.True(held < MetricColumns.Firms.Value(region));
            seen += held;
        }
        Assert.True(seen > 0);
    }

    [Fact]
    public void Intensity_falling_with_size_keeps_the_clusters_revenue_weighted_intensity()
    {
        var spec = TestWorlds.Small(firms: 60000, parameters: new() { RdIntensityDispersion = 0.3, RdIntensitySizeElasticity = 0.5, InitialSizeDispersion = 1.0, InitialSmallSizeDispersion = 1.0 });
        var start = RegionStart.Of(spec, WorldConstants.Derive(spec));
        for (int c = 0; c < 3; c++)
        {
            var f = start.Firms[c];
            double rd = 0, revenue = 0;
            for (int i = 0; i < f.Count; i++) { rd += f.RdIntensity[i] * f.Revenue[i]; revenue += f.Revenue[i]; }
            Assert.InRange(rd / revenue / spec.Clusters[c].RdIntensity, 0.97, 1.03);
            // the smallest tenth spends a larger share of revenue than the largest tenth
            var order = Enumerable.Range(0, f.Count).OrderBy(i => f.Revenue[i]).ToArray();
            int tenth = f.Count / 10;
            Assert.True(order.Take(tenth).Average(i => f.RdIntensity[i]) > 2 * order.TakeLast(tenth).Average(i => f.RdIntensity[i]));
        }
    }
}
