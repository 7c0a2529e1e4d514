using EcoSim.Model.World;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// When a policy scenario first differs from its baseline: the first tick whose parameters in force
/// differ, or at which an event, a shock or a facility of one scenario is missing from the other. A
/// difference in the world at the start (clusters, populations, relatedness) counts as tick 0. Before
/// this tick, a baseline run and its policy twin with the same seed must be identical.
/// </summary>
internal static class PolicyOnset
{
    /// <summary>The first tick at which <paramref name="policy"/> differs from <paramref name="baseline"/>, or null if it never does.</summary>
    public static int? FirstTick(WorldSpec baseline, WorldSpec policy)
    {
        if (StartDiffers(baseline, policy)) return 0;
        int ticks = Math.Min(baseline.Ticks, policy.Ticks);
        var candidates = new List<int>();
        for (int t = 0; t < ticks; t++)
            if (baseline.ParametersAt(t) != policy.ParametersAt(t)) { candidates.Add(t); break; }
        candidates.AddRange(baseline.Shocks.Except(policy.Shocks).Concat(policy.Shocks.Except(baseline.Shocks)).Select(s => s.StartTick));
        candidates.AddRange(baseline.Facilities.Except(policy.Facilities).Concat(policy.Facilities.Except(baseline.Facilities)).Select(f => f.StartTick));
        var due = candidates.Where(t => t < ticks).ToList();
        return due.Count == 0 ? null : Math.Max(0, due.Min());
    }

    private static bool StartDiffers(WorldSpec a, WorldSpec b) =>
        a.Start != b.Start || a.Firms != b.Firms
        || !a.Clusters.SequenceEqual(b.Clusters) || !a.Relatedness.SequenceEqual(b.Relatedness)
        || !a.Labs.SequenceEqual(b.Labs) || !a.Funds.SequenceEqual(b.Funds);
}
