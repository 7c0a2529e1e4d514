using System.CommandLine;
using EcoSim.Experiments;
using EcoSim.Experiments.Calibration;
using EcoSim.Experiments.Sensitivity;

namespace EcoSim.Client.Cli;

/// <summary><c>ecosim calibrate</c>: reads the calibration's inputs, refuses bad ones before anything is written, and hands the rest to <see cref="CalibrationPipeline"/>.</summary>
internal static class CalibrateCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var scenario = CommandLine.FileArgument<string>("scenario", "Scenario file (YAML), e.g. scenarios/guangdong-backcast-2016.yaml");
        var target = new Option<string>("--target", "-t")
        {
            Description = $"Observed series (CSV with the columns indicator, year, value, as in scenarios/data/guangdong-calibration.csv); indicators: {string.Join(", ", CalibrationIndicator.All.Select(i => i.Name))}",
            Required = true,
        };
        var parameters = new Option<string[]>("--param", "-p")
        {
            Description = $"A parameter to calibrate and its uniform prior ({SensitivityRange.Form}); one --param per parameter. Its value holds from the start of the run",
            Required = true,
        };
        var particles = new Option<int>("--particles") { Description = "Particles per generation", DefaultValueFactory = _ => 100 }.Within(2, CalibrationSettings.MaxParticles);
        var generations = new Option<int>("--generations") { Description = "Generations after the prior draw; each shrinks the tolerance to the median of the previous distances", DefaultValueFactory = _ => 5 }.Within(0, CalibrationSettings.MaxGenerations);
        var seeds = EnsembleOptions.Seeds(1, "Seeds every particle runs with, the same for each (common random numbers); its series is their mean");
        var seed = new Option<ulong?>("--seed") { Description = "First seed [default: the scenario's]; the others follow it. It also seeds the calibration's own draws" }.Seed();
        var parallel = EnsembleOptions.Parallel();
        var shared = new SharedOptions("runs/<scenario>-calibration", "the scenario");
        var command = new Command("calibrate", "Fit a scenario's parameters to observed series by ABC-SMC: fit.csv, posterior.csv, parameters.csv, generations.csv, calibrated/<scenario>-calibrated.yaml, report.html, plots/, manifest.json")
        {
            scenario, target, parameters, particles, generations, seeds, seed, parallel,
        };
        shared.AddTo(command);
        command.SetAction(async (result, cancellation) =>
        {
            if (!shared.TryReadCluster(result, errors, out var cluster)) return ExitCodes.BadInput;
            return await CommandLine.Guarded(errors, cancellation, async () =>
            {
                var (root, limits) = (result.GetValue(shared.ScenarioRoot), shared.Limits.Read(result));
                var loaded = CommandInputs.LoadScenario(result.GetValue(scenario)!, errors, root, limits);
                var ranges = SensitivityRange.TryParse(result.GetValue(parameters) ?? [], out var problems);
                foreach (var problem in problems) errors.WriteLine($"error: {problem}");
                if (loaded is null || ranges is null) return ExitCodes.BadInput;
                if (CommandInputs.FirstTicks(loaded, result.GetValue(shared.Ticks), errors) is not { } cut) return ExitCodes.BadInput;
                var scheduled = CalibrationSettings.Scheduled(cut, ranges);
                foreach (var problem in scheduled) errors.WriteLine($"error: {problem}");
                string targetPath = result.GetValue(target)!;
                var observed = CalibrationTarget.TryRead(targetPath, cut.World, out problems);
                foreach (var problem in problems) errors.WriteLine($"error: {problem}");
                if (observed is null || scheduled.Count > 0) return ExitCodes.BadInput;
                var runSeeds = Experiment.ConsecutiveSeeds(result.GetValue(seed) ?? cut.World.Seed, result.GetValue(seeds));
                var settings = new CalibrationSettings(cut, Path.GetFileName(targetPath), File.ReadAllLines(targetPath), observed, ranges,
                    new AbcSettings(result.GetValue(particles), result.GetValue(generations), runSeeds[0]), runSeeds,
                    shared.OutputOf(result, cluster, result.GetValue(parallel)));
                return await PipelineCalls.RunAsync(async events => await new CalibrationPipeline(events).ExecuteAsync(settings, cancellation), output, errors);
            });
        });
        return command;
    }
}
