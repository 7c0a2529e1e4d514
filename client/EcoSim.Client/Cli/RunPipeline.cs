using System.Globalization;
using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Model.Metrics;

namespace EcoSim.Client.Cli;

/// <summary>
/// <c>ecosim run</c>: runs the scenario on the chosen engine, streams metrics to a temporary folder,
/// draws plots, writes the manifest, and only then moves the folder into place.
/// </summary>
/// <param name="output">Where the summary goes.</param>
/// <param name="errors">Where errors and progress go.</param>
/// <param name="openEngine">Opens the engine for the settings; by default the reference engine, an embedded silo or a remote cluster.</param>
internal sealed class RunPipeline(TextWriter output, TextWriter errors, EngineOpener? openEngine = null)
{
    public Task<int> ExecuteAsync(RunSettings settings, CancellationToken cancellation) =>
        new OutputCommand(errors, openEngine).ExecuteAsync(settings.Output, Path.Combine("runs", settings.Scenario.Name), async run =>
        {
            var (scenario, folder, engine) = (settings.Scenario, run.Folder, run.Engine);
            var world = scenario.World;
            errors.WriteLine($"running {scenario.Name}: {world.Ticks} ticks from {world.Start}, {world.Firms:N0} firms, seed {world.Seed}, engine {engine.Name}" +
                             (engine.Kind == EngineKind.Orleans ? $" ({engine.SiloCount} silo{(engine.SiloCount == 1 ? "" : "s")}, {engine.FirmsPerShard} firms per shard)" : ""));
            bool plotsWanted = settings.Output.Plots;
            var plots = new List<string>();
            await using (var collector = await SingleRunCollector.CreateAsync(folder.WorkingPath, world, settings.FirmPanelEvery, plotsWanted, run.Provenance(scenario, [world.Seed]), cancellation))
            {
                await run.RunAsync(Experiment.Single(scenario), collector, cancellation);
                await collector.CompleteAsync();
                if (plotsWanted)
                {
                    string caption = RunPlots.Caption(scenario.Name, world.Seed, run.PlotDate);
                    plots.AddRange(RunPlots.WriteAll(collector.Rows, folder.PathFor("plots"), caption));
                    plots.AddRange(FirmSizeChart.Write(collector.SizeDistributions, folder.PathFor("plots"), caption).Where(p => p.EndsWith(".png", StringComparison.Ordinal)));
                }
                var region = collector.Region;
                var manifest = new RunPayload
                {
                    ScenarioName = scenario.Name,
                    ScenarioPath = scenario.Path,
                    ScenarioText = scenario.CombinedText,
                    ScenarioSha256 = scenario.Sha256,
                    Seed = world.Seed,
                    FirstPeriod = region[0].Period,
                    LastPeriod = region[^1].Period,
                    FirmPanelEvery = settings.FirmPanelEvery,
                };
                await run.CommitAsync(manifest, world.Ticks, m => RunReport.Build(scenario, region, plots, folder.WorkingPath, m), cancellation);
                output.WriteLine(Summary(folder.ShownPath, region, plotsWanted, settings.FirmPanelEvery is not null));
            }
        }, cancellation);

    private static string Summary(string path, IReadOnlyList<MetricsRow> region, bool plots, bool panel)
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
        return string.Join(Environment.NewLine,
            $"wrote {path}{Path.DirectorySeparatorChar} (metrics.csv, metrics.parquet, {(panel ? "firms.parquet, " : "")}report.html, manifest.json{(plots ? ", plots/" : "")})",
            $"  {first.Period} -> {last.Period}",
            $"  total R&D, bn yuan/yr:          {Change("total_rd")}",
            $"  basic-knowledge index:          {Change("knowledge_stock")}",
            $"  firms:                          {Change("firms")}",
            $"  value added, bn yuan/yr:        {Change("value_added")}");
    }
}
