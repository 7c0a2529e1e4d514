using System.Globalization;
using EcoSim.Model.Time;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>
/// After which ticks a run writes a checkpoint, as counts of ticks done: a checkpoint "at 2030Q1" is the
/// state after the quarter before, from which a resumed run starts with 2030Q1. Made from
/// <c>--checkpoint-every N</c> (after N, 2N, ... quarters) and <c>--checkpoint-at PERIOD[,PERIOD...]</c>.
/// </summary>
/// <param name="Ticks">Ticks done at each checkpoint, from 1 to the run's ticks.</param>
public sealed record CheckpointSchedule(IReadOnlySet<int> Ticks)
{
    /// <summary>No checkpoints.</summary>
    public static CheckpointSchedule None { get; } = new(new SortedSet<int>());

    /// <summary>Whether the schedule writes no checkpoint.</summary>
    public bool IsEmpty => Ticks.Count == 0;

    /// <summary>
    /// The schedule of a run of <paramref name="world"/> checkpointing every <paramref name="every"/> quarters and
    /// at <paramref name="at"/> (periods, each one or a comma-separated list); null with every problem in
    /// <paramref name="problems"/> when a period does not parse or lies outside the run.
    /// </summary>
    public static CheckpointSchedule? TryParse(WorldSpec world, int? every, IReadOnlyList<string> at, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var ticks = new SortedSet<int>();
        if (every is int n)
        {
            if (n < 1) errors.Add($"--checkpoint-every {n}: the number of quarters between checkpoints must be at least 1");
            else for (int t = n; t <= world.Ticks; t += n) ticks.Add(t);
        }
        foreach (var text in at.SelectMany(a => a.Split(',', StringSplitOptions.TrimEntries)))
        {
            if (!Period.TryParse(text, out var period))
                errors.Add($"--checkpoint-at '{text}' is not a quarter such as 2030Q1");
            else if (period.QuartersSince(world.Start) is var tick && (tick < 1 || tick > world.Ticks))
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"--checkpoint-at {period} is outside the run: a checkpoint is taken at the start of a quarter from {world.PeriodOf(1)} to {world.PeriodOf(world.Ticks)}"));
            else ticks.Add(tick);
        }
        problems = errors;
        return errors.Count == 0 ? new CheckpointSchedule(ticks) : null;
    }
}
