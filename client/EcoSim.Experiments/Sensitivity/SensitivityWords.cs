using System.Globalization;
using EcoSim.Experiments.Report;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// What a sensitivity analysis found, in sentences with its numbers: per output, which parameter it
/// depends on most and how much, the next ones, and which matter little. The same sentences go to the
/// report and to the command's headline.
/// </summary>
internal static class SensitivityWords
{
    /// <summary>A total index below this says a parameter barely matters over its range.</summary>
    public const double Negligible = 0.05;

    /// <summary>The sentence about one output.</summary>
    public static string About(SensitivityDesign design, SensitivityResult result)
    {
        var ranked = result.Ranked(design.RankingIndex);
        string what = result.Title;
        if (!(result.Variance > 0)) return $"{what} does not vary over the design: no parameter moves it within its range.";
        return design.Method == SensitivityMethod.Sobol ? Sobol(what, result, ranked) : Morris(what, result, ranked);
    }

    private static string Sobol(string what, SensitivityResult result, IReadOnlyList<SensitivityIndex> ranked)
    {
        var top = ranked[0];
        var first = result.Of(top.Parameter, "S1");
        string sentence = $"{what} depends mostly on {top.Parameter}: {Share(top)} of its variance over the design comes from it alone or with others " +
                          $"(total index {Banded(top)}; first-order {Banded(first)})";
        var next = ranked.Skip(1).Where(i => i.Estimate >= Negligible).Take(2).ToList();
        if (next.Count > 0) sentence += $", then on {string.Join(" and ", next.Select(i => $"{i.Parameter} ({Banded(i)})"))}";
        sentence += ".";
        var little = ranked.Where(i => i.Estimate < Negligible).Select(i => i.Parameter).ToList();
        if (little.Count > 0) sentence += $" {Join(little)} matter{(little.Count == 1 ? "s" : "")} little (total index below {Negligible.ToString(CultureInfo.InvariantCulture)}).";
        double interactions = ranked.Sum(i => i.Estimate) - result.Indices.Where(i => i.Name == "S1").Sum(i => i.Estimate);
        if (interactions > 0.1) sentence += $" The total indices exceed the first-order ones by {HtmlReport.Number(interactions)} in sum: the parameters act partly through interactions.";
        return sentence;
    }

    private static string Morris(string what, SensitivityResult result, IReadOnlyList<SensitivityIndex> ranked)
    {
        string unit = result.Output.Unit;
        var top = ranked[0];
        var mu = result.Of(top.Parameter, "mu");
        var sigma = result.Of(top.Parameter, "sigma");
        string sentence = $"{what} is most sensitive to {top.Parameter}: moving it across its range changes the output by {HtmlReport.Number(top.Estimate)} {unit} on average in absolute value " +
                          $"(mu*, 90% interval {HtmlReport.Number(top.Band!.Value.Low)} to {HtmlReport.Number(top.Band!.Value.High)}; mean effect {HtmlReport.Number(mu.Estimate)}, so it mostly {(mu.Estimate >= 0 ? "raises" : "lowers")} the output; spread sigma {HtmlReport.Number(sigma.Estimate)})";
        var next = ranked.Skip(1).Where(i => i.Estimate >= Negligible * top.Estimate).Take(2).ToList();
        if (next.Count > 0) sentence += $", then to {string.Join(" and ", next.Select(i => $"{i.Parameter} (mu* {Banded(i)})"))}";
        sentence += ".";
        var little = ranked.Where(i => i.Estimate < Negligible * top.Estimate).Select(i => i.Parameter).ToList();
        if (little.Count > 0) sentence += $" {Join(little)} matter{(little.Count == 1 ? "s" : "")} little (mu* below 5% of the largest).";
        return sentence;
    }

    private static string Share(SensitivityIndex index) => $"{Math.Round(100 * Math.Clamp(index.Estimate, 0, 1)).ToString(CultureInfo.InvariantCulture)}%";

    private static string Banded(SensitivityIndex index) => index.Band is { } band
        ? $"{HtmlReport.Number(index.Estimate)}, 90% interval {HtmlReport.Number(band.Low)} to {HtmlReport.Number(band.High)}"
        : HtmlReport.Number(index.Estimate);

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}
