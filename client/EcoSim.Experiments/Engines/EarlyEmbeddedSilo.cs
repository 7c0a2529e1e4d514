using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// An embedded silo started before the command knows it will run anything, so that its start-up (about a second
/// and a half of a baseline run on two cores, mostly JIT) overlaps reading and validating the scenario and opening
/// the output folder. The command begins it first thing and disposes it last; <see cref="OrleansConnections.StartEmbeddedAsync"/>
/// in the same flow of the command (an <see cref="AsyncLocal{T}"/>, so two commands in one process never share
/// one) takes it over instead of starting another. One that is never taken over, because the scenario was refused or the
/// output folder could not be used, is stopped when disposed: it has written nothing, so bad input still exits with
/// nothing written.
/// </summary>
public sealed class EarlyEmbeddedSilo : IAsyncDisposable
{
    private static readonly AsyncLocal<EarlyEmbeddedSilo?> Current = new();

    private readonly CancellationTokenSource _stop = new();
    private readonly Task<IOrleansConnection> _starting;
    private int _taken;
    private volatile bool _handedOver;
    private readonly CancellationTokenSource _warmUpStop = new();
    private Task<int>? _warmUp;

    private EarlyEmbeddedSilo() =>
        _starting = Task.Run(() => OrleansConnections.StartNewEmbeddedAsync(_stop.Token));

    /// <summary>
    /// Begins an embedded silo when <paramref name="engine"/> will open one (the Orleans engine with no cluster named),
    /// else returns null; a later <see cref="OrleansConnections.StartEmbeddedAsync"/> in this flow takes it over.
    /// </summary>
    public static EarlyEmbeddedSilo? BeginFor(EngineChoice engine)
    {
        if (engine is not { Kind: EngineKind.Orleans, Cluster: null, AttachTo: null }) return null;
        var early = new EarlyEmbeddedSilo();
        Current.Value = early;
        return early;
    }

    /// <summary>
    /// Compiles the model's code for <paramref name="world"/> while the silo starts, on the core its start leaves idle
    /// (<see cref="ModelWarmUp"/>); once per silo, and only while it is still starting, since a started silo runs the world
    /// itself at once.
    /// </summary>
    public void WarmUp(WorldSpec world)
    {
        if (_warmUp is null && !_starting.IsCompleted) _warmUp = ModelWarmUp.Begin(world, _warmUpStop.Token);
    }

    /// <summary>The early silo of this flow, once: the caller then waits for it with <see cref="ReadyAsync"/>.</summary>
    internal static EarlyEmbeddedSilo? Take()
    {
        var early = Current.Value;
        return early is not null && Interlocked.Exchange(ref early._taken, 1) == 0 ? early : null;
    }

    /// <summary>The warm-up begun by <see cref="WarmUp"/>, if any (for tests: the quarters it stepped).</summary>
    internal Task<int>? WarmingUp => _warmUp;

    /// <summary>The start under way (for tests: whether it ended, and how).</summary>
    internal Task<IOrleansConnection> Starting => _starting;

    /// <summary>Waits for the silo to have started and hands it over: from then on the caller disposes it.</summary>
    internal async Task<IOrleansConnection> ReadyAsync(CancellationToken cancellation)
    {
        var connection = await _starting.WaitAsync(cancellation);
        _handedOver = true;
        return connection;
    }

    /// <summary>Stops the silo unless it was handed over (waiting for a start under way to end first).</summary>
    public ValueTask DisposeAsync()
    {
        // Not an async method, so that the flow which began the silo forgets it (an async method's changes to an
        // AsyncLocal end with it).
        if (Current.Value == this) Current.Value = null;
        Interlocked.Exchange(ref _taken, 1);
        return StopUnlessHandedOverAsync();
    }

    private async ValueTask StopUnlessHandedOverAsync()
    {
        // A warm-up still running ends with the command, never outlives it (it stops at its next quarter once cancelled).
        // (Its token source holds no timer, so it is left to the collector: a second dispose may still cancel it.)
        await _warmUpStop.CancelAsync();
        if (_warmUp is { } warmUp) await warmUp;
        if (_handedOver) return;
        await _stop.CancelAsync();
        try { await (await _starting).DisposeAsync(); }
        // A start cancelled or failed has nothing left to stop; its failure was (or would have been) the command's to report.
        catch (Exception) when (_starting.IsCanceled || _starting.IsFaulted) { }
        finally { _stop.Dispose(); }
    }
}
