using EcoSim.Model.World;

namespace EcoSim.Model.Mechanisms;

/// <summary>How one-off cluster events change a cluster's demand, R&amp;D cost, talent inflow and the guidance funds' capital.</summary>
public static class ShockRules
{
    /// <summary>Sum of the values of the events of <paramref name="kind"/> acting on <paramref name="cluster"/> at <paramref name="tick"/>.</summary>
    public static double Total(WorldSpec spec, ShockKind kind, int cluster, int tick)
    {
        double total = 0;
        foreach (var shock in spec.Shocks)
            if (shock.Kind == kind && shock.Cluster == cluster && shock.ActsAt(tick)) total += shock.Value;
        return total;
    }

    /// <summary>Demand multiplier of a cluster: 1 + the sum of its acting demand shocks, never below zero.</summary>
    public static double DemandMultiplier(WorldSpec spec, int cluster, int tick) => Math.Max(0, 1 + Total(spec, ShockKind.Demand, cluster, tick));

    /// <summary>Capital injected into the guidance funds as a whole at <paramref name="tick"/>, bn yuan.</summary>
    public static double GuidanceInjection(WorldSpec spec, int tick)
    {
        double total = 0;
        foreach (var shock in spec.Shocks)
            if (shock.Kind == ShockKind.GuidanceInjection && shock.StartTick == tick) total += shock.Value;
        return total;
    }
}
