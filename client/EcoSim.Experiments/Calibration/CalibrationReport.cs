using System.Globalization;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;

namespace EcoSim.Experiments.Calibration;

/// <summary>
/// report.html of <c>ecosim calibrate</c>: the fit and which parameters the data identify, in words;
/// how the calibration ran (method, distance, tolerances); the fit plots; the scenario and the
/// reproduction facts.
/// </summary>
internal static class CalibrationReport
{
    /// <summary>Builds the report.</summary>
    public static HtmlReport Build(CalibrationSettings settings, CalibrationResult result, string calibratedPath, IReadOnlyList<string> plots, string outputFolder, OutputManifest manifest)
    {
        var scenario = settings.Scenario;
        var items = settings.Ranges.Select((r, i) => new FindingItem(r.Parameter.Name, CalibrationWords.About(r.Parameter.Name, r.Parameter.Unit, result.Posterior[i], result.Best.Values[i]))).ToList();
        var fitItems = result.Fit.Select(f => new FindingItem($"{f.Point.Indicator.Name} {f.Point.Year}", string.Create(CultureInfo.InvariantCulture,
            $"observed {f.Point.Value:G6} {f.Point.Indicator.Unit}; posterior median {f.Median:G6} (90% band {f.Low:G6} to {f.High:G6}); best particle {f.Best:G6} ({f.Best / f.Point.Value - 1:+0.00%;-0.00%})"))).ToList();
        string calibrated = Path.GetRelativePath(outputFolder, calibratedPath).Replace('\\', '/');
        return new HtmlReport($"{scenario.Name}: calibration to {settings.TargetName} over {string.Join(", ", settings.Ranges.Select(r => r.Parameter.Name))}", scenario.Description)
            .Add(new FindingsSection("What the data identify", CalibrationWords.Fit(settings, result), [Method(settings, result, manifest.Engine, calibrated)], [.. items, .. fitItems],
                "fit.csv has the fit year by year; parameters.csv each parameter's prior and posterior; posterior.csv the last generation's particles; generations.csv the tolerance schedule."))
            .Add(FiguresSection.Of("plots", "Fit plots", "For each indicator: the observed values (black points), the median of the last generation's particles with their weighted 90% band (shaded), and the best particle, whose values the calibrated scenario holds (orange line).", plots, outputFolder))
            .Add(new ScenarioTextSection([("", scenario)]))
            .Add(ReproductionFacts.Section(manifest));
    }

    private static string Method(CalibrationSettings settings, CalibrationResult result, string engine, string calibrated)
    {
        var world = settings.Scenario.World;
        var abc = settings.Abc;
        string indicators = string.Join("; ", settings.Target.Select(t => t.Indicator).Distinct().Select(i => $"{i.Name} as {i.Reading}"));
        string tolerances = string.Join(", ", result.Generations.Skip(1).Select(g => g.Tolerance.ToString("0.00", CultureInfo.InvariantCulture) + "%"));
        return $"ABC-SMC (Toni et al. 2009; adaptive kernel of Beaumont et al. 2009): {abc.Particles} particles drawn uniformly over the priors ({string.Join("; ", settings.Ranges.Select(r => $"{r.Parameter.Name} from {r.Low.ToString("G", CultureInfo.InvariantCulture)} to {r.High.ToString("G", CultureInfo.InvariantCulture)} {r.Parameter.Unit}"))}), " +
               $"then {abc.Generations} generation{(abc.Generations == 1 ? "" : "s")}, each accepting particles whose distance lies within the {abc.Quantile:0%} quantile of the previous generation's distances ({(tolerances.Length == 0 ? "none" : tolerances)}), " +
               $"proposed by perturbing a previous particle with a normal kernel of twice the population's variance and weighted by importance. The distance is the RMS percentage error over the target's observations ({indicators}). " +
               $"Every particle runs the same {settings.Seeds.Count} seed{(settings.Seeds.Count == 1 ? "" : "s")} ({settings.Seeds[0]} to {settings.Seeds[^1]}: common random numbers) and its series is their mean; its parameter values hold from the start, {world.Start}, to {world.PeriodOf(world.Ticks - 1)}; engine {engine}; calibration seed {abc.Seed}. " +
               $"A parameter counts as identified when its posterior 90% interval is under {PosteriorSummary.IdentifiedShare:0%} of its prior's. The calibrated scenario, {calibrated}, holds the best particle's values.";
    }
}
