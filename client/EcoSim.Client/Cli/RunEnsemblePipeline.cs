using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;

namespace EcoSim.Client.Cli;

/// <summary>
/// <c>ecosim run --seeds N</c>: runs one scenario with N seeds, runs proceeding concurrently, streams
/// each run's metrics to <c>runs/</c> as it finishes, and writes the median and 5-95% band of every
/// metric at every tick (<c>summary.csv</c>), plots of the region's bands, <c>report.html</c> and a
/// manifest listing the seeds, all moved into place at the end. Nothing written depends on the order in
/// which runs finish, so <c>ecosim reproduce</c> gives the same bytes.
/// </summary>
/// <param name="output">Where the summary goes.</param>
/// <param name="errors">Where errors and progress go.</param>
/// <param name="openEngine">Opens the engine; by default the reference engine, an embedded silo or a remote cluster.</param>
internal sealed class RunEnsemblePipeline(TextWriter output, TextWriter errors, EngineOpener? openEngine = null)
{
    public Task<int> ExecuteAsync(EnsembleSettings settings, CancellationToken cancellation) =>
        new OutputCommand(errors, openEngine).ExecuteAsync(settings.Output, Path.Combine("runs", settings.Scenario.Name), async run =>
        {
            var (scenario, seeds, folder) = (settings.Scenario, settings.Seeds, run.Folder);
            var world = scenario.World;
            var experiment = Experiment.Seeds(scenario, seeds);
            errors.WriteLine($"running {scenario.Name} with {seeds.Count} seeds ({seeds[0]}..{seeds[^1]}): {world.Ticks} ticks from {world.Start}, {world.Firms:N0} firms each, " +
                             $"engine {run.Engine.Name}, {settings.Output.Parallel} runs at a time");

            var summary = new EnsembleSummary(EnsembleSummary.ClustersFit(seeds.Count, world.Ticks, world.ClusterCount));
            if (!summary.IncludesClusters)
                errors.WriteLine($"note: with {seeds.Count} seeds, summary.csv has the region's bands only (the clusters' would take more than {EnsembleSummary.ClusterBudgetBytes >> 20} MB); every run's clusters are in runs/");
            await using (var files = await RunFilesCollector.CreateAsync(folder.WorkingPath, experiment, EnsembleColumns.Seeds, run.Provenance(scenario, seeds), cancellation))
            {
                await run.RunAsync(experiment, Collect.All(files, Collect.Finished((_, rows) => summary.Add(rows))), cancellation);
                await files.CompleteAsync();
            }

            EnsembleSummaryCsv.Write(folder.PathFor(EnsembleSummaryCsv.FileName), summary.Points());
            var plots = settings.Output.Plots
                ? EnsemblePlots.WriteAll(summary, folder.PathFor("plots"), scenario.Name, $"scenario {scenario.Name} · {seeds.Count} seeds from {seeds[0]} · {run.PlotDate:yyyy-MM-dd}")
                : [];

            var manifest = new EnsemblePayload
            {
                Scenario = ManifestScenario.Of(scenario),
                Seeds = seeds,
                FirstPeriod = world.Start.ToString(),
                LastPeriod = world.PeriodOf(world.Ticks - 1).ToString(),
            };
            await run.CommitAsync(manifest, world.Ticks, m => EnsembleReport.Build(scenario, summary, plots, folder.WorkingPath, m), cancellation);
            output.WriteLine($"wrote {folder.ShownPath}{Path.DirectorySeparatorChar} (summary.csv, runs/, {(settings.Output.Plots ? "plots/, " : "")}report.html, manifest.json)");
            output.WriteLine($"  {seeds.Count} seeds ({seeds[0]}..{seeds[^1]}), {world.Start} -> {world.PeriodOf(world.Ticks - 1)}");
            foreach (var line in EnsembleHeadline.Describe(summary)) output.WriteLine(line);
        }, cancellation);
}
