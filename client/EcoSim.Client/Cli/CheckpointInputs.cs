using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Output;
using EcoSim.Model.Snapshots;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// The checks <c>resume</c> and <c>fork</c> make before anything runs, each reporting its errors as "error: ..."
/// lines: the checkpoint opened, the scenario it continues under, the horizon, and the whole checkpoint read and
/// checked against that scenario, so that a bad checkpoint is refused with nothing written.
/// </summary>
internal static class CheckpointInputs
{
    /// <summary>Opens the checkpoint at <paramref name="path"/>; null (and the error) when it cannot be read or its header or world part is wrong.</summary>
    public static CheckpointFile? Open(string path, TextWriter errors)
    {
        try { return CheckpointFile.Open(path); }
        catch (SnapshotException e) { errors.WriteLine($"error: {path}: {e.Message}"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { errors.WriteLine($"error: {path}: cannot be read: {e.Message}"); }
        return null;
    }

    /// <summary>
    /// The scenario the checkpoint was written by, rebuilt from the text it records, with its seed, checked against
    /// <paramref name="limits"/>; null (and the error) when it does not load.
    /// </summary>
    public static Scenario? RecordedScenario(CheckpointFile checkpoint, ScenarioLimits? limits, TextWriter errors)
    {
        try { return checkpoint.RecordedScenario(limits); }
        catch (ManifestProblem e)
        {
            errors.WriteLine($"error: {checkpoint.Path}: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// <paramref name="scenario"/> cut to <paramref name="ticks"/> (its end when null), checked to go past the checkpoint's
    /// quarter; null (and the error) when it does not.
    /// </summary>
    public static Scenario? Horizon(Scenario scenario, CheckpointFile checkpoint, int? ticks, TextWriter errors)
    {
        if (CommandInputs.FirstTicks(scenario, ticks, errors) is not { } cut) return null;
        if (cut.World.Ticks > checkpoint.World.Tick) return cut;
        errors.WriteLine($"error: {checkpoint.Path} is at {checkpoint.World.Period} (after {checkpoint.World.Tick} ticks) and the run ends with " +
                         $"{cut.World.PeriodOf(cut.World.Ticks - 1)} ({cut.World.Ticks} ticks): nothing is left to run; give --ticks more than {checkpoint.World.Tick}");
        return null;
    }

    /// <summary>
    /// The whole checkpoint read for a run of <paramref name="scenario"/> (<paramref name="what"/> in messages), with what the
    /// manifest records (<paramref name="fork"/>: the fork's changes); null (and the error, naming the part or the difference) when it is refused.
    /// </summary>
    public static ResumePoint? Load(CheckpointFile checkpoint, Scenario scenario, string what, IReadOnlyList<string> fork, TextWriter errors)
    {
        try { return new ResumePoint(checkpoint.Load(scenario.World), checkpoint.Record(fork)); }
        catch (SnapshotException e) { errors.WriteLine($"error: {checkpoint.Path}: {e.Message}"); }
        catch (SnapshotMismatchException e) { errors.WriteLine($"error: {what} cannot continue {checkpoint.Path}: {e.Message}"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { errors.WriteLine($"error: {checkpoint.Path}: cannot be read: {e.Message}"); }
        return null;
    }
}
