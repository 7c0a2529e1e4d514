using System.Text.Json;
using EcoSim.Client.Cli.Progress;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// <c>ecosim compare</c>: runs a baseline and a policy scenario with the same seeds (common random
/// numbers), runs proceeding concurrently, and writes each run's metrics, the bands of baseline, policy
/// and paired effect, plots, the findings in words and a manifest, all moved into place at the end.
/// </summary>
internal sealed class ComparePipeline(TextWriter output, TextWriter errors, Func<CompareSettings, CancellationToken, Task<ISimulationEngine>>? openEngine = null)
{
    public async Task<int> ExecuteAsync(CompareSettings settings, CancellationToken cancellation)
    {
        var loaded = Load(settings);
        if (loaded is null) return ExitCodes.BadInput;
        var (baseline, policy) = loaded.Value;

        if (CommandInputs.BeginOutput(settings.OutputPath, Path.Combine("runs", $"{policy.Name}-vs-{baseline.Name}"), settings.Overwrite, errors) is not { } folder)
            return ExitCodes.BadInput;

        using (folder)
        {
            var started = DateTime.UtcNow;
            await using var engine = await (openEngine ?? ((s, c) => EngineFactory.OpenAsync(s.Engine, s.FirmsPerShard, s.Cluster, c)))(settings, cancellation);
            var seeds = PairedRuns.Seeds(settings.FirstSeed ?? baseline.World.Seed, settings.Seeds);
            var members = seeds.SelectMany(seed => new[] { new EnsembleMember("baseline", baseline.WithSeed(seed)), new EnsembleMember("policy", policy.WithSeed(seed)) }).ToList();
            errors.WriteLine($"comparing {policy.Name} with {baseline.Name}: {seeds.Count} paired seeds ({seeds[0]}..{seeds[^1]}), {baseline.World.Ticks} ticks each, engine {engine.Name}, {settings.Parallel} runs at a time");

            var provenance = new ParquetProvenance(policy.Name, policy.Sha256, seeds, engine.Name, settings.RecordedCodeVersion ?? RunEnvironment.CodeVersion)
            {
                Baseline = (baseline.Name, baseline.Sha256),
            };
            var summary = new ComparisonSummary();
            var bands = new ComparisonBands(EnsembleSummary.ClustersFit(members.Count, baseline.World.Ticks, baseline.World.ClusterCount));
            if (!bands.IncludesClusters)
                errors.WriteLine($"note: with {seeds.Count} paired seeds, summary.csv has the region's bands only (the clusters' would take more than {EnsembleSummary.ClusterBudgetBytes >> 20} MB); every run's clusters are in runs/");
            Directory.CreateDirectory(folder.PathFor("runs"));
            await using (var progress = ProgressDisplay.Start(errors, members.Count, baseline.World.Ticks))
            await using (var parquet = await EnsembleParquetWriter.CreateAsync(folder.PathFor(Path.Combine("runs", MetricsParquetFormat.FileName)), EnsembleColumns.Comparison,
                [.. members.Select(m => new EnsembleRun(m.Role, m.Seed, []))], provenance, cancellation))
            {
                await new PairedRuns(engine, settings.Parallel, progress).RunAsync(members, async (member, rows, token) =>
                {
                    MetricsCsvWriter.WriteFile(folder.PathFor(Path.Combine("runs", member.FileName)), rows);
                    summary.Add(member.Role, member.Seed, rows);
                    bands.Add(member.Role, member.Seed, rows);
                    await parquet.AddAsync(member.Role, member.Seed, rows, token);
                }, cancellation);
                await parquet.CompleteAsync();
            }

            var points = summary.Points();
            SummaryCsv.Write(folder.PathFor(SummaryCsv.FileName), bands.Points());
            string caption = $"{policy.Name} vs {baseline.Name} · {seeds.Count} paired seeds from {seeds[0]} · {RecordedOrigin.PlotDate(settings.Origin, started):yyyy-MM-dd}";
            int? onset = PolicyOnset.FirstTick(baseline.World, policy.World);
            var plots = settings.Plots ? ComparisonPlots.WriteAll(summary, points, folder.PathFor("plots"), baseline.Name, policy.Name, onset, caption) : [];
            var findings = Findings.Describe(summary, new ComparisonContext(baseline.Name, policy.Name, policy.Description, seeds, engine.Name, onset));
            await File.WriteAllTextAsync(folder.PathFor("findings.md"), findings.ToMarkdown(), cancellation);

            var manifest = new ComparisonManifest
            {
                Baseline = Describe(baseline),
                Policy = Describe(policy),
                Seeds = seeds,
                Engine = engine.Name,
                SiloCount = engine.SiloCount,
                FirmsPerShard = engine.FirmsPerShard,
                TickCount = baseline.World.Ticks,
                CodeVersion = RunEnvironment.CodeVersion,
                UncommittedChanges = RunEnvironment.UncommittedChanges,
                RuntimeVersion = RunEnvironment.RuntimeVersion,
                OsDescription = RunEnvironment.OsDescription,
                CommandLine = RunEnvironment.CommandLine,
                StartedUtc = started,
                EndedUtc = DateTime.UtcNow,
                Plots = settings.Plots,
            };
            // A comparison's manifest has always been written without the final newline of the other kinds.
            await OutputCompletion.CommitAsync(folder, manifest, m => ComparisonReport.Build(findings, baseline, policy, plots, folder.WorkingPath, RecordedOrigin.Shown(settings.Origin, m)),
                m => JsonSerializer.Serialize(m, ManifestJson.Options), cancellation);
            output.WriteLine(findings.ToMarkdown());
            output.WriteLine($"wrote {folder.ShownPath}{Path.DirectorySeparatorChar} (findings.md, report.html, summary.csv, runs/, plots/, manifest.json)");
        }
        return ExitCodes.Ok;
    }

    private (Scenario Baseline, Scenario Policy)? Load(CompareSettings settings)
    {
        var first = CommandInputs.LoadScenario(settings.BaselinePath, errors, settings.ScenarioRoot, settings.Limits);
        var second = CommandInputs.LoadScenario(settings.PolicyPath, errors, settings.ScenarioRoot, settings.Limits);
        if (first is null || second is null) return null;
        var (baseline, policy) = (first with { Path = settings.RecordedBaselinePath ?? first.Path }, second with { Path = settings.RecordedPolicyPath ?? second.Path });
        if (baseline.World.Start != policy.World.Start || baseline.World.Ticks != policy.World.Ticks)
        {
            errors.WriteLine($"error: {settings.PolicyPath} covers {Horizon(policy)} but {settings.BaselinePath} covers {Horizon(baseline)}; a comparison needs the same horizon");
            return null;
        }
        if (CommandInputs.FirstTicks(baseline, settings.Ticks, errors) is not { } shortBaseline
            || CommandInputs.FirstTicks(policy, settings.Ticks, errors) is not { } shortPolicy) return null;
        return (shortBaseline, shortPolicy);
    }

    private static string Horizon(Scenario s) => $"{s.World.Start}..{s.World.PeriodOf(s.World.Ticks - 1)}";

    private static ManifestScenario Describe(Scenario s) => new(s.Name, s.Path, s.CombinedText, s.Sha256);
}
