using EcoSim.Grains.Abstractions;

namespace EcoSim.Grains.Placement;

/// <summary>
/// Which of <c>n</c> silos a grain of a run belongs on, from its key alone. Grains of cluster
/// <c>c</c> of a run go to silo <c>(h + 1 + c) mod n</c>, and the run's own grains (run, world,
/// policy, funds) to silo <c>h mod n</c>, where <c>h</c> is a hash of the run id that is the same in
/// every process. So a cluster's shards and labs sit with their cluster grain (their calls stay in
/// the silo), a run's clusters are spread evenly over the silos, and concurrent runs start at
/// different silos.
/// </summary>
public static class RunAffinity
{
    /// <summary>The index, in <c>[0, silos)</c>, of the silo for the grain with key <paramref name="key"/>.</summary>
    public static int SiloIndex(string key, int silos)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(silos, 1);
        string run = GrainKeys.RunOf(key);
        uint offset = GrainKeys.TryNumber(key, 'c') is int cluster ? 1u + (uint)cluster : 0u;
        return (int)((StableHash.ComputeHash(run) + offset) % (uint)silos);
    }
}
