using EcoSim.Model.Engine;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Engines;

/// <summary>
/// Compiles the model's code on a core the embedded silo's start leaves idle. An embedded silo takes about half a second to
/// start, mostly on one core (the host, its services and Orleans' types, loaded and compiled one after another), and only
/// then does the run build its population and step its first quarter, where every function of the model is compiled on
/// first use: the firm kernels at full optimisation, which is the largest single piece of the JIT's work in a short run.
/// So while the silo starts, the reference engine steps a copy of the run's own world with a handful of firms a cluster
/// for two quarters, on the thread pool: the same functions at the same lane width, so the run's grains find them
/// compiled (docs/PERFORMANCE.md, section 29). Nothing of the copy is kept or written, and the model holds no state
/// between runs, so the run's bytes do not change. Best effort: a warm-up that fails or is cut short only leaves the
/// compiling to the run, where it happened before.
/// </summary>
internal static class ModelWarmUp
{
    /// <summary>Firms a cluster in the copy: enough for full lanes, a short last group and entrants.</summary>
    private const int FirmsPerCluster = 24;

    /// <summary>Quarters the copy runs: the first compiles every phase, the second the paths of firms that entered or exited.</summary>
    private const int Quarters = 2;

    /// <summary>
    /// Starts the warm-up for <paramref name="world"/> on the thread pool; the task never fails, and gives the quarters the
    /// copy stepped (none when the copy could not be built or the warm-up was cancelled first).
    /// </summary>
    public static Task<int> Begin(WorldSpec world, CancellationToken cancellation) => Task.Run(() =>
    {
        try
        {
            int quarters = Math.Min(Quarters, world.Ticks);
            var engine = new ReferenceEngine(world with { Firms = FirmsPerCluster * world.ClusterCount, Ticks = quarters });
            while (engine.Tick < quarters && !cancellation.IsCancellationRequested) engine.Step();
            return engine.Tick;
        }
        catch (Exception e) when (e is not OutOfMemoryException) { return 0; /* only a warm-up: the run compiles what it needs itself */ }
    }, CancellationToken.None);
}
