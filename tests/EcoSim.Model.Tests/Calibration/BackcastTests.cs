using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.Time;
using EcoSim.Model.World;
using EcoSim.Scenarios;
using Xunit.Abstractions;

namespace EcoSim.Model.Tests.Calibration;

/// <summary>
/// The 2016-2024 back-cast (docs/SCENARIOS.md, "The back-cast"): started from 2016 figures with the
/// model's mechanisms, it must follow Guangdong's observed R&amp;D path, and it must be built from the
/// baseline as the documentation says.
/// </summary>
public sealed class BackcastTests(BackcastRun run, ITestOutputHelper output) : IClassFixture<BackcastRun>
{
    /// <summary>
    /// Largest RMS percentage error of simulated total R&amp;D against the observed series, 2016-2024
    /// (eight observed years). The calibration reached 2.11% (docs/SCENARIOS.md); the threshold adds 1.4 points of margin
    /// for changes of the model that move the path a little.
    /// </summary>
    public const double RmsThreshold = 3.5;

    /// <summary>Factor on the baseline's R&amp;D intensities that makes the first year's total R&amp;D the observed 203.5 bn yuan (calibrated).</summary>
    public const double IntensityScale = 0.5196;

    /// <summary>
    /// Largest error of the certified count in 2016 and in 2023 against the observed high-tech enterprises (19,857 and
    /// 75,000): the aim set for the flow of certified firms (docs/SCENARIOS.md 8.7).
    /// </summary>
    public const double CertifiedThreshold = 0.15;

    /// <summary>Parameters the back-cast may set differently from the baseline: its calibrated and historical ones.</summary>
    public static readonly string[] BackcastParameters = ["publicBudget", "publicBudgetGrowth", "demandGrowth", "productivityPassThrough", "graduateRate", "superDeduction",
        "rdIntensitySizeElasticity", "baseEntryRate", "certificationApplicationRate", "initialCertifiedShare"];

    [Fact]
    public void The_simulated_RD_path_follows_the_observed_one()
    {
        string table = run.Table();
        output.WriteLine(table);
        double rms = run.RmsPercentageError();
        Assert.True(rms < RmsThreshold,
            $"the back-cast's total R&D misses the observed 2016-2024 series by {rms:0.00}% (RMS), more than the {RmsThreshold}% allowed:{Environment.NewLine}{table}");
    }

    [Fact]
    public void Every_observed_year_is_compared_and_none_is_far_off()
    {
        var errors = run.Errors();
        Assert.Equal([2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024], errors.Select(e => e.Year));
        Assert.True(errors.All(e => Math.Abs(e.Error) < 0.08), $"a year is more than 8% off:{Environment.NewLine}{run.Table()}");
        // 2016 is the anchor: the R&D intensities were scaled so that the first year matches it.
        Assert.True(Math.Abs(errors[0].Error) < 0.01, $"2016 should match its anchor within 1%:{Environment.NewLine}{run.Table()}");
    }

    [Fact]
    public void The_certified_count_grows_as_the_observed_high_tech_enterprises_did()
    {
        var observed = CalibrationData.Series("high_tech_enterprises");
        Assert.Equal([2016, 2023], observed.Keys.Order());
        foreach (var (year, count) in observed)
        {
            double simulated = run.Certified[year - run.FirstYear];
            Assert.True(Math.Abs(simulated / count - 1) <= CertifiedThreshold,
                $"certified firms at the end of {year}: {simulated:#,0}, observed high-tech enterprises {count:#,0} (more than {CertifiedThreshold:0%} off):{Environment.NewLine}{run.Table()}");
        }
        // The certified are a part of the innovating firms, not all of them.
        Assert.All(run.Certified.Zip(run.Firms), y => Assert.True(y.First < y.Second));
    }

    [Fact]
    public void Researchers_in_2023_are_near_the_observed_RD_personnel()
    {
        // The calibration kept only grid points within 10% of the 1.35 million R&D personnel of 2023.
        double observed = CalibrationData.Series("rd_personnel")[2023] * 1e6;
        double simulated = run.Researchers[2023 - run.FirstYear];
        Assert.True(Math.Abs(simulated / observed - 1) < 0.10, $"researchers at the end of 2023: {simulated:#,0}, observed R&D personnel {observed:#,0}");
    }

    [Fact]
    public void The_backcast_is_the_baseline_scaled_back_to_2016()
    {
        var baseline = ScenarioLoader.Load(TestWorlds.LibraryScenario("guangdong-baseline.yaml")).World;
        var world = run.Scenario.World;
        Assert.Equal(new Period(2016, 1), world.Start);
        Assert.Equal(new Period(2024, 4), world.PeriodOf(world.Ticks - 1));
        Assert.Equal(BackcastGrid.InnovatingFirms, world.Firms);
        Assert.True(world.Certification);
        Assert.Equal(baseline.Labs, world.Labs);
        Assert.Equal(baseline.Relatedness, world.Relatedness);

        // Revenues: pillar clusters scaled back from 2019 at an assumed 5%/yr, emerging clusters at the
        // 18.9%/yr of 1.5 trn (2019) to 3 trn (2023); intensities scaled by one factor for all clusters.
        double pillar = 1 / Math.Pow(1.05, 3), emerging = 0.5 / Math.Pow(2, 0.75);
        Assert.Equal(baseline.Clusters.Count, world.Clusters.Count);
        for (int c = 0; c < world.Clusters.Count; c++)
        {
            var (b, w) = (baseline.Clusters[c], world.Clusters[c]);
            Assert.Equal((b.Id, b.Name, b.Kind, b.Priority, b.HasPipeline), (w.Id, w.Name, w.Kind, w.Priority, w.HasPipeline));
            Assert.Equal(Math.Round(b.Revenue * (b.Kind == ClusterKind.Pillar ? pillar : emerging)), w.Revenue);
            Assert.Equal(Math.Round(b.RdIntensity * IntensityScale, 5), w.RdIntensity);
        }

        // Only the back-cast's own parameters differ from the baseline's.
        var changed = ParameterCatalog.All.Where(p => ParameterCatalog.Get(baseline.Parameters, p.Name) != ParameterCatalog.Get(world.Parameters, p.Name)).Select(p => p.Name);
        Assert.Subset(BackcastParameters.ToHashSet(), changed.ToHashSet());
        Assert.All(world.Timeline, change => Assert.Contains(change.Parameter, BackcastParameters));

        // The public budget, scaled back from the baseline's 2024 level at the back-cast's growth rate, hands over to it in 2024.
        double back = 1 / Math.Pow(1 + world.Parameters.PublicBudgetGrowth, 2024 - world.Start.Year);
        Assert.Equal(Math.Round(baseline.Parameters.PublicBudget * back, 1), world.Parameters.PublicBudget);
        double budget2024 = PolicyPhase.AnnualBudget(world, 2024 - world.Start.Year);
        Assert.True(Math.Abs(budget2024 / baseline.Parameters.PublicBudget - 1) < 0.005, $"public budget in 2024: {budget2024:0.00}, baseline {baseline.Parameters.PublicBudget}");
        // Fund capital scaled back like the public budget.
        for (int f = 0; f < world.Funds.Count; f++)
            Assert.Equal(baseline.Funds[f] with { Capital = Math.Round(baseline.Funds[f].Capital * back, 1) }, world.Funds[f]);
    }
}
