using EcoSim.Client.Cli.Progress;
using EcoSim.Experiments.Engines;
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
internal sealed class RunEnsemblePipeline(TextWriter output, TextWriter errors, Func<EnsembleSettings, CancellationToken, Task<ISimulationEngine>>? openEngine = null)
{
    public async Task<int> ExecuteAsync(EnsembleSettings settings, CancellationToken cancellation)
    {
        if (CommandInputs.LoadScenario(settings.ScenarioPath, errors, settings.ScenarioRoot, settings.Limits) is not { } loaded) return ExitCodes.BadInput;
        if (settings.RecordedScenarioPath is { } recordedPath) loaded = loaded with { Path = recordedPath };
        if (CommandInputs.FirstTicks(loaded, settings.Ticks, errors) is not { } scenario) return ExitCodes.BadInput;

        if (CommandInputs.BeginOutput(settings.OutputPath, Path.Combine("runs", scenario.Name), settings.Overwrite, errors) is not { } folder) return ExitCodes.BadInput;

        using (folder)
        {
            var started = DateTime.UtcNow;
            await using var engine = await (openEngine ?? ((s, c) => EngineFactory.OpenAsync(s.Engine, s.FirmsPerShard, s.Cluster, c)))(settings, cancellation);
            var world = scenario.World;
            var seeds = PairedRuns.Seeds(settings.FirstSeed ?? world.Seed, settings.Seeds);
            var members = seeds.Select(seed => new EnsembleMember(scenario.Name, scenario.WithSeed(seed))).ToList();
            errors.WriteLine($"running {scenario.Name} with {seeds.Count} seeds ({seeds[0]}..{seeds[^1]}): {world.Ticks} ticks from {world.Start}, {world.Firms:N0} firms each, " +
                             $"engine {engine.Name}, {settings.Parallel} runs at a time");

            var summary = new EnsembleSummary(EnsembleSummary.ClustersFit(seeds.Count, world.Ticks, world.ClusterCount));
            if (!summary.IncludesClusters)
                errors.WriteLine($"note: with {seeds.Count} seeds, summary.csv has the region's bands only (the clusters' would take more than {EnsembleSummary.ClusterBudgetBytes >> 20} MB); every run's clusters are in runs/");
            Directory.CreateDirectory(folder.PathFor("runs"));
            var provenance = new ParquetProvenance(scenario.Name, scenario.Sha256, seeds, engine.Name, settings.RecordedCodeVersion ?? RunEnvironment.CodeVersion);
            await using (var progress = ProgressDisplay.Start(errors, members.Count, world.Ticks))
            await using (var parquet = await EnsembleParquetWriter.CreateAsync(folder.PathFor(Path.Combine("runs", MetricsParquetFormat.FileName)), EnsembleColumns.Seeds,
                [.. members.Select(m => new EnsembleRun(m.Role, m.Seed, []))], provenance, cancellation))
            {
                await new PairedRuns(engine, settings.Parallel, progress).RunAsync(members, async (member, rows, token) =>
                {
                    MetricsCsvWriter.WriteFile(folder.PathFor(Path.Combine("runs", member.FileName)), rows);
                    summary.Add(rows);
                    await parquet.AddAsync(member.Role, member.Seed, rows, token);
                }, cancellation);
                await parquet.CompleteAsync();
            }

            EnsembleSummaryCsv.Write(folder.PathFor(EnsembleSummaryCsv.FileName), summary.Points());
            var plots = settings.Plots
                ? EnsemblePlots.WriteAll(summary, folder.PathFor("plots"), scenario.Name, $"scenario {scenario.Name} · {seeds.Count} seeds from {seeds[0]} · {RecordedOrigin.PlotDate(settings.Origin, started):yyyy-MM-dd}")
                : [];

            var manifest = new EnsembleManifest
            {
                Scenario = new ManifestScenario(scenario.Name, scenario.Path, scenario.CombinedText, scenario.Sha256),
                Seeds = seeds,
                Engine = engine.Name,
                SiloCount = engine.SiloCount,
                FirmsPerShard = engine.FirmsPerShard,
                TickCount = world.Ticks,
                FirstPeriod = world.Start.ToString(),
                LastPeriod = world.PeriodOf(world.Ticks - 1).ToString(),
                CodeVersion = RunEnvironment.CodeVersion,
                UncommittedChanges = RunEnvironment.UncommittedChanges,
                RuntimeVersion = RunEnvironment.RuntimeVersion,
                OsDescription = RunEnvironment.OsDescription,
                CommandLine = RunEnvironment.CommandLine,
                StartedUtc = started,
                EndedUtc = DateTime.UtcNow,
                Plots = settings.Plots,
            };
            await OutputCompletion.CommitAsync(folder, manifest, m => EnsembleReport.Build(scenario, summary, plots, folder.WorkingPath, RecordedOrigin.Shown(settings.Origin, m)),
                ManifestJson.Text, cancellation);
            output.WriteLine($"wrote {folder.ShownPath}{Path.DirectorySeparatorChar} (summary.csv, runs/, {(settings.Plots ? "plots/, " : "")}report.html, manifest.json)");
            output.WriteLine($"  {seeds.Count} seeds ({seeds[0]}..{seeds[^1]}), {world.Start} -> {world.PeriodOf(world.Ticks - 1)}");
            foreach (var line in EnsembleHeadline.Describe(summary)) output.WriteLine(line);
        }
        return ExitCodes.Ok;
    }
}
