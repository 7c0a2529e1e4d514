using System.Globalization;

namespace EcoSim.Experiments.Calibration;

/// <summary>What a calibration found, in sentences: the fit, and which parameters the data identify and which not.</summary>
internal static class CalibrationWords
{
    /// <summary>The fit in one sentence, then one per parameter.</summary>
    public static IReadOnlyList<string> Headline(CalibrationSettings settings, CalibrationResult result) =>
        [Fit(settings, result), .. settings.Ranges.Select((r, i) => About(r.Parameter.Name, r.Parameter.Unit, result.Posterior[i], result.Best.Values[i]))];

    /// <summary>The best particle's fit and the last tolerance.</summary>
    public static string Fit(CalibrationSettings settings, CalibrationResult result) => string.Create(CultureInfo.InvariantCulture,
        $"The best particle misses the {settings.Target.Count} observations of {settings.TargetName} by {result.BestRmsPercent:0.00}% (RMS percentage error); the last generation's {result.Generations[^1].Particles.Count} particles all lie within {result.Generations[^1].Tolerance:0.00}%.");

    /// <summary>Whether the data identify one parameter, with its posterior interval against its prior.</summary>
    public static string About(string name, string unit, PosteriorSummary s, double best) => string.Create(CultureInfo.InvariantCulture,
        $"{name}: {(s.Identified ? "identified by the data" : "not identified by the data")}: the posterior's 90% interval, {s.Low:G4} to {s.High:G4} {unit} (median {s.Median:G4}, best particle {best:G4}), is {s.WidthShare:0%} as wide as the prior's") +
        (s.Identified ? "." : "; the observations hardly constrain it, so the calibrated value is one of many that fit as well.");
}
