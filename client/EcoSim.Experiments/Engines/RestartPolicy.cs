namespace EcoSim.Experiments.Engines;

/// <summary>
/// How a run on a cluster survives the loss of a silo. Grain state lives in memory, so a dead silo
/// takes its grains' state with it: the run starts again under a new run id on the silos that are left, from
/// the newest checkpoint in the cluster's store (<see cref="StoredCheckpoints"/>, taken as often as
/// <see cref="CheckpointBudget"/> allows or every <see cref="CheckpointEvery"/> quarters, or at the run's own checkpoints when it writes some), else from tick 0. The model is deterministic, so
/// the bytes do not change.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included.</param>
/// <param name="SettleTimeout">How long to wait, after a silo stopped answering, for the cluster to declare it dead
/// (so that new grains are not placed on it) before trying again anyway.</param>
/// <param name="PollInterval">How often to ask the cluster for its active silos while a call or the restart waits.</param>
/// <param name="Log">Where the message about a restart goes.</param>
public sealed record RestartPolicy(int MaxAttempts, TimeSpan SettleTimeout, TimeSpan PollInterval, TextWriter Log)
{
    /// <summary>
    /// Quarters between the checkpoints a run that can restart keeps to restart from, when it writes no checkpoints of its
    /// own (0: none). Null, the default: paced by what they cost (<see cref="RestartPointPacer"/>), within
    /// <see cref="CheckpointBudget"/> of the run's time.
    /// </summary>
    public int? CheckpointEvery { get; init; }

    /// <summary>The share of a run's time its restart checkpoints may take when they are paced (5%).</summary>
    public double CheckpointBudget { get; init; } = 0.05;

    /// <summary>Whether a run under this policy can start again at all (and so keeps snapshots to start from).</summary>
    public bool Restarts => MaxAttempts > 1;

    /// <summary>Three attempts; Orleans declares a killed silo dead after about 20 s, so wait up to 60 s for that. Restarts are told nowhere: name a log with <c>with { Log = ... }</c>.</summary>
    public static RestartPolicy Default => new(3, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2), TextWriter.Null);

    /// <summary>
    /// One attempt: an embedded silo lives and dies with this process, so there is no other silo to start
    /// again on, and a failure is the run's own.
    /// </summary>
    public static RestartPolicy Embedded => Default with { MaxAttempts = 1 };
}
