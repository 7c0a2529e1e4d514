using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// Every parameter's value at each tick of one world, read once (<see cref="ParameterCatalog.Get"/> is a reflective
/// read) and kept with the world, so that the world record of each snapshot (<see cref="WorldHistory"/>) hashes a
/// parameter's values up to its tick without reading them again: a run checkpointed every 8 quarters read each of about
/// 90 parameters at every tick done for each of its 13 checkpoints, about 65,000 reflective reads, where once per tick
/// suffices, and only once for the ticks that share one set of parameters (docs/PERFORMANCE.md, section 32). Reflective
/// reads repeated that often also had each property's getter and its invoker compiled again by the JIT's second tier
/// during the run.
/// </summary>
internal sealed class ParameterTimeline
{
    // Keyed by reference, as WorldSpec.ParametersAt keys its schedule: a copy made with 'with' gets a table of its own.
    private static readonly ConditionalWeakTable<WorldSpec, ParameterTimeline> Tables = new();

    private readonly WorldSpec _spec;
    private readonly Lock _lock = new();
    // _values[p][t]: parameter p (in ParameterCatalog.All order) at tick t, for the ticks 0 to _ticks - 1 read so far.
    private double[][] _values;
    private int _ticks;
    // The parameters of tick _ticks - 1.
    private ModelParameters? _last;

    private ParameterTimeline(WorldSpec spec)
    {
        _spec = spec;
        _values = [.. ParameterCatalog.All.Select(_ => Array.Empty<double>())];
    }

    /// <summary>The table of <paramref name="spec"/>, made when first asked for.</summary>
    public static ParameterTimeline Of(WorldSpec spec) => Tables.GetValue(spec, s => new ParameterTimeline(s));

    /// <summary>
    /// SHA-256 of parameter <paramref name="parameter"/>'s values at ticks 0 to <paramref name="ticks"/> - 1, as a
    /// <see cref="PartWriter"/> writes them one after another (each double's bits, little-endian).
    /// </summary>
    public byte[] Sha256(int parameter, int ticks)
    {
        SnapshotFormat.RequireLittleEndian();
        lock (_lock)
        {
            Read(ticks);
            return SHA256.HashData(MemoryMarshal.AsBytes(_values[parameter].AsSpan(0, ticks)));
        }
    }

    // Reads every parameter at the ticks not read yet, up to `ticks`.
    private void Read(int ticks)
    {
        if (ticks <= _ticks) return;
        var all = ParameterCatalog.All;
        int capacity = Math.Max(ticks, Math.Min(2 * Math.Max(_ticks, 8), Math.Max(_spec.Ticks, ticks)));
        for (int p = 0; p < all.Count; p++)
            if (_values[p].Length < ticks) Array.Resize(ref _values[p], capacity);
        for (int t = _ticks; t < ticks; t++)
        {
            var parameters = _spec.ParametersAt(t);
            // The same parameters as the tick before (a world whose timeline changes nothing at t hands out one object):
            // the same values, copied rather than read again.
            bool same = t > 0 && ReferenceEquals(parameters, _last);
            for (int p = 0; p < all.Count; p++) _values[p][t] = same ? _values[p][t - 1] : ParameterCatalog.Get(parameters, all[p].Name);
            _last = parameters;
        }
        _ticks = ticks;
    }
}
