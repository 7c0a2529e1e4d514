using System.Globalization;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// report.html of <c>ecosim sensitivity</c>: per output, what it depends on in words with the indices
/// and their intervals, how the design was made and what the intervals cover, the tornado plots, the
/// scenario, its parameters and the reproduction facts.
/// </summary>
internal static class SensitivityReport
{
    /// <summary>Builds the report.</summary>
    public static HtmlReport Build(Scenario scenario, Scenario? policyScenario, SensitivityDesign design, IReadOnlyList<SensitivityResult> results, IReadOnlyList<string> plots, string outputFolder, OutputManifest manifest)
    {
        var payload = manifest.PayloadOf<SensitivityPayload>();
        var items = results.Select(r => new FindingItem(r.Title, SensitivityWords.About(design, r))).ToList();
        string subject = payload.Policy is { } policy ? $"the effect of {policy.Name} against {scenario.Name}" : scenario.Name;
        return new HtmlReport($"{subject}: {(design.Method == SensitivityMethod.Sobol ? "Sobol" : "Morris")} sensitivity over {string.Join(", ", design.Ranges.Select(r => r.Parameter.Name))}", scenario.Description)
            .Add(new FindingsSection("What the outputs depend on", "", [Design(scenario, design, payload, manifest.Engine)], items,
                "indices.csv has every index with its interval; design.csv every design point's parameter values and outputs."))
            .Add(FiguresSection.Of("plots", "Tornado plots", design.Method == SensitivityMethod.Sobol
                ? "For each output: the total Sobol index of each parameter (light bar), its first-order index (dark bar) and the 90% bootstrap interval of the total index (whisker), the most important parameter at the top."
                : "For each output: Morris's mu* of each parameter (the mean absolute effect of moving it across its range) with its 90% bootstrap interval, the most important at the top.", plots, outputFolder))
            .Add(new ScenarioTextSection(policyScenario is null ? [("", scenario)] : [("baseline", scenario), ("policy", policyScenario)]))
            .Add(new ParameterTableSection(ParameterValuesTable.For(policyScenario is null ? [scenario] : [scenario, policyScenario])))
            .Add(ReproductionFacts.Section(manifest));
    }

    private static string Design(Scenario scenario, SensitivityDesign design, SensitivityPayload payload, string engine)
    {
        var world = scenario.World;
        var seeds = payload.Seeds;
        string ranges = string.Join("; ", design.Ranges.Select(r => $"{r.Parameter.Name} from {SensitivityRange.Number(r.Low)} to {SensitivityRange.Number(r.High)} {r.Parameter.Unit}{SensitivityRange.BasisWords(r)}"));
        string how = design.Method == SensitivityMethod.Sobol
            ? $"A Saltelli design of base sample N = {design.Size} on a scrambled Sobol sequence (seed {design.Seed}): {design.Points.Count} points, N (k + 2) for k = {design.Ranges.Count} parameters. " +
              "First-order indices by Saltelli's 2010 estimator, total indices by Jansen's; each is a share of the output's variance over the ranges."
            : $"Morris elementary effects over {design.Size} trajectories of {design.Ranges.Count + 1} points on a {MorrisDesign.DefaultLevels}-level grid (seed {design.Seed}): {design.Points.Count} points. " +
              "mu* is the mean absolute change of the output when one parameter moves across its whole range with the others held; sigma large beside mu* marks interactions or a curved response.";
        return $"{how} Each parameter is drawn uniformly over its range ({ranges}) and holds {string.Join("; ", design.Ranges.Select(r => ParameterOverride.Holds(r.Parameter, world)).Distinct())}. " +
               (payload.Policy is { } policy
                   ? $"Every point runs both {scenario.Name} (the baseline) and {policy.Name} (the policy) with the same {seeds.Count} paired seed{(seeds.Count == 1 ? "" : "s")} ({seeds[0]} to {seeds[^1]}: common random numbers), both with the point's parameter values, and each output is the mean over the seeds of the policy's value minus the baseline's: the indices say what the policy's effect depends on; "
                   : $"Every point runs the same {seeds.Count} seed{(seeds.Count == 1 ? "" : "s")} ({seeds[0]} to {seeds[^1]}: common random numbers) and its output is their mean; ") +
               $"{world.Start} to {world.PeriodOf(world.Ticks - 1)}, engine {engine}. " +
               $"The 90% intervals resample the design ({SensitivityLimits.Resamples} bootstrap resamples of its {(design.Method == SensitivityMethod.Sobol ? "rows" : "trajectories")}): they cover the error of estimating the indices from this many points, " +
               "not the seed noise within a point, which the mean over the seeds reduces but does not remove; it shows as variance no parameter explains.";
    }
}
