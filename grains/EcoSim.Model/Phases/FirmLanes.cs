using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;
using EcoSim.Model.Randomness;
using EcoSim.Model.World;
using static EcoSim.Model.Randomness.RandomStreamLanes;

namespace EcoSim.Model.Phases;

/// <summary>
/// The branch-free part of a firm's tick (<see cref="FirmPhase.Step"/>) for four firms at once: their
/// random draws, the market, R&amp;D, and the probabilities of innovation, imitation, adoption and exit,
/// with each lane computing exactly what <see cref="FirmRules"/> defines, in the same order of
/// operations (<see cref="ModelMathVector"/> gives <see cref="ModelMath"/>'s bits). The few firms left
/// over at the end of a shard run through the same code in a padded vector, so there is one definition
/// of these numbers and a firm's bits do not depend on its place in a shard.
/// </summary>
internal readonly struct FirmLanes
{
    /// <summary>Market weight, its share of the cluster's total weight, revenue, R&amp;D stock, R&amp;D spending and researchers wanted after this tick.</summary>
    public readonly Vector256<double> Weight, Share, Revenue, RdStock, Rd, Wanted;
    /// <summary>One bit per lane: the innovation, imitation, adoption and exit draws came out (below their probabilities).</summary>
    public readonly uint Innovates, Imitates, Adopts, ExitDraw;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public FirmLanes(in FirmTickTerms t, Vector256<ulong> index, Vector256<double> productivity, Vector256<double> weight,
        Vector256<double> rdIntensity, Vector256<double> rdStock, Vector256<double> ageFactor)
    {
        // Stream positions (RandomPurpose.FirmTick): block 0 holds the normal (value 0; value 1 unused),
        // block 1 the innovation and imitation uniforms, block 2 the adoption and exit uniforms.
        var ((b0x0, b0x1, _, _), (b1x0, b1x1, b1x2, b1x3), (b2x0, b2x1, b2x2, b2x3)) =
            Philox4x32Vector.Blocks(index, t.IdHigh, t.Tick, t.Purpose, t.Purpose | 1, t.Purpose | 2, t.Key0, t.Key1);
        var z = NormalQuantile.Of(OpenUniform(Word(b0x0, b0x1)));
        var uInnovation = Uniform(Word(b1x0, b1x1));
        var uImitation = Uniform(Word(b1x2, b1x3));
        var uAdoption = Uniform(Word(b2x0, b2x1));
        var uExit = Uniform(Word(b2x2, b2x3));

        // Size effects from one logarithm (FirmRules.SizeEffects).
        var log = ModelMathVector.Log(Vector256.Max(weight / Vector256.Create(t.AverageWeight), Vector256.Create(1e-6)));
        var volatility = ModelMathVector.Exp(Vector256.Create(t.NegativeVolatilityElasticity) * log);
        var drag = ModelMathVector.Exp(Vector256.Create(t.NegativeDragPerTick) * log);
        var exitFactor = ModelMathVector.Exp(Vector256.Create(t.NegativeExitSizeElasticity) * log);

        // Market: replicator, decreasing returns and the lognormal shock.
        var sigma = Vector256.Create(t.ShockVolatility) * volatility * Vector256.Create(t.SqrtDt);
        var replicator = Vector256.Max(Vector256.Create(t.ReplicatorFloor),
            Vector256<double>.One + Vector256.Create(t.ReplicatorPerTick) * (productivity / Vector256.Create(t.MeanProductivity) - Vector256<double>.One));
        Weight = weight * replicator * drag * ModelMathVector.Exp(sigma * z - Vector256.Create(0.5) * sigma * sigma);
        Share = Weight / Vector256.Create(t.WeightTotal);
        Revenue = Vector256.Create(t.Demand) * Share;

        // R&D (KnowledgeRules.ResearchersFunded; the stock's depreciation).
        var intensity = rdIntensity * Vector256.Create(t.IntensityFactor);
        var funding = intensity * Revenue;
        Wanted = t.Wage <= 0 ? Vector256<double>.Zero : funding * Vector256.Create(1e6) * Vector256.Create(t.ResearcherCostShare) / Vector256.Create(t.Wage);
        Rd = funding * Vector256.Create(t.FillRate);
        var dt = Vector256.Create(WorldSpec.Dt);
        RdStock = rdStock * Vector256.Create(t.RdKeptPerTick) + Rd * dt;
        var effort = intensity * Vector256.Create(t.FillRate);

        Innovates = (uint)Vector256.LessThan(uInnovation, TickProbability(Vector256.Create(t.InnovationZeta) * effort)).ExtractMostSignificantBits();
        Imitates = (uint)Vector256.LessThan(uImitation, TickProbability(Vector256.Create(t.ImitationZeta) * effort)).ExtractMostSignificantBits();

        // Adoption (FirmRules.AbsorptiveCapacity and AdoptionHazard): drawn for every firm, used by those behind.
        var x = Vector256.Max(RdStock, Vector256<double>.Zero) / Revenue;
        var absorptive = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(Revenue, Vector256<double>.Zero), Vector256<double>.Zero,
            x / (x + Vector256.Create(t.AbsorptiveHalfSaturation)));
        var hazard = Vector256.Create(t.AdoptionHazardBase)
                     + (Vector256.Create(t.AdoptionInnovationRate) * absorptive * Vector256.Create(t.TransformationFactor) + Vector256.Create(t.AdoptionImitationTerm));
        Adopts = (uint)Vector256.LessThan(uAdoption, TickProbability(hazard)).ExtractMostSignificantBits();

        // Exit hazard (FirmRules.ExitHazard with the size factor above and FirmRules.AgeFactor, FirmAgeFactors).
        ExitDraw = (uint)Vector256.LessThan(uExit, TickProbability(Vector256.Create(t.ExitHazard) * exitFactor * ageFactor)).ExtractMostSignificantBits();
    }

    /// <summary>
    /// FirmRules.TickProbability: 1 - exp(-max(hazard, 0) dt). The maximum is the instruction set's own
    /// (<see cref="Vector256.MaxNative{T}"/>), which may differ from <see cref="Math.Max(double, double)"/> only for a
    /// NaN hazard (giving 0 or NaN) and for a hazard of -0 (giving -0 or +0); either way the probability is 0 or NaN,
    /// and a uniform is below neither, so every draw's outcome is the rule's.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> TickProbability(Vector256<double> hazard) =>
        Vector256<double>.One - ModelMathVector.Exp(-Vector256.MaxNative(hazard, Vector256<double>.Zero) * Vector256.Create(WorldSpec.Dt));
}

/// <summary>The per-tick terms of <see cref="FirmLanes"/>: parameters and cluster signals, combined once per tick in the order the rules use them.</summary>
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
