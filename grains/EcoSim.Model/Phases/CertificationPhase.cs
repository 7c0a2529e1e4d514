using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// High-tech enterprise certification as a flow (a scenario's <c>certification:</c> section): once a year, in the
/// year's last quarter and after the firms' tick, every live firm of a shard is reviewed by
/// <see cref="CertificationRules"/>. A certificate holds between reviews whatever the firm does; when it is due
/// (the review period after it was granted) it is renewed if the firm still meets the rules and lost if not. An
/// eligible firm without one applies and is certified with the application rate's chance (a draw keyed by firm,
/// tick and purpose, so shards, engines and resumed runs agree). A firm that misses the rules raises its R&amp;D
/// target to qualify at the next review when the tax saved exceeds the extra R&amp;D's cost (the notch). It runs
/// apart from the firms' vector loop because it acts once a year and reads only the shard's own columns.
/// </summary>
public static class CertificationPhase
{
    /// <summary>
    /// How far above a threshold a firm that raises its R&amp;D aims: one part in a million, so that rounding in the
    /// next tick's arithmetic cannot leave it a hair below the line it meant to reach.
    /// </summary>
    public const double RaiseMargin = 1e-6;

    /// <summary>Whether <paramref name="tick"/> is a review: the last quarter of a calendar year.</summary>
    public static bool IsReview(WorldSpec spec, int tick) => spec.PeriodOf(tick).Quarter == 4;

    /// <summary>
    /// The share of revenue a firm spends on R&amp;D in a tick: its target intensity at the tick's user cost
    /// (<see cref="FirmRules.ChosenIntensity"/>), times the share of the researchers it wanted that it could hire, as
    /// the firms' tick computes its R&amp;D.
    /// </summary>
    public static double RdShare(double rdIntensity, ClusterSignals s, ModelParameters p) =>
        rdIntensity * FirmRules.ChosenIntensity(1, s.RdUserCostRatio, p.RdCostElasticity) * s.FillRate;

    /// <summary>
    /// Reviews the live firms of <paramref name="shard"/> when the tick is a review, after their tick, and returns how
    /// many live firms hold a certificate at the end of the tick.
    /// </summary>
    public static long Review(FirmShard shard, ClusterSignals s, WorldSpec spec)
    {
        var p = spec.ParametersAt(s.Tick);
        bool review = IsReview(spec, s.Tick);
        long certified = 0;
        for (int i = 0; i < shard.Count; i++)
        {
            if (shard.Alive[i] == 0) continue;
            if (review) ReviewFirm(shard, i, s, spec, p);
            if (shard.CertifiedTick[i] != FirmRecord.NotCertified) certified++;
        }
        return certified;
    }

    private static void ReviewFirm(FirmShard shard, int i, ClusterSignals s, WorldSpec spec, ModelParameters p)
    {
        int tick = s.Tick, held = shard.CertifiedTick[i];
        bool holds = held != FirmRecord.NotCertified;
        if (holds && !CertificationRules.ReviewDue(p, held, tick)) return;
        double revenue = shard.Revenue[i], rdShare = RdShare(shard.RdIntensity[i], s, p);
        double staffShare = CertificationRules.StaffShare(p, shard.Researchers[i], revenue);
        if (CertificationRules.Meets(p, revenue, rdShare, staffShare))
        {
            if (holds || Applies(spec.Seed, shard.Cluster, shard.Index[i], tick, p)) shard.CertifiedTick[i] = tick;
            return;
        }
        shard.CertifiedTick[i] = FirmRecord.NotCertified;
        double raise = CertificationRules.QualifyingRaise(p, revenue, rdShare, staffShare);
        if (CertificationRules.RaisePays(p, rdShare, raise)) shard.RdIntensity[i] *= raise * (1 + RaiseMargin);
    }

    private static bool Applies(ulong seed, int cluster, long index, int tick, ModelParameters p) =>
        new RandomStream(seed, EntityIds.Firm(cluster, index), tick, RandomPurpose.Certification).NextDouble() < p.CertificationApplicationRate;

    /// <summary>
    /// The certification tick of an initial firm: a firm that meets the rules at the start (at the start-year user
    /// cost, every wanted researcher hired) holds a certificate with the initial share's chance, granted at one of the
    /// review period's last reviews before tick 0 (drawn evenly), so that the first reviews spread over the first years.
    /// </summary>
    public static int StartTick(WorldSpec spec, int cluster, long index, in FirmRecord firm)
    {
        var p = spec.ParametersAt(0);
        if (!CertificationRules.Meets(p, firm.Revenue, firm.RdIntensity, CertificationRules.StaffShare(p, firm.Researchers, firm.Revenue)))
            return FirmRecord.NotCertified;
        var draws = new RandomStream(spec.Seed, EntityIds.Firm(cluster, index), 0, RandomPurpose.CertificationStart);
        if (draws.NextDouble() >= p.InitialCertifiedShare) return FirmRecord.NotCertified;
        int years = (CertificationRules.ValidTicks(p) + WorldSpec.TicksPerYear - 1) / WorldSpec.TicksPerYear;
        int lastReview = -spec.Start.Quarter; // the last year's fourth quarter before tick 0
        return lastReview - WorldSpec.TicksPerYear * Math.Min(years - 1, (int)(draws.NextDouble() * years));
    }
}
