using System.CommandLine;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Reproducing;

namespace EcoSim.Client.Cli;

/// <summary>The <c>ecosim</c> command tree.</summary>
internal static class CommandLine
{
    public static RootCommand Build(TextWriter output, TextWriter errors) =>
        new("EcoSim: simulate how Guangdong's innovation ecosystem responds to science-funding policy")
        {
            Run(output, errors), Compare(output, errors), Sweep(output, errors), SensitivityCommand.Create(output, errors), CalibrateCommand.Create(output, errors), CheckModelCommand.Create(output, errors), Validate(output, errors), Inspect(output, errors), Reproduce(output, errors),
            CheckpointCommands.Resume(output, errors), CheckpointCommands.Fork(output, errors), ServeCommand.Create(output, errors), DetachedRunCommands.Attach(output, errors),
        };

    private static Command Run(TextWriter output, TextWriter errors)
    {
        var scenario = FileArgument<string>("scenario", "Scenario file (YAML), e.g. scenarios/guangdong-baseline.yaml");
        var seed = new Option<ulong?>("--seed") { Description = "Random seed, overriding the scenario's (0 to 2^64-1); with --seeds N, the first of N consecutive seeds" }.Seed();
        var seeds = EnsembleOptions.Seeds(1, "Runs, one per seed; more than 1 makes an ensemble: runs/<name>-seed<S>.csv per run, summary.csv with the median and 5-95% band of every metric, plots of the bands");
        var parallel = EnsembleOptions.Parallel();
        var shared = new SharedOptions("runs/<scenario name>", "the scenario");
        var command = new Command("run", "Run a scenario and write metrics.csv and metrics.parquet, report.html, plots/ (PNG and SVG) and manifest.json to the output folder; with --seeds N, an ensemble of N seeds") { scenario, seed, seeds, parallel };
        shared.AddTo(command);
        var firmPanel = SharedOptions.FirmPanel();
        command.Options.Add(firmPanel.Panel);
        command.Options.Add(firmPanel.Every);
        var checkpoints = new CheckpointOptions();
        checkpoints.AddTo(command);
        var detach = DetachedRunCommands.DetachOption();
        command.Options.Add(detach);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            if (result.GetValue(detach))
                return await DetachedRunCommands.StartAsync(result, shared, cluster, () =>
                {
                    if (CommandInputs.LoadScenario(result.GetValue(scenario)!, errors, result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result)) is not { } loaded) return null;
                    if (result.GetValue(seed) is ulong one) loaded = loaded.WithSeed(one);
                    return CommandInputs.FirstTicks(loaded, result.GetValue(shared.Ticks), errors);
                }, output, errors, cancellation);
            // The silo starts while the scenario is read; refused input stops it, having written nothing.
            await using var early = EarlyEmbeddedSilo.BeginFor(shared.EngineOf(result, cluster));
            return await Guarded(errors, cancellation, async () =>
            {
                if (CommandInputs.LoadScenario(result.GetValue(scenario)!, errors, result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result)) is not { } loaded) return ExitCodes.BadInput;
                // The model's code is compiled while the silo is still starting (EarlyEmbeddedSilo.WarmUp).
                early?.WarmUp(loaded.World);
                if (result.GetValue(seeds) > 1)
                {
                    if (checkpoints.Given(result)) { errors.WriteLine("error: checkpoints are written by single runs: drop --seeds, or run each seed with --seed"); return ExitCodes.BadInput; }
                    if (CommandInputs.FirstTicks(loaded, result.GetValue(shared.Ticks), errors) is not { } members) return ExitCodes.BadInput;
                    var ensemble = new EnsembleSettings(members, Experiment.ConsecutiveSeeds(result.GetValue(seed) ?? members.World.Seed, result.GetValue(seeds)),
                        shared.OutputOf(result, cluster, result.GetValue(parallel)));
                    return await PipelineCalls.RunAsync(async events => await new RunEnsemblePipeline(events).ExecuteAsync(ensemble, cancellation), output, errors);
                }
                if (result.GetValue(seed) is ulong one) loaded = loaded.WithSeed(one);
                if (CommandInputs.FirstTicks(loaded, result.GetValue(shared.Ticks), errors) is not { } single) return ExitCodes.BadInput;
                if (!checkpoints.TryRead(result, single, errors, out var checkpointing)) return ExitCodes.BadInput;
                var outputs = shared.OutputOf(result, cluster);
                var settings = new RunSettings(single, outputs) { FirmPanelEvery = SharedOptions.FirmPanelEvery(result, firmPanel), Checkpoints = checkpointing };
                return await PipelineCalls.RunAsync(async events => await new RunPipeline(events).ExecuteAsync(settings, cancellation), output, errors);
            });
        });
        return command;
    }

    private static Command Compare(TextWriter output, TextWriter errors)
    {
        var baseline = FileArgument<string>("baseline", "Baseline scenario file, e.g. scenarios/guangdong-baseline.yaml");
        var policy = FileArgument<string>("policy", "Policy scenario file with the same horizon, e.g. scenarios/one-third-basic-research.yaml");
        var seeds = EnsembleOptions.Seeds(10, "Paired seeds: each seed runs both scenarios (common random numbers)");
        var seed = new Option<ulong?>("--seed") { Description = "First seed [default: the baseline's seed]; the others follow it" }.Seed();
        var uncertainty = new Option<string[]>("--parameter-uncertainty")
        {
            Description = $"A parameter each seed pair draws uniformly from a range ({Experiments.Sensitivity.SensitivityRange.Form}), the same value for both runs of the pair, so the bands cover its uncertainty as well as seed noise; repeat for more parameters",
        };
        var parallel = EnsembleOptions.Parallel();
        var shared = new SharedOptions("runs/<policy>-vs-<baseline>", "the scenarios");
        var command = new Command("compare", "Run a baseline and a policy scenario over paired seeds and report the policy's effect with 5-95% bands: report.html, findings.md, summary.csv, plots/, runs/, manifest.json")
        {
            baseline, policy, seeds, seed, uncertainty, parallel,
        };
        shared.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            // The silo starts while the scenario is read; refused input stops it, having written nothing.
            await using var early = EarlyEmbeddedSilo.BeginFor(shared.EngineOf(result, cluster));
            return await Guarded(errors, cancellation, async () =>
            {
                var (root, limits, ticks) = (result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result), result.GetValue(shared.Ticks));
                var pair = CommandInputs.LoadPair(result.GetValue(baseline)!, result.GetValue(policy)!, errors, root, limits, ticks);
                IReadOnlyList<Experiments.Sensitivity.SensitivityRange> uncertain = [];
                if (result.GetValue(uncertainty) is { Length: > 0 } texts)
                {
                    var parsed = Experiments.Sensitivity.SensitivityRange.TryParse(texts, out var problems, "--parameter-uncertainty");
                    foreach (var problem in problems) errors.WriteLine($"error: {problem}");
                    if (parsed is null) return ExitCodes.BadInput;
                    uncertain = parsed;
                }
                if (pair is not var (first, second)) return ExitCodes.BadInput;
                var settings = new CompareSettings(first, second, Experiment.ConsecutiveSeeds(result.GetValue(seed) ?? first.World.Seed, result.GetValue(seeds)),
                    shared.OutputOf(result, cluster, result.GetValue(parallel))) { ParameterUncertainty = uncertain };
                return await PipelineCalls.RunAsync(async events => await new ComparePipeline(events).ExecuteAsync(settings, cancellation), output, errors);
            });
        });
        return command;
    }

    private static Command Sweep(TextWriter output, TextWriter errors)
    {
        var scenario = FileArgument<string>("scenario", "Scenario file (YAML), e.g. scenarios/guangdong-baseline.yaml");
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = $"A parameter to sweep, as in the scenario's 'parameters:' ({SweepGrid.Form}); give it once for a line, twice for a grid. " +
                          "Each value holds from the second quarter to the last, as a policy would, the first quarter being the scenario's calibrated start (a parameter that only sets up the start is set there), and replaces the scenario's scheduled changes of that parameter",
            Required = true,
        };
        var seeds = EnsembleOptions.Seeds(5, "Seeds per grid point, the same at every point (common random numbers)");
        var seed = new Option<ulong?>("--seed") { Description = "First seed [default: the scenario's]; the others follow it" }.Seed();
        var parallel = EnsembleOptions.Parallel();
        var shared = new SharedOptions("runs/<scenario>-sweep-<parameters>", "the scenario");
        var command = new Command("sweep", "Run a scenario over a grid of one or two parameters and write, per grid point, the median and 5-95% band of key metrics " +
                                           "at the middle and the end of the horizon: sweep.csv, report.html, plots/ (response curves), runs/, manifest.json")
        {
            scenario, parameters, seeds, seed, parallel,
        };
        shared.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            // The silo starts while the scenario is read; refused input stops it, having written nothing.
            await using var early = EarlyEmbeddedSilo.BeginFor(shared.EngineOf(result, cluster));
            return await Guarded(errors, cancellation, async () =>
            {
                var loaded = CommandInputs.LoadScenario(result.GetValue(scenario)!, errors, result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result));
                var grid = SweepGrid.TryParse(result.GetValue(parameters) ?? [], result.GetValue(seeds), out var problems);
                foreach (var problem in problems) errors.WriteLine($"error: {problem}");
                if (loaded is null || grid is null) return ExitCodes.BadInput;
                if (CommandInputs.FirstTicks(loaded, result.GetValue(shared.Ticks), errors) is not { } swept) return ExitCodes.BadInput;
                var settings = new SweepSettings(swept, grid, Experiment.ConsecutiveSeeds(result.GetValue(seed) ?? swept.World.Seed, result.GetValue(seeds)),
                    shared.OutputOf(result, cluster, result.GetValue(parallel)));
                return await PipelineCalls.RunAsync(async events => await new SweepPipeline(events).ExecuteAsync(settings, cancellation), output, errors);
            });
        });
        return command;
    }

    private static Command Validate(TextWriter output, TextWriter errors)
    {
        var files = FileArgument<string[]>("scenarios", "Scenario files (YAML) to check", ArgumentArity.OneOrMore);
        var root = SharedOptions.ScenarioRootOption();
        var limits = new LimitOptions();
        var command = new Command("validate", "Check scenario files whole, as 'run' would before tick 0, and list every error; writes nothing (exit code 2 if any file is invalid)") { files, root };
        limits.AddTo(command);
        command.SetAction(result =>
        {
            int code = ExitCodes.Ok;
            foreach (var file in result.GetValue(files)!)
            {
                if (CommandInputs.LoadScenario(file, errors, result.GetValue(root), limits.Read(result)) is not { } scenario) { code = ExitCodes.BadInput; continue; }
                var world = scenario.World;
                output.WriteLine($"ok: {file}: {scenario.Name}, {world.Start}..{world.PeriodOf(world.Ticks - 1)} ({world.Ticks} ticks), " +
                                 $"{world.ClusterCount} clusters, {world.Firms:N0} firms, {world.Timeline.Count} parameter changes, {world.Facilities.Count} facilities");
            }
            return code;
        });
        return command;
    }

    private static Command Inspect(TextWriter output, TextWriter errors)
    {
        var scenario = FileArgument<string>("scenario", "Scenario file (YAML), e.g. scenarios/guangdong-baseline.yaml");
        var entity = new Argument<string>("entity") { Description = $"The agent: {InspectTarget.Forms}" };
        var tick = new Option<int?>("--tick") { Description = "Pause the run after this many ticks (quarters) and read the state then [default: the whole scenario]" }.Within(1);
        var seed = new Option<ulong?>("--seed") { Description = "Random seed, overriding the scenario's (0 to 2^64-1)" }.Seed();
        var json = new Option<bool>("--json") { Description = "Write the state as JSON" };
        var shared = new SharedOptions("-", "the scenario");
        var command = new Command("inspect", "Run a scenario to a tick, pause it, and print one firm's, lab's, fund's or talent pool's state (writes no files)")
        {
            scenario, entity, tick, seed, shared.Engine, shared.FirmsPerShard, shared.Cluster, shared.ClusterCredentials, shared.ScenarioRoot, json,
        };
        shared.Limits.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            var settings = new InspectSettings(result.GetValue(scenario)!, result.GetValue(entity)!, result.GetValue(tick), result.GetValue(seed),
                shared.EngineOf(result, cluster), result.GetValue(json))
            { ScenarioRoot = result.GetValue(shared.ScenarioRoot), Limits = shared.Limits.Read(result) };
            return await Guarded(errors, cancellation, () => new InspectPipeline(output, errors).ExecuteAsync(settings, cancellation));
        });
        return command;
    }

    private static Command Reproduce(TextWriter output, TextWriter errors)
    {
        var manifest = FileArgument<string>("manifest", "manifest.json of a run, ensemble (run --seeds), compare, sweep, sensitivity, calibrate or check-model output, or that output's folder");
        var outPath = new Option<string?>("--out", "-o") { Description = "Folder for the reproduction [default: <the manifest's folder>-reproduced, or -reproduced-2, -3, ... when that exists]" };
        var shared = new SharedOptions("", "the scenario");
        var command = new Command("reproduce", "Run again what a run, ensemble, compare, sweep, sensitivity, calibrate or check-model manifest describes, into a new folder, and compare every data file (csv, parquet) byte for byte with the SHA-256s the manifest lists; exit 0 if all are identical, 3 if any differs, 2 for a bad manifest")
        {
            manifest, outPath, shared.Overwrite, shared.Cluster, shared.ClusterCredentials,
        };
        shared.Limits.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            var settings = new ReproduceSettings(result.GetValue(manifest)!, result.GetValue(outPath), cluster) { Overwrite = result.GetValue(shared.Overwrite), Limits = shared.Limits.Read(result) };
            return await Guarded(errors, cancellation, () => PipelineCalls.ReproduceAsync(settings, cancellation, output, errors));
        });
        return command;
    }

    /// <summary>Runs a command, turning Ctrl-C and unexpected failures into clean messages and exit codes.</summary>
    internal static async Task<int> Guarded(TextWriter errors, CancellationToken cancellation, Func<Task<int>> action)
    {
        try { return await action(); }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            errors.WriteLine("interrupted: nothing was written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("ECOSIM_DEBUG") is null)
        {
            errors.WriteLine($"error: the command failed and nothing was written: {e.GetBaseException().Message}");
            errors.WriteLine("(set ECOSIM_DEBUG=1 to see the stack trace)");
            return ExitCodes.Failed;
        }
    }

    /// <summary>An argument that names a file: a value that looks like an option and is no file is reported as an unknown option.</summary>
    internal static Argument<T> FileArgument<T>(string name, string description, ArgumentArity? arity = null)
    {
        var argument = new Argument<T>(name) { Description = description };
        if (arity is { } given) argument.Arity = given;
        UsageErrors.RefuseOptionLike(argument);
        return argument;
    }
}
