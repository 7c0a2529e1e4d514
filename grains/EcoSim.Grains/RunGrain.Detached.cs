using EcoSim.Grains.Abstractions;
using EcoSim.Model.World;

namespace EcoSim.Grains;

// A run driven on the server: the run grain's own timer runs one tick per turn, so a client may leave and come back.
public sealed partial class RunGrain
{
    // Observers wait at most this long per call, well within Orleans' response timeout.
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(20);
    private DetachedRun? _detached;
    private IGrainTimer? _driver;
    // Set once the run is released for want of observers: the rows are gone, the fact stays until this activation is collected.
    private bool _released;

    private DetachedRunOptions Detaching => detachedOptions.Value;

    /// <inheritdoc/>
    public async Task Detach(WorldSpec world, RunLayout layout, DetachedRunSpec spec)
    {
        if (_detached is not null || _released) throw new InvalidOperationException($"run '{RunId}' was already detached");
        if (world.Ticks > Detaching.MaxTicks)
        {
            DeactivateOnIdle();
            throw new ArgumentOutOfRangeException(nameof(world), world.Ticks, $"a run driven on the server has at most {Detaching.MaxTicks} ticks (it keeps the rows of every tick); this one has {world.Ticks}");
        }
        await Start(world, layout);
        _detached = new DetachedRun(spec with { World = world });
        // One tick per turn, each treated as a grain call (observers interleave, other calls wait for the tick to end);
        // KeepAlive keeps the activation from being collected while it works and until it is released.
        _driver = this.RegisterGrainTimer(DriveAsync, new GrainTimerCreationOptions(TimeSpan.Zero, TimeSpan.FromMilliseconds(1)) { KeepAlive = true });
    }

    // One turn of the timer: the next tick while there is one, then (slowly) a check whether nobody wants the rows any more.
    private async Task DriveAsync(CancellationToken cancellation)
    {
        if (_detached is not { } detached) return;
        if (detached.State != DetachedRunState.Running)
        {
            if (detached.Orphaned(Detaching.OrphanTimeout)) Release();
            return;
        }
        try
        {
            detached.Add(await RunTick());
            if (detached.Done < detached.Spec.World.Ticks) return;
            detached.End(null);
        }
        catch (Exception e)
        {
            detached.End($"tick {detached.Done + 1} failed: {e.GetBaseException().Message}");
        }
        // The rows are all an observer needs now: the workers go at once, this grain when nobody has looked for a while.
        await ReleaseWorkers();
        var check = Detaching.OrphanTimeout / 10 is var tenth && tenth < TimeSpan.FromSeconds(30) ? tenth : TimeSpan.FromSeconds(30);
        _driver?.Change(check, check);
    }

    // Drops a finished run nobody observes (its workers went when it ended), keeping only the fact: without the timer's
    // keep-alive, the activation is collected once no call has reached it for the silo's grain age.
    private void Release()
    {
        _driver?.Dispose();
        _driver = null;
        _detached = null;
        _released = true;
    }

    /// <inheritdoc/>
    public async Task<RunObservation> Observe(int fromTick, TimeSpan wait)
    {
        if (_released) return RunObservation.Released(Detaching.OrphanTimeout);
        if (_detached is not { } detached)
        {
            // A call to an id that names no detached run must not leave an empty activation behind.
            if (_run is null) DeactivateOnIdle();
            return RunObservation.Unknown(Detaching.OrphanTimeout);
        }
        detached.Seen();
        if (detached.Done <= fromTick && detached.State == DetachedRunState.Running)
        {
            var longest = wait < LongestWait ? wait : LongestWait;
            if (longest > TimeSpan.Zero) await Task.WhenAny(detached.Changed, Task.Delay(longest));
        }
        detached.Seen();
        return detached.After(fromTick, Detaching.OrphanTimeout);
    }

    /// <inheritdoc/>
    public Task<DetachedRunSpec?> Describe()
    {
        if (_detached is null && _run is null && !_released) DeactivateOnIdle();
        return Task.FromResult(_detached?.Spec);
    }
}
