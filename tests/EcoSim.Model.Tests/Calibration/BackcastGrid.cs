using System.Globalization;
using System.Text;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Time;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Calibration;

/// <summary>One point of the back-cast's calibration grid.</summary>
/// <param name="BudgetGrowth">publicBudgetGrowth, 1/yr.</param>
/// <param name="DemandGrowth">demandGrowth, 1/yr.</param>
/// <param name="PassThrough">productivityPassThrough.</param>
/// <param name="GraduateRate">graduateRate, 1/yr.</param>
internal readonly record struct GridPoint(double BudgetGrowth, double DemandGrowth, double PassThrough, double GraduateRate)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"publicBudgetGrowth {BudgetGrowth:0.00}, demandGrowth {DemandGrowth:0.00}, productivityPassThrough {PassThrough:0.0}, graduateRate {GraduateRate:0.00}");
}

/// <summary>What one grid point gives: the intensity scale that anchors 2016, and the fit.</summary>
internal sealed record GridResult(GridPoint Point, double IntensityScale, double RmsPercent, double RmsPercentAfter2016, double Researchers2023, double[] TotalRd);

/// <summary>
/// The back-cast's calibration (docs/SCENARIOS.md, "The back-cast"), as code: how the 2016 world is
/// built from the baseline for given values of the calibrated parameters, and the grid search that
/// chose them. The library file scenarios/guangdong-backcast-2016.yaml is <see cref="Make"/> at the
/// chosen point written out (a test checks it).
/// </summary>
internal static class BackcastGrid
{
    /// <summary>The grid searched once, 4 x 9 x 4 x 5 = 720 points.</summary>
    public static readonly double[] BudgetGrowths = [0.04, 0.06, 0.08, 0.10];
    public static readonly double[] DemandGrowths = [0.08, 0.09, 0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16];
    public static readonly double[] PassThroughs = [0, 0.4, 0.8, 1.2];
    public static readonly double[] GraduateRates = [0.08, 0.12, 0.16, 0.20, 0.24];

    /// <summary>
    /// The point chosen. The grid's own choice was (0.06, 0.14, 0, 0.16) with the R&amp;D intensities' factor 0.5469; with the
    /// flow of certified firms (<see cref="Flow"/>) the fit moved to less demand growth, a few more graduates and the factor
    /// 0.5196 (docs/SCENARIOS.md 8.7), as R&amp;D-intensive small firms now carry part of the R&amp;D path's growth.
    /// </summary>
    public static readonly GridPoint Chosen = new(0.06, 0.065, 0, 0.17);

    /// <summary>Innovating firms at the start, of which the certification section certifies about 20,000 (docs/SCENARIOS.md 8.7).</summary>
    public const int InnovatingFirms = 100_000;

    /// <summary>The flow's calibrated parameters (docs/SCENARIOS.md 8.7), set with the certification section on.</summary>
    public static readonly (string Name, double Value)[] Flow =
        [("rdIntensitySizeElasticity", 0.5), ("baseEntryRate", 0.2), ("certificationApplicationRate", 0.3), ("initialCertifiedShare", 0.3)];

    /// <summary>Growth assumed for the pillar clusters' revenue from 2016 to 2019 (no 2016 figure found).</summary>
    public const double PillarGrowth = 0.05;

    /// <summary>Growth of the emerging clusters' revenue implied by 1.5 trn (2019) and 3 trn (2023): 2^(1/4) - 1.</summary>
    public static readonly double EmergingGrowth = Math.Pow(2, 0.25) - 1;

