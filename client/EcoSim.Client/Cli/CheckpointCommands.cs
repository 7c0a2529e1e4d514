using System.CommandLine;
using EcoSim.Experiments;
using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Pipelines;
using EcoSim.Hosting;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// <c>ecosim resume CHECKPOINT</c> and <c>ecosim fork CHECKPOINT [POLICY] [--set NAME=VALUE]</c>: continue a run from a
/// checkpoint to the scenario's end under its own scenario or a changed one, writing what <c>run</c> writes (the
/// checkpoint's history first, so the files are the uninterrupted run's). Everything is checked, the whole checkpoint
/// read, before the output folder is begun.
/// </summary>
internal static class CheckpointCommands
{
    public static Command Resume(TextWriter output, TextWriter errors)
    {
        var checkpoint = CommandLine.FileArgument<string>("checkpoint", "A checkpoint file, e.g. runs/guangdong-baseline/checkpoints/2030Q1.ecosnap");
        var shared = new SharedOptions("runs/<scenario name>", "the scenario");
        var command = new Command("resume", "Continue a run from a checkpoint to the scenario's end (or --ticks) and write what the uninterrupted run writes: " +
                                            "the same metrics.csv and metrics.parquet, report.html, plots/, and a manifest.json that records the checkpoint and its run's manifest") { checkpoint };
        shared.AddTo(command);
        command.SetAction((result, cancellation) => Continue(result, shared, result.GetValue(checkpoint)!, null, [], output, errors, cancellation));
        return command;
    }

    public static Command Fork(TextWriter output, TextWriter errors)
    {
        var checkpoint = CommandLine.FileArgument<string>("checkpoint", "A checkpoint file, e.g. runs/guangdong-baseline/checkpoints/2030Q1.ecosnap");
        var policy = CommandLine.FileArgument<string?>("policy", "A scenario to continue under (YAML): the checkpoint's scenario with changes from the checkpoint's quarter on, e.g. one that extends it", ArgumentArity.ZeroOrOne);
        var set = new Option<string[]>("--set") { Description = $"Hold a parameter at a value from the checkpoint's quarter on: {ForkedScenario.Form} (may be given more than once)" };
        var shared = new SharedOptions("runs/<scenario name>", "the scenario");
        var command = new Command("fork", "Continue a run from a checkpoint under a changed scenario (a policy file and/or --set NAME=VALUE): the quarters before the checkpoint are the " +
                                          "checkpoint's; changes before its quarter, or of what only acts at the start (population, start, seed), are refused") { checkpoint, policy, set };
        shared.AddTo(command);
        command.SetAction((result, cancellation) =>
            Continue(result, shared, result.GetValue(checkpoint)!, result.GetValue(policy), result.GetValue(set) ?? [], output, errors, cancellation));
        return command;
    }

    private static async Task<int> Continue(ParseResult result, SharedOptions shared, string path, string? policy, IReadOnlyList<string> sets,
        TextWriter output, TextWriter errors, CancellationToken cancellation)
    {
        if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
        bool fork = result.CommandResult.Command.Name == "fork";
        return await CommandLine.Guarded(errors, cancellation, async () =>
        {
            var settings = ForkSettings(fork, policy, sets, errors);
            if (settings is null || CheckpointInputs.Open(path, errors) is not { } checkpoint) return ExitCodes.BadInput;
            var scenario = policy is null ? CheckpointInputs.RecordedScenario(checkpoint, shared.Limits.Read(result), errors)
                : CommandInputs.LoadScenario(policy, errors, result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result))?.WithSeed(checkpoint.World.Seed);
            if (scenario is null) return ExitCodes.BadInput;
            scenario = ForkedScenario.Apply(scenario, settings, checkpoint.World.Tick);
            if (CheckpointInputs.Horizon(scenario, checkpoint, result.GetValue(shared.Ticks), errors) is not { } run) return ExitCodes.BadInput;
            IReadOnlyList<string> changes = [.. policy is null ? [] : new[] { policy }, .. settings.Select(ForkedScenario.Describe)];
            string what = !fork ? "the checkpoint's own scenario" : policy is not null ? policy : $"the fork ({string.Join(", ", changes)})";
            if (CheckpointInputs.Load(checkpoint, run, what, changes, errors) is not { } start) return ExitCodes.BadInput;
            errors.WriteLine($"{(fork ? "forking" : "resuming")} {checkpoint.Path}: {checkpoint.World.Scenario.Name} from {checkpoint.World.Period} (after {checkpoint.World.Tick} ticks)" +
                             (fork ? $" under {run.Name}{(changes.Count > 0 ? $" ({string.Join(", ", changes)})" : "")}" : ""));
            var outputSettings = shared.OutputOf(result, cluster);
            var runSettings = new RunSettings(run, outputSettings) { Checkpoints = new Checkpointing(CheckpointSchedule.None, null, start) };
            return await PipelineCalls.RunAsync(async events => await new RunPipeline(events).ExecuteAsync(runSettings, cancellation), output, errors);
        });
    }

    // A fork changes the scenario by a policy file, settings, or both; a resume by neither.
    private static IReadOnlyList<(Model.Parameters.ParameterSpec Parameter, double Value)>? ForkSettings(bool fork, string? policy, IReadOnlyList<string> sets, TextWriter errors)
    {
        if (fork && policy is null && sets.Count == 0)
        {
            errors.WriteLine("error: fork needs a policy scenario file or --set NAME=VALUE (to continue unchanged, use 'ecosim resume')");
            return null;
        }
        var settings = ForkedScenario.TryParse(sets, out var problems);
        foreach (var problem in problems) errors.WriteLine($"error: {problem}");
        return settings;
    }
}
