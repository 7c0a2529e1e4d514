using EcoSim.Experiments;
using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;

namespace EcoSim.Experiments.Pipelines;

/// <summary>
/// <c>ecosim compare</c>: runs a baseline and a policy scenario with the same seeds (common random
/// numbers), runs proceeding concurrently (each policy run continuing from its baseline twin's in-memory
/// snapshot at the first quarter the scenarios differ), and writes each run's metrics, the bands of baseline, policy
/// and paired effect, plots, the findings in words and a manifest, all moved into place at the end.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class ComparePipeline(PipelineEvents events)
{
    /// <summary>Runs <paramref name="settings"/> and returns what was written.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public Task<ComparisonOutcome> ExecuteAsync(CompareSettings settings, CancellationToken cancellation) =>
        new OutputCommand(events).ExecuteAsync(settings.Output, Path.Combine("runs", $"{settings.Policy.Name}-vs-{settings.Baseline.Name}"), async run =>
        {
            var (baseline, policy, seeds, folder) = (settings.Baseline, settings.Policy, settings.Seeds, run.Folder);
            var uncertain = settings.ParameterUncertainty;
            var experiment = Experiment.Comparison(baseline, policy, seeds, uncertain);
            run.Note($"comparing {policy.Name} with {baseline.Name}: {seeds.Count} paired seeds ({seeds[0]}..{seeds[^1]}), {baseline.World.Ticks} ticks each, engine {run.Engine.Name}, {settings.Output.Parallel} runs at a time" +
                     (uncertain.Count > 0 ? $"; each pair draws {Sensitivity.ParameterDraws.Describe(uncertain)}, and each seed's pair also runs with the scenarios' own values for the seed-only band" : ""));

            var provenance = run.Provenance(policy, seeds) with { Baseline = (baseline.Name, baseline.Sha256) };
            var summary = new ComparisonSummary();
            var bands = new ComparisonBands(EnsembleSummary.ClustersFit(experiment.Members.Count, baseline.World.Ticks, baseline.World.ClusterCount));
            // Under parameter uncertainty, the seed-only pairs (the scenarios' own values) are kept apart for the band of seed noise alone.
            var (seedOnlySummary, seedOnlyBands) = uncertain.Count > 0 ? (new ComparisonSummary(), new ComparisonBands(bands.IncludesClusters)) : (null, null);
            if (!bands.IncludesClusters)
                run.Note($"note: with {seeds.Count} paired seeds, summary.csv has the region's bands only (the clusters' would take more than {EnsembleSummary.ClusterBudgetBytes >> 20} MB); every run's clusters are in runs/");
            await using (var files = await RunFilesCollector.CreateAsync(folder.WorkingPath, experiment, EnsembleColumns.Comparison, provenance, cancellation))
            {
                var shared = settings.SharePrefix ? Engines.SharedPrefixPair.OfComparison(experiment) : [];
                await run.RunAsync(experiment, Collect.All(files, Collect.Finished((member, rows) =>
                {
                    bool seedOnly = SeedOnlyBand.Holds(member);
                    (seedOnly ? seedOnlySummary! : summary).Add(member.Role, member.Seed, rows);
                    (seedOnly ? seedOnlyBands! : bands).Add(member.Role, member.Seed, rows);
                })), shared, cancellation);
                await files.CompleteAsync();
            }

            var points = summary.Points();
            SummaryCsv.Write(folder.PathFor(SummaryCsv.FileName), bands.Points(), seedOnlyBands?.Points());
            string caption = $"{policy.Name} vs {baseline.Name} · {seeds.Count} paired seeds from {seeds[0]} · {run.PlotDate:yyyy-MM-dd}";
            int? onset = PolicyOnset.FirstTick(baseline.World, policy.World);
            var plots = settings.Output.Plots ? ComparisonPlots.WriteAll(summary, points, folder.PathFor("plots"), baseline.Name, policy.Name, onset, caption, seedOnlySummary?.Points()) : [];
            var findings = Findings.Describe(summary, new ComparisonContext(baseline.Name, policy.Name, policy.Description, seeds, run.Engine.Name, onset) { Uncertain = uncertain }, seedOnlySummary);
            await File.WriteAllTextAsync(folder.PathFor("findings.md"), findings.ToMarkdown(), cancellation);

            var payload = new ComparisonPayload
            {
                Baseline = ManifestScenario.Of(baseline), Policy = ManifestScenario.Of(policy), Seeds = seeds,
                ParameterUncertainty = uncertain.Count > 0 ? [.. uncertain.Select(r => r.Recorded)] : null,
            };
            await run.CommitAsync(payload, baseline.World.Ticks, m => ComparisonReport.Build(findings, baseline, policy, plots, folder.WorkingPath, m), cancellation);
            return new ComparisonOutcome(folder.ShownPath, settings.Output.Plots, [findings.ToMarkdown()]);
        }, cancellation);
}
