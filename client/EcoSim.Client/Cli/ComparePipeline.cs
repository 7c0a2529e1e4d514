using System.Text.Json;
using EcoSim.Client.Engines;
using EcoSim.Client.Ensembles;
using EcoSim.Client.Output;
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

        string finalPath = settings.OutputPath ?? Path.Combine("runs", $"{policy.Name}-vs-{baseline.Name}");
        if (CommandInputs.BeginOutput(finalPath, errors) is not { } folder) return ExitCodes.BadInput;

        using (folder)
        {
            var started = DateTime.UtcNow;
            await using var engine = await (openEngine ?? ((s, c) => EngineFactory.OpenAsync(s.Engine, s.FirmsPerShard, s.Cluster, c)))(settings, cancellation);
            var seeds = PairedRuns.Seeds(settings.FirstSeed ?? baseline.World.Seed, settings.Seeds);
            var members = seeds.SelectMany(seed => new[] { new EnsembleMember("baseline", baseline.WithSeed(seed)), new EnsembleMember("policy", policy.WithSeed(seed)) }).ToList();
            errors.WriteLine($"comparing {policy.Name} with {baseline.Name}: {seeds.Count} paired seeds ({seeds[0]}..{seeds[^1]}), {baseline.World.Ticks} ticks each, engine {engine.Name}, {settings.Parallel} runs at a time");

            var summary = new ComparisonSummary();
            Directory.CreateDirectory(folder.PathFor("runs"));
            await using (var parquet = await EnsembleParquetWriter.CreateAsync(folder.PathFor(Path.Combine("runs", MetricsParquetFormat.FileName)), [.. members.Select(m => (m.Role, m.Seed))], cancellation))
            {
                await new PairedRuns(engine, settings.Parallel, errors).RunAsync(members, async (member, rows) =>
                {
                    MetricsCsvWriter.WriteFile(folder.PathFor(Path.Combine("runs", member.FileName)), rows);
                    summary.Add(member.Role, member.Seed, rows);
                    await parquet.AddAsync(member.Role, member.Seed, rows, cancellation);
                }, cancellation);
                await parquet.CompleteAsync();
            }

            var points = summary.Points();
            SummaryCsv.Write(folder.PathFor(SummaryCsv.FileName), points);
            string caption = $"{policy.Name} vs {baseline.Name} · {seeds.Count} paired seeds from {seeds[0]} · {settings.PlotDate ?? started:yyyy-MM-dd}";
            if (settings.Plots) ComparisonPlots.WriteAll(points, folder.PathFor("plots"), baseline.Name, policy.Name, caption);
            var findings = FindingsText(baseline, policy, seeds, engine.Name, summary);
            await File.WriteAllTextAsync(folder.PathFor("findings.md"), findings, cancellation);

            var manifest = new ComparisonManifest
            {
                Baseline = Describe(baseline, settings.RecordedBaselinePath ?? settings.BaselinePath),
                Policy = Describe(policy, settings.RecordedPolicyPath ?? settings.PolicyPath),
                Seeds = seeds,
                Engine = engine.Name,
                SiloCount = engine.SiloCount,
                FirmsPerShard = engine.FirmsPerShard,
                TickCount = baseline.World.Ticks,
                CodeVersion = RunEnvironment.CodeVersion,
                RuntimeVersion = RunEnvironment.RuntimeVersion,
                OsDescription = RunEnvironment.OsDescription,
                CommandLine = RunEnvironment.CommandLine,
                StartedUtc = started,
                EndedUtc = DateTime.UtcNow,
                Plots = settings.Plots,
                Files = ContentHash.DescribeFiles(folder.WorkingPath),
            };
            await File.WriteAllTextAsync(folder.PathFor(RunOutputFolder.ManifestFileName), JsonSerializer.Serialize(manifest, ManifestJson.Options), cancellation);
            folder.Commit();
            output.WriteLine(findings);
            output.WriteLine($"wrote {finalPath}{Path.DirectorySeparatorChar} (findings.md, summary.csv, runs/, plots/, manifest.json)");
        }
        return ExitCodes.Ok;
    }

    private (Scenario Baseline, Scenario Policy)? Load(CompareSettings settings)
    {
        var first = CommandInputs.LoadScenario(settings.BaselinePath, errors);
        var second = CommandInputs.LoadScenario(settings.PolicyPath, errors);
        if (first is null || second is null) return null;
        var (baseline, policy) = (first, second);
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

    private static ManifestScenario Describe(Scenario s, string path) => new(s.Name, path, s.CombinedText, s.Sha256);

    private static string FindingsText(Scenario baseline, Scenario policy, IReadOnlyList<ulong> seeds, string engine, ComparisonSummary summary)
    {
        var periods = summary.Periods;
        int? divergence = summary.FirstDivergence();
        string identical = divergence switch
        {
            null => "Baseline and policy runs are identical in every pair over the whole horizon: the policy changes nothing the model measures.",
            0 => $"The runs of each pair differ from the first quarter ({periods[0].Period}).",
            int t => $"The runs of each pair are identical up to {periods[t - 1].Period} and diverge from {periods[t].Period}: with common random numbers, every difference from then on is the policy's effect, not noise.",
        };
        var lines = new List<string>
        {
            $"# {policy.Name} compared with {baseline.Name}",
            "",
            policy.Description.Trim(),
            "",
            $"{seeds.Count} paired seeds ({seeds[0]} to {seeds[^1]}), {periods[0].Period} to {periods[^1].Period}, engine {engine}. " +
            "Each effect is the policy run minus the baseline run of the same seed, relative to the baseline; " +
            "the figure is the median over the pairs and the band runs from the 5th to the 95th percentile.",
            "",
            identical,
            "",
            "## Effects of the policy",
            "",
        };
        lines.AddRange(Findings.Sentences(summary, periods));
        lines.Add("");
        lines.Add("The full bands for every metric and quarter are in summary.csv; each run's metrics are in runs/.");
        return string.Join("\n", lines) + "\n";
    }
}
