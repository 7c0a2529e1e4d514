using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using EcoSim.Model.Numerics;
using EcoSim.Model.World;

namespace EcoSim.Model.Phases;

/// <summary>
/// The age factor of the exit hazard (FirmRules.AgeFactor: 1 + premium e^(-age / scale), with the age in
/// years after this tick) for a group of firms. It depends on nothing but a firm's age in ticks and the tick's
/// parameters, so a shard's step can compute it once for each age that occurs and look it up firm by firm:
/// the table holds the very numbers <see cref="Of{TLanes}"/> gives, so the lookup changes no bit and saves an
/// exponential and a division a group of firms.
/// </summary>
internal static class FirmAgeFactors
{
    /// <summary>Tables longer than this are not worth their filling, and would not fit on the stack.</summary>
    public const int MaxTable = 1024;

    /// <summary>The factor for ages after this tick of <paramref name="ageAfter"/> ticks, in each lane: the one definition.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Of<TLanes>(TLanes ageAfter, double youngFirmExitPremium, double youngFirmAgeScale) where TLanes : struct, ILanes<TLanes> =>
        TLanes.One + TLanes.Create(youngFirmExitPremium)
        * ModelMathVector.Exp(-(ageAfter * TLanes.Create(WorldSpec.Dt)) / TLanes.Create(youngFirmAgeScale));

    /// <summary>
    /// How many ages a shard of <paramref name="firms"/> firms should tabulate at <paramref name="tick"/>: every age a
    /// firm can have reached (initial ages are below <paramref name="initialMaxAgeYears"/> years, and a firm ages one tick
    /// a tick), rounded up to four; zero where the table would cost more than it saves (small shards) or be too long.
    /// Firms outside the table, if any, get <see cref="Of{TLanes}"/> directly.
    /// </summary>
    public static int TableLength(int firms, int tick, double initialMaxAgeYears)
    {
        double ages = Math.Ceiling(Math.Max(0, initialMaxAgeYears) * WorldSpec.TicksPerYear) + Math.Max(0, tick) + 2;
        if (!(ages <= MaxTable)) return 0;
        int length = ((int)ages + 3) & ~3;
        return firms >= 2 * length ? length : 0;
    }

    /// <summary>
    /// Fills <paramref name="table"/> (a multiple of four long) with the factor of every age after this tick, 0 to its
    /// length - 1. Four lanes at every width: a lane's bits do not depend on the width, and the table is filled once a tick.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // full optimisation from the first call: at tier 0 its vector code would not be inlined
    public static void Fill(Span<double> table, double youngFirmExitPremium, double youngFirmAgeScale)
    {
        var ages = new FourLanes(Vector256.Create(0.0, 1, 2, 3));
        for (int a = 0; a < table.Length; a += 4, ages += FourLanes.Create(4.0))
            FourLanes.Store(Of(ages, youngFirmExitPremium, youngFirmAgeScale), table.Slice(a, 4));
    }

    /// <summary>
    /// The factor for the firms at slots [i, i + the lane count) of <paramref name="age"/> (ages before this tick), from
    /// <paramref name="table"/> where every one is in it, otherwise computed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes ForSlots<TLanes>(ReadOnlySpan<double> table, ReadOnlySpan<int> age, int i, double youngFirmExitPremium, double youngFirmAgeScale)
        where TLanes : struct, ILanes<TLanes>
    {
        var ages = age.Slice(i, TLanes.Count);
        // The age after this tick, age + 1, is the index: from the table when every age is in [0, length - 2] (a
        // negative age, which the model never makes, is computed: the same number).
        uint all = (1u << TLanes.Count) - 1;
        if (table.Length > 0 && TLanes.Below(ages, table.Length - 1) == all && TLanes.Below(ages, 0) == 0)
            return TLanes.Gather(table[1..], ages);
        var after = TLanes.Zero;
        for (int lane = 0; lane < TLanes.Count; lane++) after = TLanes.WithElement(after, lane, ages[lane] + 1.0);
        return Of(after, youngFirmExitPremium, youngFirmAgeScale);
    }
}
