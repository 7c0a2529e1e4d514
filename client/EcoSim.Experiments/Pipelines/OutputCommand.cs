using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Pipelines;

/// <summary>
/// The life every pipeline that writes an output folder shares: begin the folder (or refuse, having
/// touched nothing), open the engine, run the pipeline's experiment with its progress shown, and finish
/// with the report and the manifest before the folder moves into place. Pipelines fill in the middle.
/// </summary>
/// <param name="events">Where notes and progress go, and how the engine opens.</param>
internal sealed class OutputCommand(PipelineEvents events)
{
    /// <summary>Runs <paramref name="body"/> with the folder and the engine; returns what it wrote.</summary>
    /// <exception cref="OutputRefusedException">The output folder cannot be used; nothing was touched.</exception>
    public async Task<TOutcome> ExecuteAsync<TOutcome>(OutputSettings settings, string defaultPath, Func<OutputRun, Task<TOutcome>> body, CancellationToken cancellation)
    {
        RunTimeline.Mark("scenario read and validated; output folder next");
        using var folder = Begin(settings, defaultPath);
        var started = DateTime.UtcNow;
        var engine = await events.OpenAsync(settings, cancellation);
        RunTimeline.Mark($"engine open ({engine.Name})");
        try { return await body(new OutputRun(settings, folder, engine, started, events)); }
        finally
        {
            await engine.DisposeAsync();
            RunTimeline.Mark("engine closed");
        }
    }

    /// <summary>
    /// Starts the output folder asked for (<c>--out</c>), or <paramref name="defaultPath"/> (or its first free
    /// alternative) when none was asked.
    /// </summary>
    private RunOutputFolder Begin(OutputSettings settings, string defaultPath)
    {
        var mode = settings.OutputPath is null ? OutputMode.Fresh : settings.Overwrite ? OutputMode.Overwrite : OutputMode.Explicit;
        try { return RunOutputFolder.Begin(settings.OutputPath ?? defaultPath, mode, events.Notes); }
        catch (OutputFolderException e) { throw new OutputRefusedException(e.Message, e); }
    }
}

/// <summary>One pipeline's output in the making: its settings, working folder, engine and start time.</summary>
/// <param name="Settings">What was asked.</param>
/// <param name="Folder">The working folder.</param>
/// <param name="Engine">The open engine.</param>
/// <param name="Started">When the pipeline started.</param>
/// <param name="Events">Where notes and progress go.</param>
internal sealed record OutputRun(OutputSettings Settings, RunOutputFolder Folder, ISimulationEngine Engine, DateTime Started, PipelineEvents Events)
{
    // The engine as laid out for the experiment run last (ISimulationEngine.ForMembers), whose layout the manifest records.
    private ISimulationEngine? _laidOut;

    /// <summary>Runs <paramref name="experiment"/> into <paramref name="collector"/>, showing progress.</summary>
    public async Task RunAsync(Experiment experiment, IRunCollector collector, CancellationToken cancellation)
    {
        await using var progress = TimelineProgress.Around(Events.StartProgress(experiment.Members.Count, experiment.Ticks));
        await new ExperimentRunner(LayOut(experiment), Settings.Parallel, progress).RunAsync(experiment, collector, cancellation);
    }

    private ISimulationEngine LayOut(Experiment experiment) => _laidOut = Engine.ForMembers(experiment.Members.Count, Settings.Parallel, experiment.LargestWorld);

    /// <summary>
    /// As <see cref="RunAsync(Experiment, IRunCollector, CancellationToken)"/>, computing the quarters that the runs of each of
    /// <paramref name="pairs"/> share once (<see cref="SharedPrefixEngine"/>).
    /// </summary>
    public async Task RunAsync(Experiment experiment, IRunCollector collector, IReadOnlyList<SharedPrefixPair> pairs, CancellationToken cancellation)
    {
        await using var progress = TimelineProgress.Around(Events.StartProgress(experiment.Members.Count, experiment.Ticks));
        var laidOut = LayOut(experiment);
        var engine = pairs.Count == 0 ? laidOut : new SharedPrefixEngine(laidOut, pairs);
        await new ExperimentRunner(engine, Settings.Parallel, progress).RunAsync(experiment, collector, cancellation);
    }

    /// <summary>Writes one line of the notes.</summary>
    public void Note(string line) => Events.Notes.WriteLine(line);

    /// <summary>The Parquet files' provenance for runs of <paramref name="scenario"/> with <paramref name="seeds"/>.</summary>
    public ParquetProvenance Provenance(Scenario scenario, IReadOnlyList<ulong> seeds) =>
        new(scenario.Name, scenario.Sha256, seeds, Engine.Name, Settings.RecordedCodeVersion ?? RunEnvironment.CodeVersion);

    /// <summary>The date plot captions show (the recorded one in a reproduction).</summary>
    public DateTime PlotDate => RecordedOrigin.PlotDate(Settings.Origin, Started);

    /// <summary>Writes the report and the manifest of <paramref name="payload"/> (a kind's own keys; the rest is stamped here) and moves the folder into place.</summary>
    public Task CommitAsync(ManifestPayload payload, int ticks, Func<OutputManifest, HtmlReport> report, CancellationToken cancellation) =>
        OutputCompletion.CommitAsync(Folder, ManifestStamp.Of(payload, _laidOut ?? Engine, ticks, Started, Settings.Plots, Settings.CommandLine),
            m => report(RecordedOrigin.Shown(Settings.Origin, m)), cancellation);
}
