using System.Runtime.CompilerServices;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Randomness;
using EcoSim.Model.World;
using static EcoSim.Model.Randomness.RandomStreamLanes;

namespace EcoSim.Model.Phases;

/// <summary>
/// The branch-free part of a firm's tick (<see cref="FirmPhase.Step"/>) for four or eight firms at once (<see cref="ILanes{TSelf}"/>): their
/// random draws, the market, R&amp;D, and the probabilities of innovation, imitation, adoption and exit,
/// with each lane computing exactly what <see cref="FirmRules"/> defines, in the same order of
/// operations (<see cref="ModelMathVector"/> gives <see cref="ModelMath"/>'s bits). The few firms left
/// over at the end of a shard run through the same code in a padded group, so there is one definition
/// of these numbers and a firm's bits do not depend on its place in a shard.
/// </summary>
internal readonly struct FirmLanes<TLanes> where TLanes : struct, ILanes<TLanes>
{
    /// <summary>Market weight, its share of the cluster's total weight, revenue, R&amp;D stock, R&amp;D spending and researchers wanted after this tick.</summary>
    public readonly TLanes Weight, Share, Revenue, RdStock, Rd, Wanted;
    /// <summary>One bit per lane: the innovation, imitation, adoption and exit draws came out (below their probabilities).</summary>
    public readonly uint Innovates, Imitates, Adopts, ExitDraw;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FirmLanes(in FirmTickTerms t, TLanes index, TLanes productivity, TLanes weight, TLanes rdIntensity, TLanes rdStock, TLanes ageFactor)
    {
        Draws(t, index, out var z, out var uInnovation, out var uImitation, out var uAdoption, out var uExit);

        // Size effects from one logarithm (FirmRules.SizeEffects).
        var log = ModelMathVector.Log(TLanes.Max(weight / TLanes.Create(t.AverageWeight), TLanes.Create(1e-6)));
        var volatility = ModelMathVector.Exp(TLanes.Create(t.NegativeVolatilityElasticity) * log);
        var drag = ModelMathVector.Exp(TLanes.Create(t.NegativeDragPerTick) * log);
        var exitFactor = ModelMathVector.Exp(TLanes.Create(t.NegativeExitSizeElasticity) * log);

        // Market: replicator, decreasing returns and the lognormal shock.
        var sigma = TLanes.Create(t.ShockVolatility) * volatility * TLanes.Create(t.SqrtDt);
        var replicator = TLanes.Max(TLanes.Create(t.ReplicatorFloor),
            TLanes.One + TLanes.Create(t.ReplicatorPerTick) * (productivity / TLanes.Create(t.MeanProductivity) - TLanes.One));
        Weight = weight * replicator * drag * ModelMathVector.Exp(sigma * z - TLanes.Create(0.5) * sigma * sigma);
        Share = Weight / TLanes.Create(t.WeightTotal);
        Revenue = TLanes.Create(t.Demand) * Share;

        // R&D (KnowledgeRules.ResearchersFunded; the stock's depreciation).
        var intensity = rdIntensity * TLanes.Create(t.IntensityFactor);
        var funding = intensity * Revenue;
        Wanted = t.Wage <= 0 ? TLanes.Zero : funding * TLanes.Create(1e6) * TLanes.Create(t.ResearcherCostShare) / TLanes.Create(t.Wage);
        Rd = funding * TLanes.Create(t.FillRate);
        var dt = TLanes.Create(WorldSpec.Dt);
        RdStock = rdStock * TLanes.Create(t.RdKeptPerTick) + Rd * dt;
        var effort = intensity * TLanes.Create(t.FillRate);

        // Adoption (FirmRules.AbsorptiveCapacity and AdoptionHazard): drawn for every firm, used by those behind.
        var x = TLanes.Max(RdStock, TLanes.Zero) / Revenue;
        var absorptive = TLanes.ConditionalSelect(TLanes.LessThanOrEqual(Revenue, TLanes.Zero), TLanes.Zero,
            x / (x + TLanes.Create(t.AbsorptiveHalfSaturation)));
        var hazard = TLanes.Create(t.AdoptionHazardBase)
                     + (TLanes.Create(t.AdoptionInnovationRate) * absorptive * TLanes.Create(t.TransformationFactor) + TLanes.Create(t.AdoptionImitationTerm));

        // Exit hazard (FirmRules.ExitHazard with the size factor above and FirmRules.AgeFactor, FirmAgeFactors).
        var exitHazard = TLanes.Create(t.ExitHazard) * exitFactor * ageFactor;
        uint outcomes = Outcomes(uInnovation, TLanes.Create(t.InnovationZeta) * effort, uImitation, TLanes.Create(t.ImitationZeta) * effort,
            uAdoption, hazard, uExit, exitHazard);
        uint laneBits = (1u << TLanes.Count) - 1;
        (Innovates, Imitates, Adopts, ExitDraw) = (outcomes & laneBits, outcomes >> 8 & laneBits, outcomes >> 16 & laneBits, outcomes >> 24);
    }

    /// <summary>
    /// The tick's draws of each lane's stream: the demand shock's normal and the four uniforms. Its own method, not
    /// inlined, so that the constructor stays within the JIT's limits on inlining (docs/PERFORMANCE.md, section 27).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Draws(in FirmTickTerms t, TLanes index, out TLanes z, out TLanes uInnovation, out TLanes uImitation, out TLanes uAdoption, out TLanes uExit)
    {
        // Stream positions (RandomPurpose.FirmTick): block 0 holds the normal (value 0; value 1 unused),
        // block 1 the innovation and imitation uniforms, block 2 the adoption and exit uniforms.
        var ((b0x0, b0x1, _, _), (b1x0, b1x1, b1x2, b1x3), (b2x0, b2x1, b2x2, b2x3)) =
            Philox4x32Vector.Blocks(index, t.IdHigh, t.Tick, t.Purpose, t.Purpose | 1, t.Purpose | 2, t.Key0, t.Key1);
        z = NormalQuantile.Of(OpenUniform(Word(b0x0, b0x1)));
        uInnovation = Uniform(Word(b1x0, b1x1));
        uImitation = Uniform(Word(b1x2, b1x3));
        uAdoption = Uniform(Word(b2x0, b2x1));
        uExit = Uniform(Word(b2x2, b2x3));
    }

    /// <summary>
    /// Which draws came out, one bit a lane, eight bits a draw (innovation, imitation, adoption, exit): each uniform
    /// against the tick probability of its hazard. Its own method, not inlined: the four exponentials would take the
    /// constructor past the JIT's inlining budget (docs/PERFORMANCE.md, section 27), and one packed integer comes back.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static uint Outcomes(in TLanes uInnovation, in TLanes innovation, in TLanes uImitation, in TLanes imitation,
        in TLanes uAdoption, in TLanes adoption, in TLanes uExit, in TLanes exit) =>
        TLanes.MostSignificantBits(TLanes.LessThan(uInnovation, TickProbability(innovation)))
        | TLanes.MostSignificantBits(TLanes.LessThan(uImitation, TickProbability(imitation))) << 8
        | TLanes.MostSignificantBits(TLanes.LessThan(uAdoption, TickProbability(adoption))) << 16
        | TLanes.MostSignificantBits(TLanes.LessThan(uExit, TickProbability(exit))) << 24;

    /// <summary>
    /// FirmRules.TickProbability: 1 - exp(-max(hazard, 0) dt). The maximum is the instruction set's own
    /// (<see cref="ILanes{TSelf}.MaxNative"/>), which may differ from <see cref="Math.Max(double, double)"/> only for a
    /// NaN hazard (giving 0 or NaN) and for a hazard of -0 (giving -0 or +0); either way the probability is 0 or NaN,
    /// and a uniform is below neither, so every draw's outcome is the rule's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLanes TickProbability(TLanes hazard) =>
        TLanes.One - ModelMathVector.Exp(-TLanes.MaxNative(hazard, TLanes.Zero) * TLanes.Create(WorldSpec.Dt));
}

