using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcoSim.Model.Numerics;

/// <summary>
/// An <see cref="ExactSum"/> fed four or eight terms at a time (<see cref="ILanes{TSelf}"/>), with the same total as adding each term's
/// <see cref="ExactSum.RawOf"/>. Each lane's fixed-point image round(term * 2^40) (half to even, as
/// <see cref="ExactSum.RawOf"/>) is split, in doubles and exactly, into a signed high part
/// floor(image / 2^32) and a low part in [0, 2^32); the two parts are added as 64-bit integers in lanes,
/// and the 128-bit total is high * 2^32 + low. Integer sums are exact, so the total does not depend on
/// the order or the lanes of the terms, nor on the width: eight lanes are folded onto the four
/// accumulators by integer addition. The bytes are those of the scalar sum.
/// </summary>
/// <remarks>
/// The fast path takes images below 2^62 in magnitude (terms below 2^22, every money or headcount of
/// one firm); the high parts are then below 2^30 and the low parts below 2^32, so the 64-bit lane sums
/// cannot overflow before 2^31 additions a lane (two a group of eight), far beyond a shard's 2^32 firms over four lanes. Lanes
/// of a group with a larger, infinite or NaN term go through <see cref="ExactSum.RawOf"/> one by one,
/// which keeps its error for bad terms.
/// </remarks>
internal struct ExactSumLanes
{
    private const double Scale = 1099511627776.0;              // 2^40: ExactSum.FractionBits
    private const double FastLimit = 4.6116860184273879E+18;   // 2^62
    private const double TwoTo32 = 4294967296.0, TwoToMinus32 = 1.0 / 4294967296.0;
    private const double TwoTo52 = 4503599627370496.0;

    private Vector256<long> _high, _low;
    private Int128 _wide;

    /// <summary>Adds the four lanes of <paramref name="terms"/> (a lane to be left out holds zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Vector256<double> terms) => Add(new FourLanes(terms));

    /// <summary>Adds the lanes of <paramref name="terms"/> (a lane to be left out holds zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add<TLanes>(TLanes terms) where TLanes : struct, ILanes<TLanes>
    {
        // terms * 2^40 is exact (a power of two), as Math.ScaleB is; Round is half to even.
        var image = TLanes.Round(terms * TLanes.Create(Scale));
        if (!TLanes.LessThanAll(TLanes.Abs(image), TLanes.Create(FastLimit)))
        {
            AddByLane(terms);
            return;
        }
        // Both parts are whole numbers held exactly: high below 2^30 in magnitude, low in [0, 2^32).
        var high = TLanes.Floor(image * TLanes.Create(TwoToMinus32));
        var low = image - high * TLanes.Create(TwoTo32);
        var shift = TLanes.Create(ModelMath.RoundShift);
        var twoTo52 = TLanes.Create(TwoTo52);
        _high += TLanes.FoldBitsToFour(TLanes.SubtractBits(high + shift, shift));
        _low += TLanes.FoldBitsToFour(TLanes.SubtractBits(low + twoTo52, twoTo52));
    }

    /// <summary>Adds the lanes one by one (<see cref="ExactSum.RawOf"/>, which keeps its error for a bad term): some lane is off the fast path.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // optimised from the first call: at tier 0 every lane operation would be a call
    private void AddByLane<TLanes>(TLanes terms) where TLanes : struct, ILanes<TLanes>
    {
        for (int lane = 0; lane < TLanes.Count; lane++) _wide += ExactSum.RawOf(TLanes.GetElement(terms, lane));
    }

    /// <summary>Adds one term (<see cref="ExactSum.RawOf"/>).</summary>
    public void Add(double term) => _wide += ExactSum.RawOf(term);

    /// <summary>The raw fixed-point total of every term added.</summary>
    public readonly Int128 Raw
    {
        get
        {
            Int128 total = _wide;
            for (int lane = 0; lane < 4; lane++) total += ((Int128)_high.GetElement(lane) << 32) + _low.GetElement(lane);
            return total;
        }
    }
}
