using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;

namespace EcoSim.Experiments.Pipelines;

/// <summary>
/// <c>ecosim run --seeds N</c>: runs one scenario with N seeds, runs proceeding concurrently, streams
/// each run's metrics to <c>runs/</c> as it finishes, and writes the median and 5-95% band of every
/// metric at every tick (<c>summary.csv</c>), plots of the region's bands, <c>report.html</c> and a
/// manifest listing the seeds, all moved into place at the end. Nothing written depends on the order in
/// which runs finish, so <c>ecosim reproduce</c> gives the same bytes.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class RunEnsemblePipeline(PipelineEvents events)
{
    /// <summary>Runs <paramref name="settings"/> and returns what was written.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public Task<EnsembleOutcome> ExecuteAsync(EnsembleSettings settings, CancellationToken cancellation) =>
        new OutputCommand(events).ExecuteAsync(settings.Output, Path.Combine("runs", settings.Scenario.Name), async run =>
        {
            var (scenario, seeds, folder) = (settings.Scenario, settings.Seeds, run.Folder);
            var world = scenario.World;
            var experiment = Experiment.Seeds(scenario, seeds);
            run.Note($"running {scenario.Name} with {seeds.Count} seeds ({seeds[0]}..{seeds[^1]}): {world.Ticks} ticks from {world.Start}, {world.Firms:N0} firms each, " +
                             $"engine {run.Engine.Name}, {settings.Output.Parallel} runs at a time");

            var summary = new EnsembleSummary(EnsembleSummary.ClustersFit(seeds.Count, world.Ticks, world.ClusterCount));
            if (!summary.IncludesClusters)
                run.Note($"note: with {seeds.Count} seeds, summary.csv has the region's bands only (the clusters' would take more than {EnsembleSummary.ClusterBudgetBytes >> 20} MB); every run's clusters are in runs/");
            await using (var files = await RunFilesCollector.CreateAsync(folder.WorkingPath, experiment, EnsembleColumns.Seeds, run.Provenance(scenario, seeds), cancellation))
            {
                await run.RunAsync(experiment, Collect.All(files, Collect.Finished((_, rows) => summary.Add(rows))), cancellation);
                await files.CompleteAsync();
            }

            EnsembleSummaryCsv.Write(folder.PathFor(EnsembleSummaryCsv.FileName), summary.Points());
            var plots = settings.Output.Plots
                ? EnsemblePlots.WriteAll(summary, folder.PathFor("plots"), scenario.Name, $"scenario {scenario.Name} · {seeds.Count} seeds from {seeds[0]} · {run.PlotDate:yyyy-MM-dd}")
                : [];

            var payload = new EnsemblePayload
            {
                Scenario = ManifestScenario.Of(scenario),
                Seeds = seeds,
                FirstPeriod = world.Start.ToString(),
                LastPeriod = world.PeriodOf(world.Ticks - 1).ToString(),
            };
            await run.CommitAsync(payload, world.Ticks, m => EnsembleReport.Build(scenario, summary, plots, folder.WorkingPath, m), cancellation);
            return new EnsembleOutcome(folder.ShownPath, settings.Output.Plots,
                [$"  {seeds.Count} seeds ({seeds[0]}..{seeds[^1]}), {world.Start} -> {world.PeriodOf(world.Ticks - 1)}", .. EnsembleHeadline.Describe(summary)]);
        }, cancellation);
}
