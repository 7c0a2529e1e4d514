using EcoSim.Experiments.Collectors;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Model.Metrics;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>
/// <c>ecosim sensitivity</c>: runs the scenario at every point of a Morris or Sobol design, each point
/// with the same seeds (common random numbers), as one experiment, so the runs spread over a cluster's
/// silos like an ensemble's. A point's output is the mean over its seeds. Writes indices.csv,
/// design.csv, one tornado plot per output, report.html and a manifest, all moved into place at the
/// end. Nothing written depends on the order in which runs finish, so <c>ecosim reproduce</c> gives the
/// same bytes.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
public sealed class SensitivityPipeline(PipelineEvents events)
{
    /// <summary>Runs <paramref name="settings"/> and returns what was written.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public Task<SensitivityOutcome> ExecuteAsync(SensitivitySettings settings, CancellationToken cancellation)
    {
        var (scenario, design, seeds, outputs) = (settings.Scenario, settings.Design, settings.Seeds, settings.Outputs);
        var policy = settings.Policy;
        string defaultPath = Path.Combine("runs", policy is null ? $"{scenario.Name}-sensitivity-{design.Method.Name()}" : $"{policy.Name}-vs-{scenario.Name}-sensitivity-{design.Method.Name()}");
        return new OutputCommand(events).ExecuteAsync(settings.Output, defaultPath, async run =>
        {
            var (world, folder) = (scenario.World, run.Folder);
            run.Note($"sensitivity of {(policy is null ? scenario.Name : $"the effect of {policy.Name} against {scenario.Name}")} by {design.Method.Name()} over {string.Join(", ", design.Ranges.Select(r => r.Shown))}: " +
                     $"{design.Points.Count} design points x {seeds.Count} {(policy is null ? "" : "paired ")}seeds ({seeds[0]}..{seeds[^1]}), {world.Ticks} ticks each, engine {run.Engine.Name}, {settings.Output.Parallel} runs at a time");

            var (results, means) = await AnalyseAsync(run, settings, cancellation);

            SensitivityFiles.WriteIndices(folder.PathFor(SensitivityFiles.IndicesFileName), design, results);
            SensitivityFiles.WriteDesign(folder.PathFor(SensitivityFiles.DesignFileName), design, results, means);
            var plots = settings.Output.Plots
                ? SensitivityPlots.WriteAll(design, results, folder.PathFor("plots"),
                    $"scenario {scenario.Name} · {design.Method.Name()}, {design.Points.Count} points x {seeds.Count} seed{(seeds.Count == 1 ? "" : "s")} from {seeds[0]} · {run.PlotDate:yyyy-MM-dd}")
                : [];
            var payload = new SensitivityPayload
            {
                Scenario = ManifestScenario.Of(scenario),
                Policy = policy is null ? null : ManifestScenario.Of(policy),
                Method = design.Method.Name(),
                Parameters = [.. design.Ranges.Select(r => r.Recorded)],
                Samples = design.Size,
                DesignSeed = design.Seed,
                Points = design.Points.Count,
                Outputs = [.. outputs.Select(o => o.Label)],
                Seeds = seeds,
            };
            await run.CommitAsync(payload, world.Ticks, m => SensitivityReport.Build(scenario, policy, design, results, plots, folder.WorkingPath, m), cancellation);
            return new SensitivityOutcome(folder.ShownPath, settings.Output.Plots, [.. results.Select(r => "  " + SensitivityWords.About(design, r))]);
        }, cancellation);
    }

    /// <summary>
    /// Runs every design point with every seed on the run's engine and estimates each output's indices:
    /// the results, and each output's value at each point (the mean over the seeds, or of the policy's
    /// effect). What <c>ecosim sensitivity</c> writes, and what <c>ecosim check-model</c>'s screen reports.
    /// </summary>
    internal static async Task<(IReadOnlyList<SensitivityResult> Results, IReadOnlyList<double[]> Means)> AnalyseAsync(OutputRun run, SensitivitySettings settings, CancellationToken cancellation)
    {
        var (design, seeds, outputs, policy, world) = (settings.Design, settings.Seeds, settings.Outputs, settings.Policy, settings.Scenario.World);
        var experiment = Members(settings);
        var values = new double[outputs.Count, design.Points.Count, seeds.Count, 2];
        var seedIndex = seeds.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        await run.RunAsync(experiment, Collect.Finished((member, rows) =>
        {
            int point = PointOf(member.Label);
            var region = rows.Where(r => r.Cluster == MetricsRow.RegionIndex).OrderBy(r => r.Tick).ToList();
            int arm = member.Role == MemberRole.Policy ? 1 : 0;
            for (int o = 0; o < outputs.Count; o++) values[o, point, seedIndex[member.Seed], arm] = outputs[o].Value(region, world);
        }), cancellation);

        var means = Enumerable.Range(0, outputs.Count).Select(o => Enumerable.Range(0, design.Points.Count).Select(p =>
        {
            double sum = 0;
            for (int s = 0; s < seeds.Count; s++) sum += policy is null ? values[o, p, s, 0] : values[o, p, s, 1] - values[o, p, s, 0];
            return sum / seeds.Count;
        }).ToArray()).ToList();
        return ([.. outputs.Select((output, o) => Result(design, output, means[o], policy?.Name))], means);
    }

    /// <summary>
    /// Every design point with every seed (with a policy, the baseline then the policy for each seed),
    /// the point's values held as a sweep holds them (<see cref="ParameterOverride"/>).
    /// </summary>
    public static Experiment Members(SensitivitySettings settings)
    {
        (MemberRole Role, Scenarios.Scenario Scenario)[] arms = settings.Policy is { } policy
            ? [(MemberRole.Baseline, settings.Scenario), (MemberRole.Policy, policy)]
            : [(MemberRole.Point, settings.Scenario)];
        return new([.. settings.Design.Points.SelectMany((values, p) => settings.Seeds.SelectMany(seed => arms.Select(arm =>
            ExperimentMember.Of(arm.Role, Label(p), arm.Scenario, seed, [.. values.Select((v, i) => new ParameterSetting(settings.Design.Ranges[i].Parameter, v))]))))]);
    }

    private static string Label(int point) => $"point{point:D5}";

    private static int PointOf(string label) => int.Parse(label.AsSpan("point".Length), System.Globalization.CultureInfo.InvariantCulture);

    private static SensitivityResult Result(SensitivityDesign design, SensitivityOutput output, double[] values, string? effectOf)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return new SensitivityResult(output, design.Estimate(values), mean, variance, effectOf);
    }
}

/// <summary>What <see cref="SensitivityPipeline"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">One sentence per output: which parameters it depends on.</param>
public sealed record SensitivityOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline) : OutputOutcome(Folder, Plots, Headline);
