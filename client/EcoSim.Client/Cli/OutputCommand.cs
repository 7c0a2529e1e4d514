using EcoSim.Client.Cli.Progress;
using EcoSim.Experiments;
using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>Opens the engine a command's settings ask for (tests put their own engine in its place).</summary>
internal delegate Task<ISimulationEngine> EngineOpener(OutputSettings settings, CancellationToken cancellation);

/// <summary>
/// The life every command that writes an output folder shares: begin the folder (or say why not, having
/// touched nothing), open the engine, run the command's experiment with a progress display, and finish
/// with the report and the manifest before the folder moves into place. Commands fill in the middle.
/// </summary>
internal sealed class OutputCommand(TextWriter errors, EngineOpener? openEngine)
{
    /// <summary>Runs <paramref name="body"/> with the folder and the engine; returns the command's exit code.</summary>
    public async Task<int> ExecuteAsync(OutputSettings settings, string defaultPath, Func<OutputRun, Task> body, CancellationToken cancellation)
    {
        if (CommandInputs.BeginOutput(settings.OutputPath, defaultPath, settings.Overwrite, errors) is not { } folder) return ExitCodes.BadInput;
        using (folder)
        {
            var started = DateTime.UtcNow;
            await using var engine = await (openEngine ?? ((s, c) => s.Engine.OpenAsync(c, errors)))(settings, cancellation);
            await body(new OutputRun(settings, folder, engine, started, errors));
        }
        return ExitCodes.Ok;
    }
}

/// <summary>One command's output in the making: its settings, working folder, engine and start time.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Folder">The working folder.</param>
/// <param name="Engine">The open engine.</param>
/// <param name="Started">When the command started.</param>
/// <param name="Errors">Where notes and progress go.</param>
internal sealed record OutputRun(OutputSettings Settings, RunOutputFolder Folder, ISimulationEngine Engine, DateTime Started, TextWriter Errors)
{
    /// <summary>Runs <paramref name="experiment"/> into <paramref name="collector"/>, showing progress.</summary>
    public async Task RunAsync(Experiment experiment, IRunCollector collector, CancellationToken cancellation)
    {
        await using var progress = ProgressDisplay.Start(Errors, experiment.Members.Count, experiment.Ticks);
        await new ExperimentRunner(Engine, Settings.Parallel, progress).RunAsync(experiment, collector, cancellation);
    }

    /// <summary>The Parquet files' provenance for runs of <paramref name="scenario"/> with <paramref name="seeds"/>.</summary>
    public ParquetProvenance Provenance(Scenario scenario, IReadOnlyList<ulong> seeds) =>
        new(scenario.Name, scenario.Sha256, seeds, Engine.Name, Settings.RecordedCodeVersion ?? RunEnvironment.CodeVersion);

    /// <summary>The date plot captions show (the recorded one in a reproduction).</summary>
    public DateTime PlotDate => RecordedOrigin.PlotDate(Settings.Origin, Started);

    /// <summary>Writes the report and the manifest of <paramref name="payload"/> (a kind's own keys; the rest is stamped here) and moves the folder into place.</summary>
    public Task CommitAsync(ManifestPayload payload, int ticks, Func<OutputManifest, HtmlReport> report, CancellationToken cancellation) =>
        OutputCompletion.CommitAsync(Folder, ManifestStamp.Of(payload, Engine, ticks, Started, Settings.Plots),
            m => report(RecordedOrigin.Shown(Settings.Origin, m)), cancellation);
}
