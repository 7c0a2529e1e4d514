using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Pipelines;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Calibration;

/// <summary>
/// <c>ecosim calibrate</c>: fits the scenario's parameters to an observed series by ABC-SMC
/// (<see cref="AbcSmc"/>). Each batch of proposals runs as one experiment, every particle with the
/// same seeds (common random numbers), so the runs spread over a cluster's silos like an ensemble's;
/// a particle's simulated series is the mean over its seeds and its distance the RMS percentage error
/// against the target. Writes fit.csv, posterior.csv, parameters.csv, generations.csv, the calibrated
/// scenario, a fit plot per indicator, report.html and a manifest, all moved into place at the end.
/// Nothing written depends on the order in which runs finish, so <c>ecosim reproduce</c> gives the
/// same bytes.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class CalibrationPipeline(PipelineEvents events)
{
    /// <summary>Runs <paramref name="settings"/> and returns what was written.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public Task<CalibrationOutcome> ExecuteAsync(CalibrationSettings settings, CancellationToken cancellation)
    {
        var (scenario, ranges, target, seeds) = (settings.Scenario, settings.Ranges, settings.Target, settings.Seeds);
        return new OutputCommand(events).ExecuteAsync(settings.Output, Path.Combine("runs", $"{scenario.Name}-calibration"), async run =>
        {
            var (world, folder) = (scenario.World, run.Folder);
            run.Note($"calibration of {scenario.Name} to {settings.TargetName} ({target.Count} observations) over {string.Join(", ", ranges.Select(r => r.Text))} by ABC-SMC: " +
                     $"{settings.Abc.Particles} particles, {settings.Abc.Generations} generations, {seeds.Count} seed{(seeds.Count == 1 ? "" : "s")} ({seeds[0]}..{seeds[^1]}) per particle, {world.Ticks} ticks each, engine {run.Engine.Name}");
            var simulated = new Dictionary<IReadOnlyList<double>, double[]>(ReferenceEqualityComparer.Instance);
            int batchNumber = 0;
            async Task<double[]> Distances(IReadOnlyList<double[]> batch, CancellationToken token)
            {
                run.Note($"  batch {++batchNumber}: {batch.Count} particles");
                var values = new double[batch.Count, seeds.Count, target.Count];
                var seedIndex = seeds.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
                var experiment = new Experiment([.. batch.SelectMany((theta, p) => seeds.Select(seed =>
                    new ExperimentMember(MemberRole.Point, Label(p), CalibrationSettings.With(scenario, ranges, theta).WithSeed(seed), [])))]);
                await run.RunAsync(experiment, Collect.Finished((member, rows) =>
                {
                    int p = PointOf(member.Label);
                    var region = rows.Where(r => r.Cluster == MetricsRow.RegionIndex).OrderBy(r => r.Tick).ToList();
                    int s = seedIndex[member.Seed];
                    for (int o = 0; o < target.Count; o++) values[p, s, o] = target[o].Indicator.Value(region, world, target[o].Year);
                }), token);
                var distances = new double[batch.Count];
                for (int p = 0; p < batch.Count; p++)
                {
                    // Summed in seed order, not finishing order, so the mean has the same bits however the runs interleave.
                    var series = Enumerable.Range(0, target.Count).Select(o => Enumerable.Range(0, seeds.Count).Sum(s => values[p, s, o]) / seeds.Count).ToArray();
                    simulated[batch[p]] = series;
                    distances[p] = CalibrationTarget.RmsPercentageError(target, series);
                }
                return distances;
            }

            var priors = ranges.Select(r => (r.Low, r.High)).ToList();
            var generations = await AbcSmc.RunAsync(priors, settings.Abc, Distances, cancellation);
            var result = CalibrationResult.Of(generations, priors, target, p => simulated[p.Values]);

            CalibrationFiles.WriteFit(folder.PathFor(CalibrationFiles.FitFileName), result);
            CalibrationFiles.WritePosterior(folder.PathFor(CalibrationFiles.PosteriorFileName), ranges, result);
            CalibrationFiles.WriteParameters(folder.PathFor(CalibrationFiles.ParametersFileName), ranges, result);
            CalibrationFiles.WriteGenerations(folder.PathFor(CalibrationFiles.GenerationsFileName), result);
            string calibrated = CalibrationFiles.WriteCalibratedScenario(folder.PathFor(CalibrationFiles.ScenarioFolder), scenario, ranges, result);
            var plots = settings.Output.Plots
                ? CalibrationPlots.WriteAll(result, folder.PathFor("plots"),
                    $"scenario {scenario.Name} · ABC-SMC, {settings.Abc.Particles} particles x {settings.Abc.Generations} generations, {seeds.Count} seed{(seeds.Count == 1 ? "" : "s")} from {seeds[0]} · {run.PlotDate:yyyy-MM-dd}")
                : [];
            var payload = new CalibrationPayload
            {
                Scenario = ManifestScenario.Of(scenario),
                Target = settings.TargetName,
                TargetLines = settings.TargetLines,
                Parameters = [.. ranges.Select(r => r.Recorded)],
                Particles = settings.Abc.Particles,
                Generations = settings.Abc.Generations,
                CalibrationSeed = settings.Abc.Seed,
                Seeds = seeds,
            };
            await run.CommitAsync(payload, world.Ticks, m => CalibrationReport.Build(settings, result, calibrated, plots, folder.WorkingPath, m), cancellation);
            return new CalibrationOutcome(folder.ShownPath, settings.Output.Plots, [.. CalibrationWords.Headline(settings, result).Select(line => "  " + line)]);
        }, cancellation);
    }

    private static string Label(int particle) => $"particle{particle:D5}";

    private static int PointOf(string label) => int.Parse(label.AsSpan("particle".Length), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="CalibrationPipeline"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">The fit and which parameters the data identify, one line each.</param>
public sealed record CalibrationOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline) : OutputOutcome(Folder, Plots, Headline);
