using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcoSim.Model.Numerics;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// The age factor of the exit hazard (FirmRules.AgeFactor: 1 + premium e^(-age / scale), with the age in
/// years after this tick) for four firms. It depends on nothing but a firm's age in ticks and the tick's
/// parameters, so a shard's step can compute it once for each age that occurs and look it up firm by firm:
/// the table holds the very numbers <see cref="Of(Vector256{double}, double, double)"/> gives, so the
/// lookup changes no bit and saves an exponential and a division a group of four firms.
/// </summary>
internal static class FirmAgeFactors
{
    /// <summary>Tables longer than this are not worth their filling, and would not fit on the stack.</summary>
    public const int MaxTable = 1024;

    /// <summary>The factor for ages after this tick of <paramref name="ageAfter"/> ticks, in each lane: the one definition.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Of(Vector256<double> ageAfter, double youngFirmExitPremium, double youngFirmAgeScale) =>
        Vector256<double>.One + Vector256.Create(youngFirmExitPremium)
        * ModelMathVector.Exp(-(ageAfter * Vector256.Create(WorldSpec.Dt)) / Vector256.Create(youngFirmAgeScale));

    /// <summary>
    /// How many ages a shard of <paramref name="firms"/> firms should tabulate at <paramref name="tick"/>: every age a
    /// firm can have reached (initial ages are below <paramref name="initialMaxAgeYears"/> years, and a firm ages one tick
    /// a tick), rounded up to four; zero where the table would cost more than it saves (small shards) or be too long.
    /// Firms outside the table, if any, get <see cref="Of"/> directly.
    /// </summary>
    public static int TableLength(int firms, int tick, double initialMaxAgeYears)
    {
        double ages = Math.Ceiling(Math.Max(0, initialMaxAgeYears) * WorldSpec.TicksPerYear) + Math.Max(0, tick) + 2;
        if (!(ages <= MaxTable)) return 0;
        int length = ((int)ages + 3) & ~3;
        return firms >= 2 * length ? length : 0;
    }

    /// <summary>Fills <paramref name="table"/> (a multiple of four long) with the factor of every age after this tick, 0 to its length - 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // full optimisation from the first call: at tier 0 its vector code would not be inlined
    public static void Fill(Span<double> table, double youngFirmExitPremium, double youngFirmAgeScale)
    {
        var ages = Vector256.Create(0.0, 1, 2, 3);
        for (int a = 0; a < table.Length; a += 4, ages += Vector256.Create(4.0))
            Of(ages, youngFirmExitPremium, youngFirmAgeScale).CopyTo(table.Slice(a, 4));
    }

    /// <summary>
    /// The factor for the firms at slots [i, i + 4) of <paramref name="age"/> (ages before this tick), from
    /// <paramref name="table"/> where every one is in it, otherwise computed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ForSlots(ReadOnlySpan<double> table, ReadOnlySpan<int> age, int i, double youngFirmExitPremium, double youngFirmAgeScale)
    {
        int a0 = age[i], a1 = age[i + 1], a2 = age[i + 2], a3 = age[i + 3];
        uint length = (uint)table.Length; // the age after this tick, age + 1, is the index (negative ages fall outside)
        if ((uint)a0 + 1 < length && (uint)a1 + 1 < length && (uint)a2 + 1 < length && (uint)a3 + 1 < length)
            return Vector256.Create(table[a0 + 1], table[a1 + 1], table[a2 + 1], table[a3 + 1]);
        return Of(Vector256.Create(a0 + 1.0, a1 + 1.0, a2 + 1.0, a3 + 1.0), youngFirmExitPremium, youngFirmAgeScale);
    }
}
