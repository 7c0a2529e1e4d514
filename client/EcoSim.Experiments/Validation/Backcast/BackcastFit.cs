using EcoSim.Experiments.Calibration;
using EcoSim.Model.Metrics;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Validation.Backcast;

/// <summary>One year of one observed series against the back-cast.</summary>
/// <param name="Indicator">The series.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="Observed">The observed value, or NaN for a year without an observation.</param>
/// <param name="Simulated">The model's value, read as <see cref="CalibrationIndicator.Value"/> reads it.</param>
public sealed record BackcastYear(CalibrationIndicator Indicator, int Year, double Observed, double Simulated)
{
    /// <summary>The error in per cent, 100 (simulated / observed - 1), or NaN without an observation.</summary>
    public double ErrorPercent => 100 * (Simulated / Observed - 1);

    /// <summary>Whether the year has an observation.</summary>
    public bool IsObserved => double.IsFinite(Observed);
}

/// <summary>One observed series' fit and verdict.</summary>
/// <param name="Acceptance">Its limits and their source.</param>
/// <param name="Observations">How many years are observed.</param>
/// <param name="Rmspe">RMS percentage error over the observed years.</param>
/// <param name="WorstYear">The observed year with the largest absolute error.</param>
/// <param name="WorstError">That year's error in per cent.</param>
public sealed record BackcastSeries(BackcastAcceptance Acceptance, int Observations, double Rmspe, int WorstYear, double WorstError)
{
    /// <summary>Whether both the RMSPE and the worst year are within their limits.</summary>
    public bool Passed => Rmspe <= Acceptance.MaxRmspe && Math.Abs(WorstError) <= Acceptance.MaxYearError;

    /// <summary>The fit and the verdict in one sentence.</summary>
    public string Sentence => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Acceptance.Indicator.Name} ({Acceptance.Indicator.Reading}): RMSPE {Rmspe:0.00}% over {Observations} observed year{(Observations == 1 ? "" : "s")} (at most {Acceptance.MaxRmspe:0.##}% allowed), " +
        $"largest error {WorstError:+0.00;-0.00;0.00}% in {WorstYear} (at most {Acceptance.MaxYearError:0.##}% allowed): {(Passed ? "holds" : "fails")}.");
}

/// <summary>
/// The back-cast's fit year by year: every year of the horizon of every series the target observes
/// (the model's value in unobserved years too, so a plot shows its path), and each series' RMSPE and
/// worst year against <see cref="BackcastAcceptance"/>.
/// </summary>
/// <param name="Years">Series by series in the target's order of first appearance, then year by year.</param>
/// <param name="Series">Each series' fit, in the same order.</param>
public sealed record BackcastFit(IReadOnlyList<BackcastYear> Years, IReadOnlyList<BackcastSeries> Series)
{
    /// <summary>Whether every series holds.</summary>
    public bool Passed => Series.All(s => s.Passed);

    /// <summary>The fit of one run of <paramref name="world"/>, whose region rows (one per tick, in order) are <paramref name="region"/>, against <paramref name="target"/>.</summary>
    public static BackcastFit Of(IReadOnlyList<TargetPoint> target, IReadOnlyList<MetricsRow> region, WorldSpec world)
    {
        int first = world.Start.Year, last = world.PeriodOf(world.Ticks - 1).Year;
        var years = new List<BackcastYear>();
        var series = new List<BackcastSeries>();
        foreach (var indicator in target.Select(p => p.Indicator).Distinct())
        {
            var observed = target.Where(p => p.Indicator == indicator).ToDictionary(p => p.Year, p => p.Value);
            var rows = Enumerable.Range(first, last - first + 1)
                .Select(y => new BackcastYear(indicator, y, observed.GetValueOrDefault(y, double.NaN), indicator.Value(region, world, y))).ToList();
            years.AddRange(rows);
            var seen = rows.Where(r => r.IsObserved).ToList();
            var points = seen.Select(r => new TargetPoint(indicator, r.Year, r.Observed)).ToList();
            var worst = seen.MaxBy(r => Math.Abs(r.ErrorPercent))!;
            series.Add(new BackcastSeries(BackcastAcceptance.Of(indicator), seen.Count, CalibrationTarget.RmsPercentageError(points, [.. seen.Select(r => r.Simulated)]), worst.Year, worst.ErrorPercent));
        }
        return new BackcastFit(years, series);
    }
}
