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
        var cluster = new Option<string?>("--cluster") { Description = "Gateway of a running cluster, host:port (e.g. 127.0.0.1:30000, a silo started with 'dotnet run --project silo/EcoSim.Silo'); default: start an embedded silo in this process" };
        var noPlots = new Option<bool>("--no-plots") { Description = "Skip drawing plots" };

        var run = new Command("run", "Run a scenario and write metrics.csv, manifest.json and plots/*.png to the output folder")
        {
            scenario, outDir, seed, engine, shard, ticks, cluster, noPlots,
        };
        run.SetAction(async (result, cancellation) =>
        {
            EcoSimClusterOptions? gateway = null;
            if (result.GetValue(cluster) is { } text && !TryParseGateway(text, out gateway))
            {
                errors.WriteLine($"error: --cluster '{text}' is not host:port with an IP address and a port, e.g. 127.0.0.1:30000");
                return ExitCodes.BadInput;
            }
            var settings = new RunSettings(result.GetValue(scenario)!, result.GetValue(outDir), result.GetValue(seed), result.GetValue(engine)!,
                result.GetValue(shard), result.GetValue(ticks), gateway, !result.GetValue(noPlots));
            try { return await new RunPipeline(output, errors).ExecuteAsync(settings, cancellation); }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                errors.WriteLine("interrupted: nothing was written");
                return ExitCodes.Interrupted;
            }
            catch (Exception e) when (Environment.GetEnvironmentVariable("ECOSIM_DEBUG") is null)
            {
                errors.WriteLine($"error: the run failed and nothing was written: {e.GetBaseException().Message}");
                errors.WriteLine("(set ECOSIM_DEBUG=1 to see the stack trace)");
                return ExitCodes.Failed;
            }
        });

        return new RootCommand("EcoSim: simulate how Guangdong's innovation ecosystem responds to science-funding policy") { run };
    }

    private static bool TryParseGateway(string text, out EcoSimClusterOptions? options)
    {
        options = null;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !System.Net.IPAddress.TryParse(text[..colon], out _) || !int.TryParse(text[(colon + 1)..], out int port) || port is < 1 or > 65535) return false;
        options = new EcoSimClusterOptions { Address = text[..colon], GatewayPort = port };
        return true;
    }
}
