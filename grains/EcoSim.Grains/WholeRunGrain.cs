using System.Diagnostics;
using EcoSim.Grains.Abstractions;
using EcoSim.Grains.Abstractions.Telemetry;
using EcoSim.Model.Engine;
using EcoSim.Model.Snapshots;
using Orleans.Placement;

namespace EcoSim.Grains;

/// <summary>
/// One ensemble member run whole in this activation by the model's <see cref="ReferenceRun"/>. Placed on the silo with
/// the fewest activations of its kind, so the members of an ensemble spread over the cluster, one core each.
/// </summary>
[ActivationCountBasedPlacement]
public sealed class WholeRunGrain : Grain, IWholeRunGrain
{
    private ReferenceRun? _run;

    // A run missing here was lost with the activation that held it (its silo died, and this activation took the call).
    private ReferenceRun Run => _run ?? throw new WholeRunLostException($"whole run '{this.GetPrimaryKeyString()}' is not held here: its activation was lost with its silo, or it was stopped");

    /// <inheritdoc/>
    public Task Start(WholeRunStart start)
    {
        if (_run is not null) throw new InvalidOperationException($"whole run '{this.GetPrimaryKeyString()}' was already started");
        LoadedSnapshot? snapshot = null;
        if (start.Snapshot is { } bytes)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            snapshot = RunSnapshot.Read(stream, start.World);
        }
        _run = new ReferenceRun(start.World, snapshot, start.Exits, start.KeepHistory);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<WholeRunBatch> Step(int ticks, bool census)
    {
        var run = Run;
        int last = Math.Min(run.Tick + Math.Max(1, ticks), run.Ticks);
        var done = new List<TickRows>(last - run.Tick);
        while (run.Tick < last)
        {
            long started = Stopwatch.GetTimestamp();
            double firms = run.Firms;
            var outcome = run.Step();
            EcoSimInstruments.TickDone("orleans", (long)firms, Stopwatch.GetElapsedTime(started));
            done.Add(new TickRows(outcome.Tick, outcome.Rows));
        }
        return Task.FromResult(new WholeRunBatch(done, census ? run.Census() : null));
    }

    /// <inheritdoc/>
    public Task<byte[]> Snapshot(ScenarioIdentity scenario)
    {
        // Taken in place: the grain writes it before its next call.
        var taken = Run.Capture(scenario, 0, out _);
        using var buffer = new MemoryStream();
        taken.WriteTo(buffer);
        return Task.FromResult(buffer.ToArray());
    }

    /// <inheritdoc/>
    public Task Stop()
    {
        _run = null;
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
