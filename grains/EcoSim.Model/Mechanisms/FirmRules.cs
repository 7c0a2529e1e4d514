using System.Runtime.CompilerServices;
using EcoSim.Model.Numerics;
using EcoSim.Model.Parameters;

namespace EcoSim.Model.Mechanisms;

/// <summary>Firm behaviour: R&amp;D, the two-step innovation draw, imitation, adoption, market and exit.</summary>
public static class FirmRules
{
    /// <summary>After-tax cost of one yuan of R&amp;D: 1 - tax (1 + super-deduction), never below the floor.</summary>
    public static double RdUserCost(ModelParameters p) => Math.Max(p.MinRdUserCost, 1 - p.CorporateTaxRate * (1 + p.SuperDeduction));

    /// <summary>R&amp;D intensity chosen at a user cost <paramref name="userCostRatio"/> times the start's: target * ratio^-elasticity.</summary>
    public static double ChosenIntensity(double target, double userCostRatio, double elasticity) =>
        target * ModelMath.Pow(userCostRatio, -elasticity);

    /// <summary>Probability that a Bernoulli event with yearly hazard <paramref name="hazard"/> happens within one tick.</summary>
    public static double TickProbability(double hazard, double dt) => 1 - ModelMath.Exp(-Math.Max(hazard, 0) * dt);

    /// <summary>The upper support of the innovation jump, widened by opportunity: high * O^omega.</summary>
    public static double JumpHigh(ModelParameters p, double opportunity) =>
        p.InnovationJumpHigh * ModelMath.Pow(Math.Max(opportunity, 1e-9), p.OpportunityUpsideElasticity);

    /// <summary>The productivity an imitator reaches: it closes a share of the gap to the practice it copies.</summary>
    public static double Imitate(double productivity, double target, double catchUp) =>
        productivity + catchUp * Math.Max(0, target - productivity);

    /// <summary>Absorptive capacity in [0, 1): x / (x + h), x the R&amp;D stock in years of sales.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public static double AbsorptiveCapacity(double rdStock, double revenue, double halfSaturation)
    {
        if (revenue <= 0) return 0;
        double x = Math.Max(rdStock, 0) / revenue;
        return x / (x + halfSaturation);
    }

    /// <summary>
    /// Yearly adoption hazard of the newest generation (Bass 1969): own capacity times the innovation
    /// coefficient, boosted by transformation funding, plus the imitation coefficient times the share
    /// of firms that already adopted.
    /// </summary>
    public static double AdoptionHazard(ModelParameters p, double absorptive, double transformationFunding, double adopterShare) =>
        p.AdoptionInnovationRate * absorptive * (1 + p.TransformationBoost * Math.Max(transformationFunding, 0)) + p.AdoptionImitationRate * adopterShare;

    /// <summary>Productivity multiplier of catching up <paramref name="generations"/> generations, at most <paramref name="cap"/> of them counting.</summary>
    public static double AdoptionMultiplier(double gain, int generations, double cap) => ModelMath.Pow(1 + gain, Math.Min(generations, cap));

    /// <summary>Replicator factor for one tick: 1 + chi dt (A / mean - 1), never below the floor.</summary>
    public static double ReplicatorFactor(double chi, double productivity, double meanProductivity, double dt, double floor) =>
        Math.Max(floor, 1 + chi * dt * (productivity / meanProductivity - 1));

    /// <summary>Decreasing returns over one tick: (relative size)^(-kappa dt), pulling log size back towards the mean.</summary>
    public static double SizeDrag(double kappa, double relativeSize, double dt) => SizePower(relativeSize, -kappa * dt);

    /// <summary>(relative size)^exponent, with sizes below 10^-6 counted as 10^-6 (an empty firm has no defined size).</summary>
    public static double SizePower(double relativeSize, double exponent) => ModelMath.Exp(exponent * LogSize(relativeSize));

    private static double LogSize(double relativeSize) => ModelMath.Log(Math.Max(relativeSize, 1e-6));

    /// <summary>
    /// The three effects of a firm's relative size in one tick, from one logarithm: the shock volatility
    /// factor s^-beta, the size drag s^(-kappa dt) and the exit-hazard size factor s^-elasticity (the same
    /// values as <see cref="ShockVolatility"/>, <see cref="SizeDrag"/> and <see cref="ExitHazard"/> compute
    /// one at a time, up to rounding).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: full optimisation from the first call (docs/PERFORMANCE.md, "JIT tiering")
    public static (double Volatility, double Drag, double ExitFactor) SizeEffects(ModelParameters p, double relativeSize, double dt)
    {
        double log = LogSize(relativeSize);
        return (ModelMath.Exp(-p.VolatilitySizeElasticity * log), ModelMath.Exp(-p.SizeMeanReversion * dt * log), ModelMath.Exp(-p.ExitSizeElasticity * log));
    }

    /// <summary>Exit-hazard factor of age: 1 + premium * exp(-age / age scale).</summary>
    public static double AgeFactor(ModelParameters p, double ageYears) => 1 + p.YoungFirmExitPremium * ModelMath.Exp(-ageYears / p.YoungFirmAgeScale);

    /// <summary>Volatility of a firm's demand shock: sigma * (relative size)^-beta, so larger firms grow more steadily.</summary>
    public static double ShockVolatility(double sigma, double relativeSize, double beta) =>
        sigma * SizePower(relativeSize, -beta);

    /// <summary>Cluster demand: base (1+g)^years (mean productivity / base)^pass-through.</summary>
    public static double Demand(ModelParameters p, double baseDemand, double years, double meanProductivity, double baseMeanProductivity) =>
        baseDemand * ModelMath.Pow(1 + p.DemandGrowth, years) * ModelMath.Pow(meanProductivity / baseMeanProductivity, p.ProductivityPassThrough);

    /// <summary>
    /// Yearly exit hazard: base * (relative size)^-elasticity * (1 + premium * exp(-age / age scale));
    /// small and young firms exit more often.
    /// </summary>
    public static double ExitHazard(ModelParameters p, double relativeSize, double ageYears) =>
        p.ExitHazard * SizePower(relativeSize, -p.ExitSizeElasticity) * AgeFactor(p, ageYears);

    /// <summary>Whether a firm exits: its share is a tiny fraction of the average share, or its debt is too deep.</summary>
    public static bool Exits(ModelParameters p, double share, double firms, double cash, double revenue) =>
        share * firms < p.ExitShareThreshold || cash < -p.ExitDebtYears * revenue;
}
