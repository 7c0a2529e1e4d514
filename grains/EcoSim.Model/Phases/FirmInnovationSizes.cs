using System.Runtime.CompilerServices;
using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;
using EcoSim.Model.World;
using static EcoSim.Model.Randomness.RandomStreamLanes;

namespace EcoSim.Model.Phases;

/// <summary>
/// The Beta draw that sizes a successful innovation (<see cref="RandomStream.Beta"/> on the firm's
/// <see cref="RandomPurpose.InnovationSize"/> stream) for four or eight firms at once, as far as its first try goes:
/// each Gamma draw of Marsaglia and Tsang's method (<see cref="RandomStream.Gamma"/>) takes a normal and a
/// uniform and accepts them about 98% of the time at the model's shapes. Where both Gammas of a lane accept
/// on their first try, the lane's Beta is the scalar draw's, bit for bit: the same six stream values (the
/// stream's first three blocks), the same operations in the same order. Other lanes are left to the scalar
/// draw, and so are shapes below one, which take a different path.
/// </summary>
internal readonly struct FirmInnovationSizes
{
    private readonly double _dA, _cA, _dB, _cB;
    private readonly uint _key0, _key1, _idHigh, _tick, _purpose;

    /// <summary>The draws' constants for one tick of one cluster (<see cref="RandomStream.Gamma"/>'s d and c for each shape).</summary>
    public FirmInnovationSizes(double shapeA, double shapeB, ulong seed, int cluster, int tick)
    {
        InLanes = shapeA >= 1 && shapeB >= 1;
        _dA = shapeA - 1.0 / 3.0; _cA = 1.0 / Math.Sqrt(9.0 * _dA);
        _dB = shapeB - 1.0 / 3.0; _cB = 1.0 / Math.Sqrt(9.0 * _dB);
        _key0 = (uint)seed; _key1 = (uint)(seed >> 32);
        _idHigh = (uint)(EntityIds.Firm(cluster, 0) >> 32);
        _tick = unchecked((uint)tick);
        _purpose = (uint)RandomPurpose.InnovationSize << 24;
    }

    /// <summary>Whether the shapes take the method's main path (at least one), the one computed in lanes.</summary>
    public bool InLanes { get; }

    /// <summary>
    /// The Beta draw of the firms of indices <paramref name="index"/>, valid in the lanes whose bit is set in
    /// <paramref name="drawn"/> (both Gammas accepted on their first try).
    /// </summary>
    /// <remarks>
    /// Not inlined into its caller: at eight lanes or four, its Philox blocks, normals and logarithms are as much code as
    /// the rest of the caller, and together they pass the JIT's limit on tracked locals, which sends every vector of the
    /// caller through memory (docs/PERFORMANCE.md, section 27). It runs only for a group with an innovating firm.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public TLanes FirstTry<TLanes>(TLanes index, out uint drawn) where TLanes : struct, ILanes<TLanes>
    {
        // Stream values 1 and 2 (block 0): Gamma(a)'s normal, the second unused; 3 (block 1): its uniform;
        // 4 (block 1): Gamma(b)'s normal; 5 (block 2) unused; 6 (block 2): its uniform.
        var (b0, b1, b2) = Philox4x32Vector.Blocks(index, _idHigh, _tick, _purpose, _purpose | 1, _purpose | 2, _key0, _key1);
        var x = Gamma(NormalQuantile.Of(OpenUniform(Word(b0.X0, b0.X1))), OpenZeroUniform(Word(b1.X0, b1.X1)), _dA, _cA, out var acceptedX);
        var y = Gamma(NormalQuantile.Of(OpenUniform(Word(b1.X2, b1.X3))), OpenZeroUniform(Word(b2.X2, b2.X3)), _dB, _cB, out var acceptedY);
        drawn = TLanes.MostSignificantBits(acceptedX & acceptedY);
        return x / (x + y);
    }

    /// <summary>One try of <see cref="RandomStream.Gamma"/> from its normal <paramref name="z"/> and uniform <paramref name="u"/>: d v, accepted or not.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // not inlined: the reason of FirstTry
    private static TLanes Gamma<TLanes>(TLanes z, TLanes u, double d, double c, out TLanes accepted) where TLanes : struct, ILanes<TLanes>
    {
        var one = TLanes.One;
        var v = one + TLanes.Create(c) * z;
        var positive = TLanes.GreaterThan(v, TLanes.Zero);
        v = TLanes.ConditionalSelect(positive, v, one); // a lane with v <= 0 is rejected; 1 keeps its logarithm on the fast path
        v = v * v * v;
        var dv = TLanes.Create(d) * v;
        accepted = positive & TLanes.LessThan(ModelMathVector.Log(u),
            TLanes.Create(0.5) * z * z + TLanes.Create(d) - dv + TLanes.Create(d) * ModelMathVector.Log(v));
        return dv;
    }
}
