using System.CommandLine;
using EcoSim.Experiments.Validation;
using EcoSim.Experiments.Validation.Backcast;

namespace EcoSim.Client.Cli;

/// <summary><c>ecosim check-model</c>: reads the scenario and the options, refuses bad ones before anything is written, and hands the rest to <see cref="CheckModelPipeline"/>.</summary>
internal static class CheckModelCommand
{
    /// <summary>The scenario validated when none is named.</summary>
    public const string DefaultScenario = "scenarios/guangdong-baseline.yaml";

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var scenario = new Argument<string>("scenario") { Description = $"Scenario file (YAML), at least 20 years long [default: {DefaultScenario}]", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => DefaultScenario };
        var quick = new Option<bool>("--quick") { Description = $"A quick screen: 4 parameters, 4 trajectories, the first {ValidationScreen.QuickTicks / 4} years (20 runs) instead of 8 parameters, 10 trajectories and the whole horizon (90 runs); the facts are the same" };
        var seed = new Option<ulong?>("--seed") { Description = "Seed of the facts' run, the screen's runs and its design [default: the scenario's]" }.Seed();
        var backcast = new Option<string>("--backcast") { Description = $"The back-cast scenario checked against observed series [default: {BackcastCheck.DefaultScenarioFile} beside the scenario]" };
        var backcastTarget = new Option<string>("--backcast-target") { Description = $"The observed series the back-cast must follow (indicator,year,value) [default: {BackcastCheck.DefaultTargetFile} beside the scenario]" };
        var noBackcast = new Option<bool>("--no-backcast") { Description = "Check no back-cast (the facts and the screen only)" };
        var parallel = EnsembleOptions.Parallel();
        var shared = new SharedOptions("runs/<scenario>-check-model[-quick]", "the scenario");
        var command = new Command("check-model",
            "Validate the model: check the stylized facts of the firm population on a 20-year run (each statistic against the literature's band, with its source and a plot), the 2016-2024 back-cast against the observed series (RMSPE per series, year by year) and screen the key outputs by Morris; " +
            $"writes facts.csv, backcast.csv, backcast-fit.csv, screen-indices.csv, screen-design.csv, plots/, report.html, manifest.json. Exit {ExitCodes.FactFailed} when a fact or the back-cast fails")
        {
            scenario, quick, seed, backcast, backcastTarget, noBackcast, parallel,
        };
        shared.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            if (result.GetValue(shared.Ticks) is not null)
            {
                errors.WriteLine($"error: check-model takes no --ticks: the facts are measured on {ValidationHistory.Ticks} ticks, the screen on the whole horizon (or {ValidationScreen.QuickTicks} ticks with --quick)");
                return ExitCodes.BadInput;
            }
            return await CommandLine.Guarded(errors, cancellation, async () =>
            {
                if (CommandInputs.LoadScenario(result.GetValue(scenario)!, errors, result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result)) is not { } loaded) return ExitCodes.BadInput;
                if (loaded.World.Ticks < ValidationHistory.Ticks)
                {
                    errors.WriteLine($"error: {result.GetValue(scenario)}: the stylized facts need {ValidationHistory.Ticks} ticks (20 years); {loaded.Name} has {loaded.World.Ticks} ({loaded.World.Start}..{loaded.World.PeriodOf(loaded.World.Ticks - 1)})");
                    return ExitCodes.BadInput;
                }
                BackcastCheck? check = null;
                if (!result.GetValue(noBackcast))
                {
                    string folder = Path.GetDirectoryName(Path.GetFullPath(result.GetValue(scenario)!)) ?? ".";
                    string backcastPath = result.GetValue(backcast) ?? Path.Combine(folder, BackcastCheck.DefaultScenarioFile);
                    string targetPath = result.GetValue(backcastTarget) ?? Path.Combine(folder, BackcastCheck.DefaultTargetFile);
                    if (!File.Exists(targetPath))
                    {
                        errors.WriteLine($"error: --backcast-target {targetPath}: no such file; name the observed series with --backcast-target FILE, or check no back-cast with --no-backcast");
                        return ExitCodes.BadInput;
                    }
                    if (CommandInputs.LoadScenario(backcastPath, errors, result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result)) is not { } backcastScenario) return ExitCodes.BadInput;
                    check = BackcastCheck.TryCreate(backcastScenario, targetPath, File.ReadAllLines(targetPath), out var problems);
                    foreach (var problem in problems) errors.WriteLine($"error: --backcast-target {problem}");
                    if (check is null) return ExitCodes.BadInput;
                }
                var settings = new CheckModelSettings(loaded, result.GetValue(seed) ?? loaded.World.Seed, result.GetValue(quick), shared.OutputOf(result, cluster, result.GetValue(parallel)))
                {
                    Backcast = check,
                };
                return await PipelineCalls.RunAsync(async events => await new CheckModelPipeline(events).ExecuteAsync(settings, cancellation), output, errors);
            });
        });
        return command;
    }
}
