using EcoSim.Experiments.Engines;

namespace EcoSim.Experiments.Pipelines;

/// <summary>Opens the engine a pipeline's settings ask for (tests put their own engine in its place).</summary>
public delegate Task<ISimulationEngine> EngineOpener(OutputSettings settings, CancellationToken cancellation);

/// <summary>Starts showing the progress of <paramref name="runs"/> runs of <paramref name="ticksPerRun"/> ticks each.</summary>
public delegate IRunProgress ProgressStarter(int runs, int ticksPerRun);

/// <summary>
/// Receives one experiment's progress events (from many threads at once, members running concurrently);
/// disposing it says the experiment has ended.
/// </summary>
public interface IRunProgress : IProgress<ExperimentProgress>, IAsyncDisposable;

/// <summary>
/// How a pipeline tells its caller what it does: one-line notes (what is run, what the output folder or
/// the engine did, what was adjusted and why) and its runs' progress, and how it opens the engine. The
/// caller decides where any of it is shown; a pipeline returns what it wrote as an outcome.
/// </summary>
/// <param name="Notes">Where the notes go, one line each.</param>
public sealed record PipelineEvents(TextWriter Notes)
{
    /// <summary>Starts a progress display per experiment, or null to show none.</summary>
    public ProgressStarter? Progress { get; init; }

    /// <summary>Opens the engine; null for the settings' own (the reference engine, an embedded silo or a remote cluster).</summary>
    public EngineOpener? OpenEngine { get; init; }

    /// <summary>Events that go nowhere: no notes, no progress.</summary>
    public static PipelineEvents Silent { get; } = new(TextWriter.Null);

    internal Task<ISimulationEngine> OpenAsync(OutputSettings settings, CancellationToken cancellation) =>
        OpenEngine?.Invoke(settings, cancellation) ?? settings.Engine.OpenAsync(cancellation, Notes);

    internal IRunProgress StartProgress(int runs, int ticksPerRun) => Progress?.Invoke(runs, ticksPerRun) ?? NoProgress.Instance;

    private sealed class NoProgress : IRunProgress
    {
        public static NoProgress Instance { get; } = new();
        public void Report(ExperimentProgress value) { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