    /// <summary>The 2016-2024 world for a grid point and an intensity scale, built from the baseline.</summary>
    public static WorldSpec Make(WorldSpec baseline, GridPoint point, double intensityScale)
    {
        double back = 1 / Math.Pow(1 + point.BudgetGrowth, 8);          // 2024 -> 2016
        double pillar = 1 / Math.Pow(1 + PillarGrowth, 3);              // 2019 -> 2016
        double emerging = 0.5 / Math.Pow(1 + EmergingGrowth, 3);        // 2023 -> 2019 -> 2016
        var p = baseline.Parameters;
        p = ParameterCatalog.With(p, "publicBudget", Math.Round(baseline.Parameters.PublicBudget * back, 1));
        p = ParameterCatalog.With(p, "publicBudgetGrowth", point.BudgetGrowth);
        p = ParameterCatalog.With(p, "demandGrowth", point.DemandGrowth);
        p = ParameterCatalog.With(p, "productivityPassThrough", point.PassThrough);
        p = ParameterCatalog.With(p, "graduateRate", point.GraduateRate);
        p = ParameterCatalog.With(p, "superDeduction", 0.5);
        foreach (var (name, value) in Flow) p = ParameterCatalog.With(p, name, value);
        return baseline with
        {
            Certification = true,
            Start = new Period(2016, 1),
            Ticks = 36,
            Seed = 20160101,
            Firms = InnovatingFirms,
            Clusters = [.. baseline.Clusters.Select(c => c with
            {
                Revenue = Math.Round(c.Revenue * (c.Kind == ClusterKind.Pillar ? pillar : emerging)),
                RdIntensity = Math.Round(c.RdIntensity * intensityScale, 5),
            })],
            Funds = [.. baseline.Funds.Select(f => f with { Capital = Math.Round(f.Capital * back, 1) })],
            Parameters = p,
            Timeline = [new ParameterChange("superDeduction", 8, 8, 0.75, 0.75), new ParameterChange("superDeduction", 20, 20, 1.0, 1.0)],
        };
    }

    /// <summary>
    /// Fits one grid point: the intensity scale is set by two fixed-point steps from 0.55 so that the
    /// simulated 2016 total R&amp;D is the observed 203.5 bn yuan, then the run is compared with the
    /// observed series.
    /// </summary>
    public static GridResult Fit(WorldSpec baseline, GridPoint point, IReadOnlyDictionary<int, double> observed)
    {
        double k = 0.55;
        for (int step = 0; step < 2; step++)
        {
            var (total, firm, _) = Run(Make(baseline, point, k));
            k = Math.Round(k * (observed[2016] - (total[0] - firm[0])) / firm[0], 4);
        }
        var (rd, _, researchers) = Run(Make(baseline, point, k));
        var errors = observed.Where(o => o.Key is >= 2016 and <= 2024).Select(o => (o.Key, Error: rd[o.Key - 2016] / o.Value - 1)).ToList();
        double Rms(IEnumerable<double> e) { var list = e.ToList(); return 100 * Math.Sqrt(list.Sum(x => x * x) / list.Count); }
        return new GridResult(point, k, Rms(errors.Select(e => e.Error)), Rms(errors.Where(e => e.Key > 2016).Select(e => e.Error)), researchers[2023 - 2016], rd);
    }

    /// <summary>Annual means of the region's total_rd and firm_rd, and end-of-year researchers.</summary>
    public static (double[] TotalRd, double[] FirmRd, double[] Researchers) Run(WorldSpec world)
    {
        int years = world.Ticks / WorldSpec.TicksPerYear;
        var total = new double[years];
        var firm = new double[years];
        var researchers = new double[years];
        foreach (var tick in new ReferenceEngine(world).Run())
        {
            var region = tick.Rows[^1];
            int y = tick.Tick / WorldSpec.TicksPerYear;
            total[y] += region[MetricColumns.TotalRd] / WorldSpec.TicksPerYear;
            firm[y] += region[MetricColumns.FirmRd] / WorldSpec.TicksPerYear;
            researchers[y] = region[MetricColumns.Researchers];
        }
        return (total, firm, researchers);
    }

    /// <summary>Every point of the grid, fitted on <paramref name="parallelism"/> threads, best first.</summary>
    public static IReadOnlyList<GridResult> Search(WorldSpec baseline, IReadOnlyDictionary<int, double> observed, int parallelism)
    {
        var points = (from g in BudgetGrowths from d in DemandGrowths from t in PassThroughs from r in GraduateRates select new GridPoint(g, d, t, r)).ToList();
        var results = new GridResult[points.Count];
        Parallel.For(0, points.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i => results[i] = Fit(baseline, points[i], observed));
        return [.. results.OrderBy(r => r.RmsPercent)];
    }

    /// <summary>The grid's results as text, one point per line, best first.</summary>
    public static string Report(IReadOnlyList<GridResult> results)
    {
        var text = new StringBuilder();
        foreach (var r in results)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Point}, intensity scale {r.IntensityScale:0.0000}: RMSPE {r.RmsPercent:0.00}% (2017-2024 {r.RmsPercentAfter2016:0.00}%), researchers 2023 {r.Researchers2023:#,0}"));
        return text.ToString();
    }
}
