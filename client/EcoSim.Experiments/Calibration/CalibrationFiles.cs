using System.Globalization;
using System.Text;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Sensitivity;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Calibration;

/// <summary>
/// The files of a calibration: fit.csv (each observation beside the posterior's median, 90% band and
/// the best particle), posterior.csv (the last generation's particles with weights and distances),
/// parameters.csv (each parameter's posterior against its prior), generations.csv (the tolerance
/// schedule) and the calibrated scenario. Numbers are written so that they read back exactly and rows
/// follow target, proposal or calibration order, so the same calibration writes the same bytes.
/// </summary>
internal static class CalibrationFiles
{
    /// <summary>The fit file's name.</summary>
    public const string FitFileName = "fit.csv";
    /// <summary>The posterior sample's file name.</summary>
    public const string PosteriorFileName = "posterior.csv";
    /// <summary>The parameter summary's file name.</summary>
    public const string ParametersFileName = "parameters.csv";
    /// <summary>The generations' file name.</summary>
    public const string GenerationsFileName = "generations.csv";
    /// <summary>The folder of the calibrated scenario and copies of the files it extends.</summary>
    public const string ScenarioFolder = "calibrated";

    /// <summary>Writes fit.csv.</summary>
    public static void WriteFit(string path, CalibrationResult result)
    {
        var text = new StringBuilder("indicator,unit,year,observed,posterior_median,p05,p95,best,best_error\n");
        foreach (var f in result.Fit)
            text.Append(f.Point.Indicator.Name).Append(',').Append(f.Point.Indicator.Unit).Append(',').Append(f.Point.Year.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(N(f.Point.Value)).Append(',').Append(N(f.Median)).Append(',').Append(N(f.Low)).Append(',').Append(N(f.High)).Append(',')
                .Append(N(f.Best)).Append(',').Append(N(f.Best / f.Point.Value - 1)).Append('\n');
        Write(path, text);
    }

    /// <summary>Writes posterior.csv: the last generation, one particle a row in proposal order.</summary>
    public static void WritePosterior(string path, IReadOnlyList<SensitivityRange> ranges, CalibrationResult result)
    {
        var text = new StringBuilder("particle,weight,rmspe_percent,").AppendJoin(',', ranges.Select(r => r.Parameter.Name)).Append('\n');
        var last = result.Generations[^1].Particles;
        for (int i = 0; i < last.Count; i++)
            text.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(N(last[i].Weight)).Append(',').Append(N(last[i].Distance)).Append(',')
                .AppendJoin(',', last[i].Values.Select(N)).Append('\n');
        Write(path, text);
    }

    /// <summary>Writes parameters.csv: prior range, posterior median and 90% interval, its width as a share of the prior's, whether identified, the best particle's value.</summary>
    public static void WriteParameters(string path, IReadOnlyList<SensitivityRange> ranges, CalibrationResult result)
    {
        var text = new StringBuilder("parameter,unit,prior_low,prior_high,posterior_median,p05,p95,width_share,identified,best\n");
        for (int i = 0; i < ranges.Count; i++)
        {
            var s = result.Posterior[i];
            text.Append(ranges[i].Parameter.Name).Append(',').Append(CsvField.Of(ranges[i].Parameter.Unit)).Append(',').Append(N(s.PriorLow)).Append(',').Append(N(s.PriorHigh)).Append(',')
                .Append(N(s.Median)).Append(',').Append(N(s.Low)).Append(',').Append(N(s.High)).Append(',').Append(N(s.WidthShare)).Append(',')
                .Append(s.Identified ? "yes" : "no").Append(',').Append(N(result.Best.Values[i])).Append('\n');
        }
        Write(path, text);
    }

    /// <summary>Writes generations.csv: tolerance, proposals simulated, acceptance rate and effective sample size of each generation.</summary>
    public static void WriteGenerations(string path, CalibrationResult result)
    {
        var text = new StringBuilder("generation,tolerance_rmspe_percent,proposals,acceptance_rate,effective_sample_size,best_rmspe_percent\n");
        foreach (var g in result.Generations)
            text.Append(g.Index.ToString(CultureInfo.InvariantCulture)).Append(',').Append(double.IsInfinity(g.Tolerance) ? "" : N(g.Tolerance)).Append(',')
                .Append(g.Proposals.ToString(CultureInfo.InvariantCulture)).Append(',').Append(N(g.AcceptanceRate)).Append(',').Append(N(g.EffectiveSampleSize)).Append(',')
                .Append(N(g.Particles.Min(p => p.Distance))).Append('\n');
        Write(path, text);
    }

    /// <summary>
    /// Writes the calibrated scenario into <paramref name="folder"/>: a file that extends a copy of the
    /// scenario (and copies of what it extends, side by side: <see cref="FlatScenarioChain"/>) and sets each calibrated parameter to the
    /// best particle's value, the posterior's median and interval in a comment. Returns its path.
    /// </summary>
    public static string WriteCalibratedScenario(string folder, Scenario scenario, IReadOnlyList<SensitivityRange> ranges, CalibrationResult result)
    {
        string name = CalibratedName(scenario.Name);
        var chain = FlatScenarioChain.WriteTo(folder, scenario, name + ".yaml");
        var text = new StringBuilder()
            .Append("# Written by ecosim calibrate: ").Append(scenario.Name).Append(" with the calibrated parameters at the best particle of the last\n")
            .Append("# ABC-SMC generation (the one nearest the target, RMS percentage error ").Append(result.BestRmsPercent.ToString("0.00", CultureInfo.InvariantCulture)).Append("%);\n")
            .Append("# each comment gives the posterior median and 90% interval (docs/CALIBRATION.md).\n")
            .Append("name: ").Append(name).Append('\n')
            .Append("description: >\n  ").Append(scenario.Name).Append(", calibrated (ecosim calibrate; see parameters.csv and report.html beside this folder).\n")
            .Append("extends: ").Append(chain[0].Path).Append('\n')
            .Append("parameters:\n");
        for (int i = 0; i < ranges.Count; i++)
        {
            var s = result.Posterior[i];
            text.Append("  ").Append(ranges[i].Parameter.Name).Append(": ").Append(N(result.Best.Values[i]))
                .Append(string.Create(CultureInfo.InvariantCulture, $"   # calibrated: posterior median {s.Median:G4}, 90% interval {s.Low:G4} to {s.High:G4} of the prior's {s.PriorLow:G4} to {s.PriorHigh:G4}")).Append('\n');
        }
        string path = Path.Combine(folder, name + ".yaml");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    /// <summary>The calibrated scenario's name: the scenario's with "-calibrated", cut to a valid name.</summary>
    public static string CalibratedName(string name)
    {
        string full = name + "-calibrated";
        return full.Length <= ScenarioName.MaxLength ? full : full[^ScenarioName.MaxLength..].TrimStart('.');
    }

    private static void Write(string path, StringBuilder text) => File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));

    private static string N(double value) => SensitivityRange.Number(value);

}
