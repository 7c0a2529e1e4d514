using EcoSim.Experiments.Pipelines;

namespace EcoSim.Client.Cli;

/// <summary>What the command line prints when a pipeline is done: the folder it wrote, with the files of its kind, and the outcome's headline.</summary>
internal static class OutcomeText
{
    /// <summary>The lines printed for <paramref name="outcome"/>.</summary>
    public static IEnumerable<string> Lines(OutputOutcome outcome) => outcome switch
    {
        RunOutcome run => [Wrote(run, $"metrics.csv, metrics.parquet, {(run.FirmPanel ? "firms.parquet, " : "")}report.html, manifest.json{(run.Plots ? ", plots/" : "")}"), .. run.Headline],
        EnsembleOutcome ensemble => [Wrote(ensemble, $"summary.csv, runs/, {(ensemble.Plots ? "plots/, " : "")}report.html, manifest.json"), .. ensemble.Headline],
        ComparisonOutcome comparison => [.. comparison.Headline, Wrote(comparison, "findings.md, report.html, summary.csv, runs/, plots/, manifest.json")],
        SweepOutcome sweep => [Wrote(sweep, $"sweep.csv, runs/, {(sweep.Plots ? "plots/, " : "")}report.html, manifest.json"), .. sweep.Headline],
        Experiments.Sensitivity.SensitivityOutcome sensitivity => [Wrote(sensitivity, $"indices.csv, design.csv, {(sensitivity.Plots ? "plots/, " : "")}report.html, manifest.json"), .. sensitivity.Headline],
        Experiments.Calibration.CalibrationOutcome calibration => [Wrote(calibration, $"fit.csv, posterior.csv, parameters.csv, generations.csv, calibrated/, {(calibration.Plots ? "plots/, " : "")}report.html, manifest.json"), .. calibration.Headline],
        Experiments.Validation.CheckModelOutcome check => [Wrote(check, $"facts.csv, {(check.Backcast ? "backcast.csv, backcast-fit.csv, " : "")}screen-indices.csv, screen-design.csv, {(check.Plots ? "plots/, " : "")}report.html, manifest.json"), .. check.Headline],
        _ => throw new ArgumentException($"no text for a {outcome.GetType().Name}", nameof(outcome)),
    };

    private static string Wrote(OutputOutcome outcome, string files) => $"wrote {outcome.Folder}{Path.DirectorySeparatorChar} ({files})";
}
