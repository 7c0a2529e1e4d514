using EcoSim.Client.Cli.Progress;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Pipelines;
using EcoSim.Experiments.Reproducing;

namespace EcoSim.Client.Cli;

/// <summary>
/// Calls the library's pipelines for the command line: their notes and progress go to standard error, what
/// they wrote is printed on standard output, and a refusal (of the output folder or the manifest) is an
/// <c>error:</c> line and exit code 2.
/// </summary>
internal static class PipelineCalls
{
    /// <summary>Events that write notes to <paramref name="errors"/> and show progress there.</summary>
    public static PipelineEvents Events(TextWriter errors) =>
        new(errors) { Progress = (runs, ticks) => ProgressDisplay.Start(errors, runs, ticks) };

    /// <summary>Runs <paramref name="pipeline"/> and prints what it wrote; returns the exit code (<see cref="ExitCodes.FactFailed"/> for a validation whose facts do not all hold).</summary>
    public static async Task<int> RunAsync(Func<PipelineEvents, Task<OutputOutcome>> pipeline, TextWriter output, TextWriter errors)
    {
        OutputOutcome outcome;
        try { outcome = await pipeline(Events(errors)); }
        catch (OutputRefusedException e) { return Refuse(errors, e.Message); }
        foreach (var line in OutcomeText.Lines(outcome)) output.WriteLine(line);
        return outcome is Experiments.Validation.CheckModelOutcome { AllHeld: false } ? ExitCodes.FactFailed : ExitCodes.Ok;
    }

    /// <summary>Reproduces a manifest, prints what was written and a verdict per file; 0 when every data file is identical, 3 when not.</summary>
    public static async Task<int> ReproduceAsync(ReproduceSettings settings, CancellationToken cancellation, TextWriter output, TextWriter errors)
    {
        ReproductionOutcome outcome;
        try { outcome = await new ReproducePipeline(Events(errors)).ExecuteAsync(settings, cancellation); }
        catch (ManifestProblem problem) { return Refuse(errors, problem.Describe(settings.ManifestPath)); }
        catch (OutputRefusedException e) { return Refuse(errors, e.Message); }
        foreach (var line in OutcomeText.Lines(outcome.Output)) output.WriteLine(line);
        output.WriteLine($"comparing {outcome.OutputPath} with the files {settings.ManifestPath} records:");
        foreach (var line in outcome.Verdict.Lines) output.WriteLine(line);
        return outcome.Verdict.Failures == 0 ? ExitCodes.Ok : ExitCodes.NotReproduced;
    }

    private static int Refuse(TextWriter errors, string message)
    {
        errors.WriteLine($"error: {message}");
        return ExitCodes.BadInput;
    }
}
