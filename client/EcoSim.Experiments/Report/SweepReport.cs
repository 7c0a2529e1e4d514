using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Report;

/// <summary>
/// report.html of <c>ecosim sweep</c>: what the swept parameters change (in words with numbers), the
/// response curves, the scenario, the parameters with the swept ones marked, and the reproduction facts with the grid.
/// </summary>
internal static class SweepReport
{
    /// <summary>Builds the report of a sweep.</summary>
    /// <param name="scenario">The scenario as given (cut to the ticks run), before the grid's values are applied.</param>
    /// <param name="grid">The grid.</param>
    /// <param name="results">Every grid point, checkpoint and key metric (<see cref="SweepSummary.Results"/>).</param>
    /// <param name="plots">PNG paths written (empty without plots).</param>
    /// <param name="outputFolder">The folder the plots are in (for relative captions).</param>
    /// <param name="manifest">The manifest as it will be written (its file list is not used).</param>
    public static HtmlReport Build(Scenario scenario, SweepGrid grid, IReadOnlyList<SweepResult> results, IReadOnlyList<string> plots, string outputFolder, OutputManifest manifest)
    {
        var sweep = manifest.PayloadOf<SweepPayload>();
        string last = results[^1].Period;
        var atEnd = results.Where(r => r.Period == last).ToList();
        string over = string.Join(" and ", grid.Axes.Select(a => a.Parameter.Name));
        return new HtmlReport($"{scenario.Name}: sweep over {over}", scenario.Description)
            .Add(SweepResponses.Describe(grid, atEnd, sweep.Seeds.Count, Design(scenario, grid, results, sweep, manifest.Engine)))
            .Add(FiguresSection.Of("plots", "Response curves",
                $"For each key metric in {last}: the median over the seeds against {grid.Axes[0].Parameter.Name}, with the 5-95% band" +
                (grid.Axes.Count > 1 ? $"; one curve per value of {grid.Axes[1].Parameter.Name}." : "."), plots, outputFolder))
            .Add(new ScenarioTextSection([("", scenario)]))
            .Add(new ParameterTableSection(ParameterValuesTable.For([scenario]).WithSwept(grid.Axes)))
            .Add(ReproductionFacts.Section(manifest));
    }

    private static string Design(Scenario scenario, SweepGrid grid, IReadOnlyList<SweepResult> results, SweepPayload manifest, string engine)
    {
        var world = scenario.World;
        var seeds = manifest.Seeds;
        var periods = results.Select(r => r.Period).Distinct().ToList();
        string axes = string.Join(" x ", grid.Axes.Select(a => $"{a.Parameter.Name} from {SweepAxis.Text(a.Values[0])} to {SweepAxis.Text(a.Values[^1])} ({a.Count} value{(a.Count == 1 ? "" : "s")})"));
        var replaced = manifest.Parameters.Where(p => p.ReplacedChanges > 0).Select(p => $"{p.Name} ({p.ReplacedChanges})").ToList();
        return $"{manifest.Points} grid point{(manifest.Points == 1 ? "" : "s")}, {axes}, each run with the same {seeds.Count} seed{(seeds.Count == 1 ? "" : "s")} " +
               $"({seeds[0]} to {seeds[^1]}: common random numbers, so points differ by the parameters, not by luck), {world.Start} to {world.PeriodOf(world.Ticks - 1)}, engine {engine}. " +
               $"Each swept value holds {string.Join("; ", manifest.Parameters.Select(p => $"{p.Name} " + ParameterOverride.Holds(Spec(p.Name), world)))}" +
               (replaced.Count > 0 ? $", in place of the scenario's own scheduled changes of {string.Join(" and ", replaced)}" : "") + ". " +
               (seeds.Count == 1 ? $"Each figure is the one run's value in {periods[^1]}" :
                SeedEvidence.HasBand(seeds.Count) ? $"Each figure is the median over the seeds in {periods[^1]} with the 5-95% band (a 90% band)"
                : $"Each figure is the median over the seeds in {periods[^1]} with their 5th and 95th percentiles") +
               "; counts per quarter are summed over the year to that quarter. " +
               (SeedEvidence.TooFew(seeds.Count, "seeds per point", "seed per point") is { Length: > 0 } tooFew ? tooFew + " " : "") +
               "The spread at a point covers only chance within the model (the seeds); the differences between points are the swept parameters' doing. " +
               SeedEvidence.LeftOut([.. manifest.Parameters.Select(p => p.Name)]) +
               (periods.Count > 1 ? $" sweep.csv has the same numbers in {string.Join(" and ", periods)}." : "");
    }

    private static ParameterSpec Spec(string name) =>
        ParameterCatalog.TryGet(name, out var spec) ? spec : throw new InvalidOperationException($"the sweep's parameter '{name}' is not in the catalogue");
}
