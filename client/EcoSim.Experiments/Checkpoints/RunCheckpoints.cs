using EcoSim.Model.Snapshots;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>
/// What a run does with checkpoints: the snapshot it starts from (null: tick 0) and the checkpoints it writes
/// (after the ticks of <paramref name="Schedule"/>, to <paramref name="Sink"/>), recording
/// <paramref name="Scenario"/> in each. An engine that resumes yields the snapshot's history first, so the
/// run's output is the uninterrupted run's.
/// </summary>
/// <param name="Start">The snapshot to continue, read and checked against the run's world; null to start at tick 0.</param>
/// <param name="Schedule">When to write checkpoints.</param>
/// <param name="Sink">Where they go; null with an empty schedule.</param>
/// <param name="Scenario">The scenario each checkpoint records.</param>
public sealed record RunCheckpoints(LoadedSnapshot? Start, CheckpointSchedule Schedule, ICheckpointSink? Sink, ScenarioIdentity Scenario)
{
    /// <summary>
    /// Whether a run that can restart paces its stored restart points by their cost (<c>RestartPointPacer</c>) instead
    /// of storing one at every checkpoint of <see cref="Schedule"/>: for checkpoints taken often and kept in memory (the
    /// explorer's, at every pause and every few quarters of play), where storing each one too would cost a live run far
    /// more than the batch runs' budget.
    /// </summary>
    public bool PacedRestartPoints { get; init; }

    /// <summary>The plan for a run of <paramref name="scenario"/>.</summary>
    public static RunCheckpoints For(Scenario scenario, LoadedSnapshot? start, CheckpointSchedule schedule, ICheckpointSink? sink) =>
        new(start, schedule, sink, new ScenarioIdentity(scenario.Name, scenario.CombinedText, scenario.Sha256));
}
