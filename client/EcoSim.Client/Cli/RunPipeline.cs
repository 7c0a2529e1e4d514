using System.Globalization;
using EcoSim.Client.Cli.Progress;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// <c>ecosim run</c>: checks the scenario whole, runs it on the chosen engine, streams metrics to a
/// temporary folder, draws plots, writes the manifest, and only then moves the folder into place.
/// </summary>
/// <param name="output">Where the summary goes.</param>
/// <param name="errors">Where errors and progress go.</param>
/// <param name="openEngine">Opens the engine for the settings; by default the reference engine, an embedded silo or a remote cluster.</param>
internal sealed class RunPipeline(TextWriter output, TextWriter errors, Func<RunSettings, CancellationToken, Task<ISimulationEngine>>? openEngine = null)
{
    public async Task<int> ExecuteAsync(RunSettings settings, CancellationToken cancellation)
    {
        var loaded = CommandInputs.LoadScenario(settings.ScenarioPath, errors, settings.ScenarioRoot, settings.Limits);
        if (loaded is null) return ExitCodes.BadInput;
        if (settings.RecordedScenarioPath is { } recordedPath) loaded = loaded with { Path = recordedPath };
        if (settings.Seed is ulong seed) loaded = loaded.WithSeed(seed);
        if (CommandInputs.FirstTicks(loaded, settings.Ticks, errors) is not { } scenario) return ExitCodes.BadInput;

        if (CommandInputs.BeginOutput(settings.OutputPath, Path.Combine("runs", scenario.Name), settings.Overwrite, errors) is not { } folder) return ExitCodes.BadInput;

        using (folder)
        {
            var started = DateTime.UtcNow;
            await using var engine = await (openEngine ?? OpenEngineAsync)(settings, cancellation);
            var world = scenario.World;
            errors.WriteLine($"running {scenario.Name}: {world.Ticks} ticks from {world.Start}, {world.Firms:N0} firms, seed {world.Seed}, engine {engine.Name}" +
                             (engine.Name == "orleans" ? $" ({engine.SiloCount} silo{(engine.SiloCount == 1 ? "" : "s")}, {engine.FirmsPerShard} firms per shard)" : ""));
            var provenance = new ParquetProvenance(scenario.Name, scenario.Sha256, [world.Seed], engine.Name, settings.RecordedCodeVersion ?? RunEnvironment.CodeVersion);
            var rows = new List<MetricsRow>();
            var plots = new List<string>();
            await using (var progress = ProgressDisplay.Start(errors, 1, world.Ticks))
            using (var csv = MetricsCsvWriter.Create(folder.PathFor(MetricsCsvFormat.FileName)))
            await using (var parquet = await MetricsParquetWriter.CreateAsync(folder.PathFor(MetricsParquetFormat.FileName), provenance, cancellation))
            await using (var firms = await RunFirmOutputs.CreateAsync(world, settings.FirmPanelEvery, folder.PathFor(FirmPanelFormat.FileName), settings.Plots, provenance, cancellation))
            {
                await foreach (var simulated in engine.RunAsync(world, firms.Ticks, cancellation))
                {
                    var tick = simulated.Outcome;
                    await firms.AddAsync(simulated, cancellation);
                    csv.WriteAll(tick.Rows);
                    await parquet.WriteAsync(tick.Rows, cancellation);
                    rows.AddRange(tick.Rows);
                    progress.TickDone();
                }
                progress.RunDone();
                await firms.CompleteAsync();
                if (settings.Plots)
                {
                    string caption = RunPlots.Caption(scenario.Name, world.Seed, RecordedOrigin.PlotDate(settings.Origin, started));
                    plots.AddRange(RunPlots.WriteAll(rows, folder.PathFor("plots"), caption));
                    plots.AddRange(FirmSizeChart.Write(firms.SizeDistributions, folder.PathFor("plots"), caption).Where(p => p.EndsWith(".png", StringComparison.Ordinal)));
                }
            }

            var region = rows.Where(r => r.Cluster == MetricsRow.RegionIndex).ToList();
            var manifest = new RunManifest
            {
                ScenarioName = scenario.Name,
                ScenarioPath = scenario.Path,
                ScenarioText = scenario.CombinedText,
                ScenarioSha256 = scenario.Sha256,
                Seed = world.Seed,
                Engine = engine.Name,
                SiloCount = engine.SiloCount,
                FirmsPerShard = engine.FirmsPerShard,
                TickCount = world.Ticks,
                FirstPeriod = region[0].Period,
                LastPeriod = region[^1].Period,
                CodeVersion = RunEnvironment.CodeVersion,
                UncommittedChanges = RunEnvironment.UncommittedChanges,
                RuntimeVersion = RunEnvironment.RuntimeVersion,
                OsDescription = RunEnvironment.OsDescription,
                CommandLine = RunEnvironment.CommandLine,
                StartedUtc = started,
                EndedUtc = DateTime.UtcNow,
                Plots = settings.Plots,
                FirmPanelEvery = settings.FirmPanelEvery,
            };
            await OutputCompletion.CommitAsync(folder, manifest, m => RunReport.Build(scenario, region, plots, folder.WorkingPath, RecordedOrigin.Shown(settings.Origin, m)),
                ManifestWriter.Serialize, cancellation);
            output.WriteLine(Summary(folder.ShownPath, region, settings.Plots, settings.FirmPanelEvery is not null));
        }
        return ExitCodes.Ok;
    }

    private static Task<ISimulationEngine> OpenEngineAsync(RunSettings settings, CancellationToken cancellation) =>
        EngineFactory.OpenAsync(settings.Engine, settings.FirmsPerShard, settings.Cluster, cancellation);

    private static string Summary(string path, List<MetricsRow> region, bool plots, bool panel)
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
