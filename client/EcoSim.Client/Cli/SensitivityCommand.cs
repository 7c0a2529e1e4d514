using System.CommandLine;
using System.CommandLine.Invocation;
using EcoSim.Experiments;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Sensitivity;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary><c>ecosim sensitivity</c>: reads the design's inputs, refuses bad ones before anything is written, and hands the rest to <see cref="SensitivityPipeline"/>.</summary>
internal static class SensitivityCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var scenario = CommandLine.FileArgument<string>("scenario", "Scenario file (YAML), e.g. scenarios/guangdong-baseline.yaml");
        var method = new Option<string>("--method", "-m") { Description = "morris: elementary effects, a cheap screen; sobol: first-order and total Sobol indices from a Saltelli design", Required = true }
            .OneOf("morris", "sobol");
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = $"A parameter and the range it is drawn from uniformly ({SensitivityRange.Form}); give one --param per parameter, up to {SensitivityLimits.MaxParameters}. " +
                          "An explicit range must lie inside the catalogue's allowed range. Each value holds from the second quarter to the last, as in a sweep",
            Required = true,
        };
        var samples = new Option<int?>("--samples", "-N") { Description = "Morris: trajectories r [default: 10]; Sobol: base sample N, a power of two [default: 64]. Design points: r (k + 1) or N (k + 2) for k parameters" };
        var seeds = EnsembleOptions.Seeds(2, "Seeds at every design point, the same at each (common random numbers); a point's output is their mean");
        var seed = new Option<ulong?>("--seed") { Description = "First seed [default: the scenario's]; the others follow it. It also draws the design and the bootstrap" }.Seed();
        var outputs = new Option<string?>("--outputs") { Description = $"Outputs to explain, region metrics in a calendar year ({SensitivityOutput.Form}) [default: the key metrics in the last year]" };
        var policy = new Option<string?>("--policy") { Description = "A policy scenario file with the same horizon: every design point then runs the scenario and the policy with paired seeds, and each output is the policy's effect (policy minus scenario)" };
        var parallel = EnsembleOptions.Parallel();
        var list = new Option<bool>("--list-params")
        {
            Description = "Print every parameter's plausible range (what --param NAME alone samples), unit, default, allowed range and the range's source, as a Markdown table, and exit",
            Action = new ListParameters(output),
        };
        var shared = new SharedOptions("runs/<scenario>-sensitivity-<method>", "the scenario");
        var command = new Command("sensitivity", "Global sensitivity analysis of a scenario's outputs to its parameters (Morris or Sobol): indices.csv, design.csv, report.html, plots/ (tornado plots with 90% intervals), manifest.json")
        {
            scenario, method, parameters, samples, seeds, seed, outputs, policy, parallel, list,
        };
        shared.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            return await CommandLine.Guarded(errors, cancellation, async () =>
            {
                var (root, limits) = (result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result));
                var loaded = CommandInputs.LoadScenario(result.GetValue(scenario)!, errors, root, limits);
                var loadedPolicy = result.GetValue(policy) is { } policyPath ? CommandInputs.LoadScenario(policyPath, errors, root, limits) : null;
                bool policyOk = result.GetValue(policy) is null || loadedPolicy is not null;
                var chosen = SensitivityMethods.Parse(result.GetValue(method))!.Value;
                var ranges = SensitivityRange.TryParse(result.GetValue(parameters) ?? [], out var problems);
                foreach (var problem in problems) errors.WriteLine($"error: {problem}");
                int size = result.GetValue(samples) ?? SensitivityDesign.DefaultSize(chosen);
                bool sizeOk = true;
                if (SensitivityDesign.SizeProblem(chosen, size) is { } sizeProblem) { errors.WriteLine($"error: {sizeProblem}"); sizeOk = false; }
                if (loaded is null || ranges is null || !sizeOk || !policyOk) return ExitCodes.BadInput;
                Scenario? cutPolicy = null;
                if (loadedPolicy is not null)
                {
                    if (CommandInputs.Paired(loaded, loadedPolicy, errors, result.GetValue(shared.Ticks)) is not var (b, p)) return ExitCodes.BadInput;
                    (loaded, cutPolicy) = (b, p);
                }
                if (CommandInputs.FirstTicks(loaded, result.GetValue(shared.Ticks), errors) is not { } cut) return ExitCodes.BadInput;
                var explained = SensitivityOutput.TryParse(result.GetValue(outputs), cut.World, out problems);
                foreach (var problem in problems) errors.WriteLine($"error: {problem}");
                if (explained is null) return ExitCodes.BadInput;
                long runs = SensitivityDesign.PointCount(chosen, ranges.Count, size) * result.GetValue(seeds) * (cutPolicy is null ? 1 : 2);
                if (runs > SensitivitySettings.MaxRuns)
                {
                    errors.WriteLine($"error: the design would make {runs} runs ({SensitivityDesign.PointCount(chosen, ranges.Count, size)} points x {result.GetValue(seeds)} seeds{(cutPolicy is null ? "" : " x 2 scenarios")}); at most {SensitivitySettings.MaxRuns} are allowed: use fewer --samples, parameters or --seeds");
                    return ExitCodes.BadInput;
                }
                var runSeeds = Experiment.ConsecutiveSeeds(result.GetValue(seed) ?? cut.World.Seed, result.GetValue(seeds));
                var settings = new SensitivitySettings(cut, new SensitivityDesign(chosen, ranges, size, runSeeds[0]), explained, runSeeds,
                    shared.OutputOf(result, cluster, result.GetValue(parallel))) { Policy = cutPolicy };
                return await PipelineCalls.RunAsync(async events => await new SensitivityPipeline(events).ExecuteAsync(settings, cancellation), output, errors);
            });
        });
        return command;
    }

    /// <summary>
    /// <c>--list-params</c>: the catalogue's plausible ranges, the table of docs/SENSITIVITY.md section 9. It clears
    /// the parse errors, as --help does, so that it needs neither the scenario nor --method nor --param.
    /// </summary>
    private sealed class ListParameters(TextWriter output) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            output.Write(ParameterTable.PlausibleRangesMarkdown());
            return ExitCodes.Ok;
        }
    }
}
