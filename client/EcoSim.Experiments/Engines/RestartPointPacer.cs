namespace EcoSim.Experiments.Engines;

/// <summary>
/// When a run that can restart hands its next checkpoint to the cluster's store (<see cref="StoredCheckpoints"/>).
/// With <see cref="RestartPolicy.CheckpointEvery"/> set, every so many quarters. Otherwise from what the checkpoints cost
/// this run: the next one is due once the run has spent, in its ticks since the last one, the last one's cost divided by
/// <see cref="RestartPolicy.CheckpointBudget"/>, so checkpoints never take more than that share of the
/// run's time, on a fast cluster or a slow one, for a small world or a large one. The price is what a restart repeats:
/// at most about <c>cost / budget</c> of ticks (for the baseline on this machine, a second or two), small beside the
/// time a cluster takes to declare a silo dead.
/// </summary>
/// <remarks>
/// A checkpoint's cost is the longer of the time it held the ticks up and the time from its start until the store held
/// its record: its writes overlap the next ticks, but on a machine whose cores the ticks already use they slow those
/// ticks down, so counting the whole span keeps the estimate on the safe side. Before the first checkpoint its cost is not known; it is taken to be <see cref="FirstCostInTicks"/> ticks of the run
/// (a measured figure, docs/PERFORMANCE.md section 13), so the first checkpoint too stays within the budget. The
/// quarters a paced run checkpoints at depend on timing, not on the model, so they differ between runs; the bytes of a
/// restarted run never do.
/// </remarks>
public sealed class RestartPointPacer
{
    /// <summary>
    /// What the first checkpoint is assumed to cost a run, in ticks of that run, before one is measured: a stored
    /// checkpoint of the baseline costs its whole run 2 to 4 ticks of CPU since each cluster's parts have one holder with
    /// kept buffers (docs/PERFORMANCE.md, section 13; 6 to 8 before), more than the time it holds the ticks up, since its
    /// encoding and writes share the cores with the ticks that follow. The upper end, so a 108-quarter run keeps a
    /// restart point (the first due after about 80 ticks' time at a 5% budget) and the first stays within the budget.
    /// </summary>
    public const double FirstCostInTicks = 4;

    private readonly int? _every;
    private readonly double _budget;
    private int _lastDone;
    private int _ticks;
    private TimeSpan _tickTime;
    private TimeSpan _sinceLast;
    private TimeSpan? _lastCost;

    /// <summary>A pacer for one run under <paramref name="policy"/>, which has taken <paramref name="done"/> ticks already (a resumed run).</summary>
    public RestartPointPacer(RestartPolicy policy, int done = 0)
    {
        if (policy.CheckpointBudget is not (> 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(policy), policy.CheckpointBudget, "the checkpoint budget is a share of the run's time, above 0 and below 1");
        (_every, _budget, _lastDone) = (policy.CheckpointEvery, policy.CheckpointBudget, done);
    }

    /// <summary>Counts a tick that took <paramref name="elapsed"/>.</summary>
    public void Ticked(TimeSpan elapsed)
    {
        _ticks++;
        _tickTime += elapsed;
        _sinceLast += elapsed;
    }

    /// <summary>
    /// Whether a checkpoint is due after <paramref name="done"/> ticks; <paramref name="lastStored"/> is how long the last
    /// checkpoint took from its start until the store held its record, if it is known by now.
    /// </summary>
    public bool Due(int done, TimeSpan? lastStored = null)
    {
        if (_every is int every) return every > 0 && done % every == 0;
        if (done <= _lastDone || _ticks == 0) return false;
        if (lastStored is { } stored && _lastCost is { } held && stored > held) _lastCost = stored;
        var cost = _lastCost ?? _tickTime / _ticks * FirstCostInTicks;
        return _sinceLast >= cost / _budget;
    }

    /// <summary>Counts a checkpoint taken after <paramref name="done"/> ticks that held the run up for <paramref name="cost"/>.</summary>
    public void Took(int done, TimeSpan cost)
    {
        (_lastDone, _lastCost, _sinceLast) = (done, cost, TimeSpan.Zero);
    }
}
