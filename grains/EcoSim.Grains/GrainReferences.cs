namespace EcoSim.Grains;

/// <summary>
/// References to a run's grains of one kind, by number, each made once and kept. Orleans' <c>GetGrain</c>
/// resolves the interface's grain type through its attributes (reflection) on every call; made afresh for
/// every call of every tick, the references of a run's shards, labs, pools and funds cost about 5% of the CPU
/// of a comparison on the embedded silo, more than all the phases but the firms'. A reference is only an
/// address, so one kept from an earlier tick still reaches the grain, wherever it is activated.
/// </summary>
/// <param name="make">Makes the reference of grain number k (called once per k).</param>
/// <remarks>
/// Not thread-safe; it belongs to one grain activation, whose turns never run at the same time.
/// </remarks>
public sealed class GrainReferences<T>(Func<int, T> make) where T : class
{
    private T?[] _made = [];

    /// <summary>The reference of grain number <paramref name="k"/>.</summary>
    public T this[int k]
    {
        get
        {
            if (k >= _made.Length) Array.Resize(ref _made, Math.Max(k + 1, 2 * _made.Length));
            return _made[k] ??= make(k);
        }
    }
}
