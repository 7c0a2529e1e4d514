using EcoSim.Experiments.Output;
using EcoSim.Model.Snapshots;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>A checkpoint read and checked for a run, with what the run's manifest records of it.</summary>
/// <param name="Snapshot">The state, history and world of the checkpoint.</param>
/// <param name="Record">What the manifest records.</param>
public sealed record ResumePoint(LoadedSnapshot Snapshot, ResumedCheckpoint Record);

/// <summary>
/// What a single run was asked to do with checkpoints: write them after the ticks of <paramref name="Schedule"/>
/// to <paramref name="Folder"/> (null: <c>checkpoints/</c> in the output folder, so they are listed in its
/// manifest and moved with it), and start from <paramref name="Start"/> (null: tick 0).
/// </summary>
/// <param name="Schedule">When to write checkpoints.</param>
/// <param name="Folder">Where, or null for the output folder's <c>checkpoints/</c>.</param>
/// <param name="Start">The checkpoint to continue, or null.</param>
public sealed record Checkpointing(CheckpointSchedule Schedule, string? Folder, ResumePoint? Start)
{
    /// <summary>
    /// What a reproduction writes again of the checkpoints a manifest lists: those in the output folder's
    /// <c>checkpoints/</c>, at the same ticks (checkpoints written to a folder of one's own are not part of the output); null for none.
    /// </summary>
    public static Checkpointing? Recorded(IReadOnlyList<WrittenCheckpoint>? written)
    {
        var ticks = written?.Where(c => c.Path.StartsWith(CheckpointNames.DefaultFolder + "/", StringComparison.Ordinal)).Select(c => c.Tick).ToHashSet();
        return ticks is { Count: > 0 } ? new Checkpointing(new CheckpointSchedule(new SortedSet<int>(ticks)), null, null) : null;
    }

    /// <summary>The run's experiment and checkpoint folder, for a run of <paramref name="scenario"/> into <paramref name="output"/>.</summary>
    public CheckpointedRun Begin(Scenario scenario, RunOutputFolder output)
    {
        var sink = Schedule.IsEmpty ? null
            : Folder is null ? new CheckpointFolder(output.PathFor(CheckpointNames.DefaultFolder), CheckpointNames.DefaultFolder)
            : new CheckpointFolder(Folder, null);
        var member = Experiment.Single(scenario).Members[0] with { Checkpoints = RunCheckpoints.For(scenario, Start?.Snapshot, Schedule, sink) };
        return new CheckpointedRun(new Experiment([member]), sink, Start?.Record);
    }
}

/// <summary>A single run with checkpoints under way: its experiment, and what its manifest records once it is done.</summary>
/// <param name="Experiment">The run, as one member.</param>
/// <param name="Folder">Where its checkpoints go, or null when it writes none.</param>
/// <param name="ResumedFrom">The checkpoint it started from, or null.</param>
public sealed record CheckpointedRun(Experiment Experiment, CheckpointFolder? Folder, ResumedCheckpoint? ResumedFrom)
{
    /// <summary>The checkpoints written so far, or null when the run writes none.</summary>
    public IReadOnlyList<WrittenCheckpoint>? Written => Folder?.Written;
}