/// <summary>The per-tick terms of <see cref="FirmLanes{TLanes}"/>: parameters and cluster signals, combined once per tick in the order the rules use them.</summary>
internal readonly record struct FirmTickTerms
{
    public FirmTickTerms(ulong seed, int cluster, int tick, ModelParameters p, in ClusterSignals s)
    {
        const double dt = WorldSpec.Dt;
        Key0 = (uint)seed; Key1 = (uint)(seed >> 32);
        IdHigh = (uint)(EntityIds.Firm(cluster, 0) >> 32);
        Tick = unchecked((uint)tick);
        Purpose = (uint)RandomPurpose.FirmTick << 24;
        AverageWeight = s.Firms > 0 ? s.WeightTotal / s.Firms : 1;
        NegativeVolatilityElasticity = -p.VolatilitySizeElasticity;
        NegativeDragPerTick = -p.SizeMeanReversion * dt;
        NegativeExitSizeElasticity = -p.ExitSizeElasticity;
        ShockVolatility = p.DemandShockVolatility;
        SqrtDt = Math.Sqrt(dt);
        ReplicatorFloor = p.ReplicatorFloor;
        ReplicatorPerTick = p.ReplicatorStrength * dt;
        MeanProductivity = s.MeanProductivity;
        WeightTotal = s.WeightTotal;
        Demand = s.Demand;
        IntensityFactor = FirmRules.ChosenIntensity(1, s.RdUserCostRatio, p.RdCostElasticity);
        Wage = s.Wage;
        ResearcherCostShare = p.ResearcherCostShare;
        FillRate = s.FillRate;
        RdKeptPerTick = 1 - p.RdDepreciation * dt;
        InnovationZeta = p.InnovationZeta;
        ImitationZeta = p.ImitationZeta;
        AbsorptiveHalfSaturation = p.AbsorptiveHalfSaturation;
        AdoptionHazardBase = FirmRules.AdoptionHazard(p, 0, s.TransformationFunding, s.AdopterShare);
        AdoptionInnovationRate = p.AdoptionInnovationRate;
        TransformationFactor = 1 + p.TransformationBoost * Math.Max(s.TransformationFunding, 0);
        AdoptionImitationTerm = p.AdoptionImitationRate * 0;
        YoungFirmExitPremium = p.YoungFirmExitPremium;
        YoungFirmAgeScale = p.YoungFirmAgeScale;
        ExitHazard = p.ExitHazard;
    }

    public uint Key0 { get; } public uint Key1 { get; } public uint IdHigh { get; } public uint Tick { get; } public uint Purpose { get; }
    public double AverageWeight { get; } public double NegativeVolatilityElasticity { get; } public double NegativeDragPerTick { get; }
    public double NegativeExitSizeElasticity { get; } public double ShockVolatility { get; } public double SqrtDt { get; }
    public double ReplicatorFloor { get; } public double ReplicatorPerTick { get; } public double MeanProductivity { get; }
    public double WeightTotal { get; } public double Demand { get; } public double IntensityFactor { get; } public double Wage { get; }
    public double ResearcherCostShare { get; } public double FillRate { get; } public double RdKeptPerTick { get; }
    public double InnovationZeta { get; } public double ImitationZeta { get; } public double AbsorptiveHalfSaturation { get; }
    public double AdoptionHazardBase { get; } public double AdoptionInnovationRate { get; } public double TransformationFactor { get; }
    public double AdoptionImitationTerm { get; } public double YoungFirmExitPremium { get; } public double YoungFirmAgeScale { get; }
    public double ExitHazard { get; }
}
