using System.CommandLine;
using System.CommandLine.Parsing;
using EcoSim.Grains.Abstractions;
using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>The <c>ecosim</c> command tree.</summary>
internal static class CommandLine
{
    public static RootCommand Build(TextWriter output, TextWriter errors)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario file (YAML), e.g. scenarios/guangdong-baseline.yaml" };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder [default: runs/<scenario name>]. Written whole at the end; an earlier EcoSim output there is replaced, any other folder is left alone" };
        var seed = new Option<ulong?>("--seed") { Description = "Random seed, overriding the scenario's (0 to 2^64-1)" };
        var engine = new Option<string>("--engine") { Description = "orleans: virtual actors on an embedded silo or --cluster; reference: the single-threaded reference engine", DefaultValueFactory = _ => "orleans" };
        engine.AcceptOnlyFromAmong("orleans", "reference");
        var shard = new Option<int>("--firms-per-shard") { Description = "Firms per shard grain (1 = one grain per firm); results do not depend on it", DefaultValueFactory = _ => RunLayout.DefaultFirmsPerShard };
        shard.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000) r.AddError("--firms-per-shard must be between 1 and 10000000"); });
        var ticks = new Option<int?>("--ticks") { Description = "Run only the first N ticks (quarters) of the scenario" };
        ticks.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--ticks must be at least 1"); });
        var cluster = new Option<string?>("--cluster") { Description = "A running cluster: the gateway host:port of one silo (e.g. 127.0.0.1:30000, a silo started with 'dotnet run --project silo/EcoSim.Silo'), or redis://host:port[/cluster-id] to find every gateway through the Redis membership table (e.g. what scripts/cluster.sh prints); default: start an embedded silo in this process" };
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip drawing plots" };

        var run = new Command("run", "Run a scenario and write metrics.csv, manifest.json and plots/*.png to the output folder")
        {
            scenario, outDir, seed, engine, shard, ticks, cluster, noPlots,
        };
        run.SetAction(async (result, cancellation) =>
        {
            EcoSimClusterOptions? gateway = null;
            if (result.GetValue(cluster) is { } text && !ClusterAddress.TryParse(text, out gateway))
            {
                errors.WriteLine($"error: --cluster '{text}' is not {ClusterAddress.Forms}");
                return ExitCodes.BadInput;
            }
            var settings = new RunSettings(result.GetValue(scenario)!, result.GetValue(outDir), result.GetValue(seed), result.GetValue(engine)!,
                result.GetValue(shard), result.GetValue(ticks), gateway, !result.GetValue(noPlots));
            return await Guarded(errors, cancellation, () => new RunPipeline(output, errors).ExecuteAsync(settings, cancellation));
        });

        return new RootCommand("EcoSim: simulate how Guangdong's innovation ecosystem responds to science-funding policy") { run, Compare(output, errors) };
    }

    private static Command Compare(TextWriter output, TextWriter errors)
    {
        var baseline = new Argument<string>("baseline") { Description = "Baseline scenario file, e.g. scenarios/guangdong-baseline.yaml" };
        var policy = new Argument<string>("policy") { Description = "Policy scenario file with the same horizon, e.g. scenarios/one-third-basic-research.yaml" };
        var seeds = new Option<int>("--seeds", "-n") { Description = "Paired seeds: each seed runs both scenarios (common random numbers)", DefaultValueFactory = _ => 10 };
        seeds.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000) r.AddError("--seeds must be between 1 and 10000"); });
        var seed = new Option<ulong?>("--seed") { Description = "First seed [default: the baseline's seed]; the others follow it" };
        var outDir = new Option<string?>("--out", "-o") { Description = "Output folder [default: runs/<policy>-vs-<baseline>]. Written whole at the end; an earlier EcoSim output there is replaced, any other folder is left alone" };
        var engine = new Option<string>("--engine") { Description = "orleans: virtual actors on an embedded silo or --cluster; reference: the single-threaded reference engine", DefaultValueFactory = _ => "orleans" };
        engine.AcceptOnlyFromAmong("orleans", "reference");
        var shard = new Option<int>("--firms-per-shard") { Description = "Firms per shard grain (1 = one grain per firm); results do not depend on it", DefaultValueFactory = _ => RunLayout.DefaultFirmsPerShard };
        shard.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000_000) r.AddError("--firms-per-shard must be between 1 and 10000000"); });
        var ticks = new Option<int?>("--ticks") { Description = "Run only the first N ticks (quarters) of the scenarios" };
        ticks.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--ticks must be at least 1"); });
        var cluster = new Option<string?>("--cluster") { Description = "Gateway of a running cluster, host:port (e.g. 127.0.0.1:30000); default: start an embedded silo in this process" };
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip drawing plots" };
        var parallel = new Option<int>("--parallel") { Description = "Runs in progress at once", DefaultValueFactory = _ => Math.Max(2, Environment.ProcessorCount) };
        parallel.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--parallel must be between 1 and 256"); });

        var command = new Command("compare", "Run a baseline and a policy scenario over paired seeds and report the policy's effect with 5-95% bands: findings.md, summary.csv, plots/, runs/, manifest.json")
        {
            baseline, policy, seeds, seed, outDir, engine, shard, ticks, cluster, noPlots, parallel,
        };
        command.SetAction(async (result, cancellation) =>
        {
            EcoSimClusterOptions? gateway = null;
            if (result.GetValue(cluster) is { } text && !ClusterAddress.TryParse(text, out gateway))
            {
                errors.WriteLine($"error: --cluster '{text}' is not {ClusterAddress.Forms}");
                return ExitCodes.BadInput;
            }
            var settings = new CompareSettings(result.GetValue(baseline)!, result.GetValue(policy)!, result.GetValue(seeds), result.GetValue(seed),
                result.GetValue(outDir), result.GetValue(engine)!, result.GetValue(shard), result.GetValue(ticks), gateway, !result.GetValue(noPlots), result.GetValue(parallel));
            return await Guarded(errors, cancellation, () => new ComparePipeline(output, errors).ExecuteAsync(settings, cancellation));
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
