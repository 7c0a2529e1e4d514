using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>Phase 7 of a tick: new firms enter a cluster: spin-offs, funded start-ups and spontaneous entrants.</summary>
public static class EntryPhase
{
    /// <summary>
    /// Draws the entrants of one cluster. Spin-offs come first (they start on the newest technology,
    /// one to two generation gains above the cluster's mean practice; starting them at the frontier made
    /// every spin-off a new frontier firm and ratcheted productivity up), then funded start-ups (with their deal as cash), then spontaneous entrants.
    /// Their indices continue the cluster's numbering. An entrant's R&amp;D intensity falls with its size relative to the
    /// average firm as an initial firm's does (<see cref="FirmPhase.SizeIntensityFactor"/>): drawn around the cluster's
    /// alone, entrants were never R&amp;D-intensive enough to be certified, so certified firms that exited were not replaced.
    /// </summary>
    public static EntrantBatch Plan(WorldSpec spec, int tick, ClusterSignals signals, ClusterState state, int spinOffs, int deals)
    {
        var p = spec.ParametersAt(tick);
        int c = state.Cluster;
        var entry = new RandomStream(spec.Seed, EntityIds.Cluster(c), tick, RandomPurpose.Entry);
        int spontaneous = entry.Poisson(p.BaseEntryRate * state.Firms * WorldSpec.Dt);
        int total = spinOffs + deals + spontaneous;
        var firms = new FirmRecord[total];
        var totals = new FirmTotals { Alive = total };
        double frontier = 0, averageWeight = state.Firms > 0 ? state.WeightTotal / state.Firms : 1;
        double typical = ModelMath.Exp(state.MeanLogProductivity);
        double dealSize = Mechanisms.FinanceRules.DealSize(p, signals.Demand, spec.Clusters[c].Revenue);
        double weightTotal = state.WeightTotal > 0 ? state.WeightTotal : 1;
        double sizeScale = FirmPhase.SizeIntensityScale(p, FirmPhase.SplitLogNormalMean(p.InitialSmallSizeDispersion, p.InitialSizeDispersion));
        for (int k = 0; k < total; k++)
        {
            long index = state.NextFirmIndex + k;
            var draws = new RandomStream(spec.Seed, EntityIds.Firm(c, index), tick, RandomPurpose.EntrantInit);
            bool spinOff = k < spinOffs, funded = !spinOff && k < spinOffs + deals;
            double productivity = spinOff
                ? Math.Max(state.MeanProductivity, typical) * (1 + p.GenerationGain * (1 + draws.NextDouble()))
                : typical * FirmPhase.LogNormalMeanOne(ref draws, p.InitialProductivityDispersion);
            double weight = p.EntrantRelativeSize * averageWeight * FirmPhase.LogNormalMeanOne(ref draws, p.EntrantSizeDispersion);
            double intensity = spec.Clusters[c].RdIntensity * FirmPhase.LogNormalMeanOne(ref draws, p.RdIntensityDispersion) * (spinOff ? p.SpinOffRdMultiplier : 1)
                               * FirmPhase.SizeIntensityFactor(p, weight / averageWeight, sizeScale);
            double revenue = signals.Demand * weight / weightTotal;
            double cash = funded ? dealSize : spinOff ? p.SpinOffCashDeals * dealSize : p.InitialCashYears * revenue;
            int vintage = spinOff ? state.Generation : Math.Max(0, state.Generation - (int)Math.Round(p.EntrantVintageLag));
            firms[k] = new FirmRecord(productivity, weight, revenue, intensity, 0, cash, 0, 0, vintage, true);
            frontier = Math.Max(frontier, productivity);
            totals.Add(productivity, weight, revenue, 0, 0, 0);
            if (vintage == state.Generation) totals.OnNewest++;
        }
        return new EntrantBatch(c, state.NextFirmIndex, firms, totals.ToSums(), frontier);
    }
}
