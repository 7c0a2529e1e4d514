using EcoSim.Model.Engine;
using EcoSim.Model.Parameters;
using EcoSim.Model.Phases;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Phases;

/// <summary>
/// An entrant's R&amp;D intensity falls with its size as an initial firm's does (docs/MODEL.md 7.11): with
/// <c>rdIntensitySizeElasticity</c> e, an entrant of weight w against the cluster's average weight spends
/// (w / average)^-e times the size scale more of its revenue on R&amp;D than its draw around the cluster's. Without
/// it, entrants are never R&amp;D-intensive enough to be certified and the certified count falls.
/// </summary>
public sealed class EntrantIntensityTests
{
    private static (IReadOnlyList<EcoSim.Model.State.FirmRecord> Firms, double AverageWeight) Entrants(double elasticity)
    {
        var spec = TestWorlds.Small(firms: 3000, parameters: new ModelParameters { BaseEntryRate = 0.2, RdIntensitySizeElasticity = elasticity });
        var constants = WorldConstants.Derive(spec);
        var start = RegionStart.Of(spec, constants);
        const int cluster = 0;
        var state = ClusterPhase.Initial(spec, constants, cluster, FirmPhase.Summarize(start.Firms[cluster], 0));
        var signals = new ClusterSignals
        {
            Tick = 1, Cluster = cluster, Demand = spec.Clusters[cluster].Revenue, WeightTotal = state.WeightTotal,
            MeanProductivity = state.MeanProductivity, Frontier = state.Frontier, Firms = state.Firms, Opportunity = 1,
            Generation = state.Generation, AdopterShare = state.AdopterShare, FillRate = 1, Wage = 200, TransformationFunding = 0, RdUserCostRatio = 1,
        };
        return (EntryPhase.Plan(spec, 1, signals, state, spinOffs: 1, deals: 2).Firms, state.WeightTotal / state.Firms);
    }

    [Fact]
    public void Smaller_entrants_spend_a_larger_share_of_revenue_on_RD_by_the_elasticity()
    {
        var (flat, average) = Entrants(0);
        var (falling, _) = Entrants(0.5);
        Assert.True(flat.Count > 20, $"only {flat.Count} entrants");
        Assert.Equal(flat.Count, falling.Count);
        // The same draws: only the intensity differs, by (w / average)^-0.5 times one scale for all entrants.
        double scale = falling[0].RdIntensity / flat[0].RdIntensity * Math.Sqrt(flat[0].Weight / average);
        Assert.True(scale > 1, $"scale {scale}");
        for (int k = 0; k < flat.Count; k++)
        {
            Assert.Equal(flat[k].Weight, falling[k].Weight);
            Assert.Equal(flat[k].Revenue, falling[k].Revenue);
            double ratio = falling[k].RdIntensity / flat[k].RdIntensity;
            Assert.Equal(scale * Math.Pow(flat[k].Weight / average, -0.5), ratio, 1e-9 * ratio);
            // entrants are about a tenth of the average firm, so each is more R&D-intensive than its draw
            Assert.True(ratio > 2, $"entrant {k}: weight {flat[k].Weight / average:0.000} of the average, intensity only {ratio:0.00} times its draw");
        }
    }

    [Fact]
    public void The_scale_is_the_initial_firms_one_so_entrants_and_initial_firms_of_one_size_draw_alike()
    {
        var p = new ModelParameters { RdIntensitySizeElasticity = 0.5 };
        double sizeScale = FirmPhase.SizeIntensityScale(p, FirmPhase.SplitLogNormalMean(p.InitialSmallSizeDispersion, p.InitialSizeDispersion));
        var (flat, average) = Entrants(0);
        var (falling, _) = Entrants(0.5);
        Assert.Equal(sizeScale * Math.Pow(flat[3].Weight / average, -0.5), falling[3].RdIntensity / flat[3].RdIntensity, 1e-9);
        Assert.Equal(1, FirmPhase.SizeIntensityFactor(new ModelParameters(), 0.01, sizeScale));
    }
}
