using System.CommandLine;

namespace EcoSim.Client.Cli;

/// <summary>The <c>ecosim</c> command tree.</summary>
internal static class CommandLine
{
    public static RootCommand Build(TextWriter output, TextWriter errors) =>
        new("EcoSim: simulate how Guangdong's innovation ecosystem responds to science-funding policy") { Run(output, errors), Compare(output, errors), Validate(output, errors), Reproduce(output, errors) };

    private static Command Run(TextWriter output, TextWriter errors)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML), e.g. scenarios/guangdong-baseline.yaml" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed, overriding the scenario's (0 to 2^64-1)" };
        var shared = new SharedOptions("runs/<scenario name>", "the scenario");
        var command = new Command("run", "Run a scenario and write metrics.csv, manifest.json and plots/*.png to the output folder") { scenario, seed };
        shared.AddTo(command);
        var firmPanel = SharedOptions.FirmPanel();
        command.Options.Add(firmPanel.Panel);
        command.Options.Add(firmPanel.Every);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            var settings = new RunSettings(result.GetValue(scenario)!, result.GetValue(shared.Out), result.GetValue(seed), result.GetValue(shared.Engine)!,
                result.GetValue(shared.FirmsPerShard), result.GetValue(shared.Ticks), cluster, !result.GetValue(shared.NoPlots))
            { FirmPanelEvery = SharedOptions.FirmPanelEvery(result, firmPanel) };
            return await Guarded(errors, cancellation, () => new RunPipeline(output, errors).ExecuteAsync(settings, cancellation));
        });
        return command;
    }

    private static Command Compare(TextWriter output, TextWriter errors)
    {
        var baseline = new Argument<string>("baseline") { Description = "Baseline scenario file, e.g. scenarios/guangdong-baseline.yaml" };
        var policy = new Argument<string>("policy") { Description = "Policy scenario file with the same horizon, e.g. scenarios/one-third-basic-research.yaml" };
        var seeds = new Option<int>("--seeds", "-n") { Description = "Paired seeds: each seed runs both scenarios (common random numbers)", DefaultValueFactory = _ => 10 };
        seeds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000) r.AddError("--seeds must be between 1 and 10000"); });
        var seed = new Option<ulong?>("--seed") { Description = "First seed [default: the baseline's seed]; the others follow it" };
        var parallel = new Option<int>("--parallel") { Description = "Runs in progress at once", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--parallel must be between 1 and 256"); });
        var shared = new SharedOptions("runs/<policy>-vs-<baseline>", "the scenarios");
        var command = new Command("compare", "Run a baseline and a policy scenario over paired seeds and report the policy's effect with 5-95% bands: findings.md, summary.csv, plots/, runs/, manifest.json")
        {
            baseline, policy, seeds, seed, parallel,
        };
        shared.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            var settings = new CompareSettings(result.GetValue(baseline)!, result.GetValue(policy)!, result.GetValue(seeds), result.GetValue(seed),
                result.GetValue(shared.Out), result.GetValue(shared.Engine)!, result.GetValue(shared.FirmsPerShard), result.GetValue(shared.Ticks), cluster,
                !result.GetValue(shared.NoPlots), result.GetValue(parallel));
            return await Guarded(errors, cancellation, () => new ComparePipeline(output, errors).ExecuteAsync(settings, cancellation));
        });
        return command;
    }

    private static Command Validate(TextWriter output, TextWriter errors)
    {
        var files = new Argument<string[]>("scenarios") { Description = "Scenario files (YAML) to check", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files whole, as 'run' would before tick 0, and list every error; writes nothing (exit code 2 if any file is invalid)") { files };
        command.SetAction(result =>
        {
            int code = ExitCodes.Ok;
            foreach (var file in result.GetValue(files)!)
            {
                if (CommandInputs.LoadScenario(file, errors) is not { } scenario) { code = ExitCodes.BadInput; continue; }
                var world = scenario.World;
                output.WriteLine($"ok: {file}: {scenario.Name}, {world.Start}..{world.PeriodOf(world.Ticks - 1)} ({world.Ticks} ticks), " +
                                 $"{world.ClusterCount} clusters, {world.Firms:N0} firms, {world.Timeline.Count} parameter changes, {world.Facilities.Count} facilities");
            }
            return code;
        });
        return command;
    }

    private static Command Reproduce(TextWriter output, TextWriter errors)
    {
        var manifest = new Argument<string>("manifest") { Description = "manifest.json of a run or compare output folder" };
        var outPath = new Option<string?>("--out", "-o") { Description = "Folder for the reproduction [default: <the manifest's folder>-reproduced]" };
        var shared = new SharedOptions("", "the scenario");
        var command = new Command("reproduce", "Run again what a run or compare manifest describes, into a new folder, and compare every data file (csv, parquet) byte for byte with the SHA-256s the manifest lists; exit 0 if all are identical, 3 if any differs, 2 for a bad manifest")
        {
            manifest, outPath, shared.Cluster,
        };
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            var settings = new ReproduceSettings(result.GetValue(manifest)!, result.GetValue(outPath), cluster);
            return await Guarded(errors, cancellation, () => new ReproducePipeline(output, errors).ExecuteAsync(settings, cancellation));
        });
        return command;
    }

    /// <summary>Runs a command, turning Ctrl-C and unexpected failures into clean messages and exit codes.</summary>
    private static async Task<int> Guarded(TextWriter errors, CancellationToken cancellation, Func<Task<int>> action)
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
}
