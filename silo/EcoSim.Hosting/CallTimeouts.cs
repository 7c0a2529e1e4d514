namespace EcoSim.Hosting;

/// <summary>
/// How long a grain call may wait for its answer. Orleans' default of 30 s is shorter than one quarter
/// of a large world takes on a busy machine (47 million firms on one silo took over 30 s a tick, and
/// the run was started again from tick 0 for nothing). A lost silo is not found by this timeout but by
/// membership: the client watches the cluster's active silos while a call waits and gives up on the
/// call as soon as one is declared dead (<c>SiloWatch</c> in EcoSim.Experiments), so the timeout is only
/// the last resort for a call that nothing else ends.
/// </summary>
public static class CallTimeouts
{
    /// <summary>The response timeout of every EcoSim silo and client.</summary>
    public static readonly TimeSpan Response = TimeSpan.FromMinutes(5);
}
