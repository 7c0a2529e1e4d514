namespace EcoSim.Experiments;

/// <summary>What a progress event reports.</summary>
public enum ProgressStep
{
    /// <summary>One tick of one member is done.</summary>
    TickDone,
    /// <summary>One member is done and its results collected.</summary>
    RunDone,
}

/// <summary>
/// One step of an experiment, reported to the runner's <see cref="IProgress{T}"/> on the thread that made
/// it, members running concurrently: a display counts them, a test records them.
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Step">What is done.</param>
/// <param name="Tick">The tick just done (for <see cref="ProgressStep.RunDone"/>, the member's last).</param>
public readonly record struct ExperimentProgress(ExperimentMember Member, ProgressStep Step, int Tick);
