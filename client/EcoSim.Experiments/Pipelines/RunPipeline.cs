using System.Globalization;
using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Pipelines;

/// <summary>
/// One run (<c>ecosim run</c>): runs the scenario on the chosen engine, streams metrics to a temporary folder,
/// draws plots, writes the manifest, and only then moves the folder into place.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class RunPipeline(PipelineEvents events)
{
    /// <summary>Runs <paramref name="settings"/> and returns what was written.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public Task<RunOutcome> ExecuteAsync(RunSettings settings, CancellationToken cancellation) =>
        new OutputCommand(events).ExecuteAsync(settings.Output, Path.Combine("runs", settings.Scenario.Name), async run =>
        {
            var (scenario, folder, engine) = (settings.Scenario, run.Folder, run.Engine);
            var world = scenario.World;
            run.Note($"running {scenario.Name}: {world.Ticks} ticks from {world.Start}, {world.Firms:N0} firms, seed {world.Seed}, engine {engine.Name}" +
                             (engine.Kind == EngineKind.Orleans ? $" ({engine.SiloCount} silo{(engine.SiloCount == 1 ? "" : "s")}, {engine.FirmsPerShard} firms per shard)" : ""));
            bool plotsWanted = settings.Output.Plots;
            var plots = new List<string>();
            await using (var collector = await SingleRunCollector.CreateAsync(folder.WorkingPath, world, settings.FirmPanelEvery, plotsWanted, run.Provenance(scenario, [world.Seed]), cancellation))
            {
                RunTimeline.Mark("output files opened");
                var checkpoints = settings.Checkpoints?.Begin(scenario, folder);
                await run.RunAsync(checkpoints?.Experiment ?? Experiment.Single(scenario), collector, cancellation);
                await collector.CompleteAsync();
                RunTimeline.Mark("metrics files closed (CSV, Parquet)");
                if (plotsWanted)
                {
                    string caption = RunPlots.Caption(scenario.Name, world.Seed, run.PlotDate);
                    plots.AddRange(RunPlots.WriteAll(collector.Rows, collector.SizeDistributions, folder.PathFor("plots"), caption));
                    RunTimeline.Mark("plots drawn");
                }
                var region = collector.Region;
                var payload = new RunPayload
                {
                    ScenarioName = scenario.Name,
                    ScenarioPath = scenario.Path,
                    ScenarioText = scenario.CombinedText,
                    ScenarioSha256 = scenario.Sha256,
                    Seed = world.Seed,
                    FirstPeriod = region[0].Period,
                    LastPeriod = region[^1].Period,
                    FirmPanelEvery = settings.FirmPanelEvery,
                    Checkpoints = checkpoints?.Written,
                    ResumedFrom = checkpoints?.ResumedFrom,
                    Detached = settings.Detached,
                };
                await run.CommitAsync(payload, world.Ticks, m => RunReport.Build(scenario, region, plots, folder.WorkingPath, m), cancellation);
                return new RunOutcome(folder.ShownPath, plotsWanted, Headline(region), settings.FirmPanelEvery is not null);
            }
        }, cancellation);

    private static IReadOnlyList<string> Headline(IReadOnlyList<MetricsRow> region)
    {
        var first = region[0];
        var last = region[^1];
        // A count is whole: "74,887 -> 99,139", not "74,887.0".
        string Change(string metric)
        {
            var column = MetricColumns.Get(metric);
            string format = column.Kind == MetricKind.Count ? "N0" : "N1";
            return $"{column.Value(first).ToString(format, CultureInfo.InvariantCulture)} -> {column.Value(last).ToString(format, CultureInfo.InvariantCulture)}";
        }
        return
        [
            $"  {first.Period} -> {last.Period}",
            $"  total R&D, bn yuan/yr:          {Change("total_rd")}",
            $"  basic-knowledge index:          {Change("knowledge_stock")}",
            $"  firms:                          {Change("firms")}",
            $"  value added, bn yuan/yr:        {Change("value_added")}",
        ];
    }
}
