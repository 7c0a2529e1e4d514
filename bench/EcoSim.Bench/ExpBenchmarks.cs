using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using EcoSim.Model.Numerics;

namespace EcoSim.Bench;

/// <summary>
/// What the exponential costs, per element, over 4,096 arguments in the firm kernel's range (-12 to 4: log
/// size effects, hazards, the shock): the platform's <see cref="Math.Exp"/>, the model's scalar and four-lane
/// functions, and the two prototypes of <see cref="ExpPrototypes"/> (eight lanes with the same bits; a
/// 64-entry table with a degree-5 polynomial and other bits). The setup checks that eight lanes give the
/// model's bits and prints the table method's largest error in ulp against <see cref="Math.Exp"/>.
/// </summary>
[MemoryDiagnoser]
public class ExpBenchmarks
{
    private const int Count = 4096;
    private readonly double[] _x = new double[Count];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12345);
        for (int i = 0; i < Count; i++) _x[i] = -12 + 16 * random.NextDouble();
        if (Vector512.IsHardwareAccelerated)
            for (int i = 0; i < Count; i += 8)
            {
                var eight = ExpPrototypes.EightLanes(Vector512.Create<double>(_x.AsSpan(i, 8)));
                for (int lane = 0; lane < 8; lane++)
                    if (BitConverter.DoubleToInt64Bits(eight.GetElement(lane)) != BitConverter.DoubleToInt64Bits(ModelMath.Exp(_x[i + lane])))
                        throw new InvalidOperationException($"eight lanes differ from ModelMath.Exp at {_x[i + lane]:R}");
            }
        var edges = new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 709.78, 709.79, 710, -745.1, -745.2, -708.5, -720, 708, -708, 0, -0.0, 1e-300, 800, -800 };
        var random3 = new Random(999);
        for (int i = 0; i < 1 << 18; i++)
        {
            double pick(int j) => j < 2 && i < edges.Length * 4 ? edges[(i + j) % edges.Length] : -1500 + 3000 * random3.NextDouble() * (j == 3 ? 0.01 : 1);
            var x = Vector256.Create(pick(0), pick(1), pick(2), pick(3));
            var free = ExpPrototypes.FourLanesBranchFree(x);
            for (int lane = 0; lane < 4; lane++)
                if (BitConverter.DoubleToInt64Bits(free.GetElement(lane)) != BitConverter.DoubleToInt64Bits(ModelMath.Exp(x.GetElement(lane))))
                    throw new InvalidOperationException($"the branch-free four lanes differ from ModelMath.Exp at {x.GetElement(lane):R}");
        }
        long worst = 0;
        var random2 = new Random(54321);
        for (int i = 0; i < 1 << 20; i += 4)
        {
            var x = Vector256.Create(-700 + 1400 * random2.NextDouble(), -12 + 16 * random2.NextDouble(), -1 + 2 * random2.NextDouble(), -0.01 + 0.02 * random2.NextDouble());
            var table = ExpPrototypes.Table64(x);
            for (int lane = 0; lane < 4; lane++)
                worst = Math.Max(worst, Math.Abs(BitConverter.DoubleToInt64Bits(table.GetElement(lane)) - BitConverter.DoubleToInt64Bits(Math.Exp(x.GetElement(lane)))));
        }
        Console.WriteLine($"// table method: largest error against Math.Exp over 2^20 arguments: {worst} ulp");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "Math.Exp (platform), scalar")]
    public double PlatformScalar()
    {
        double sum = 0;
        foreach (double x in _x) sum += Math.Exp(x);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "ModelMath.Exp, scalar")]
    public double ModelScalar()
    {
        double sum = 0;
        foreach (double x in _x) sum += ModelMath.Exp(x);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "ModelMathVector.Exp, four lanes (the model's)")]
    public double ModelFourLanes()
    {
        var sum = Vector256<double>.Zero;
        for (int i = 0; i < Count; i += 4) sum += ModelMathVector.Exp(Vector256.Create<double>(_x.AsSpan(i, 4)));
        return Vector256.Sum(sum);
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "the model's four lanes without the range check (fast path only)")]
    public double ModelFourLanesUnchecked()
    {
        var sum = Vector256<double>.Zero;
        for (int i = 0; i < Count; i += 4) sum += ExpPrototypes.FourLanesUnchecked(Vector256.Create<double>(_x.AsSpan(i, 4)));
        return Vector256.Sum(sum);
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "four lanes, no branch: every lane on the wide path (same bits)")]
    public double ModelFourLanesBranchFree()
    {
        var sum = Vector256<double>.Zero;
        for (int i = 0; i < Count; i += 4) sum += ExpPrototypes.FourLanesBranchFree(Vector256.Create<double>(_x.AsSpan(i, 4)));
        return Vector256.Sum(sum);
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "the same operations, eight lanes (AVX-512; same bits)")]
    public double ModelEightLanes()
    {
        var sum = Vector512<double>.Zero;
        for (int i = 0; i < Count; i += 8) sum += ExpPrototypes.EightLanes(Vector512.Create<double>(_x.AsSpan(i, 8)));
        return Vector512.Sum(sum);
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "table 2^(j/64) + degree 5, four lanes (other bits)")]
    public double TableFourLanes()
    {
        var sum = Vector256<double>.Zero;
        for (int i = 0; i < Count; i += 4) sum += ExpPrototypes.Table64(Vector256.Create<double>(_x.AsSpan(i, 4)));
        return Vector256.Sum(sum);
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "the model's four lanes, a dependent chain (latency)")]
    public double ModelFourLanesChain()
    {
        var x = Vector256.Create(-0.5, -0.25, 0.25, 0.5);
        for (int i = 0; i < Count; i += 4) x = ModelMathVector.Exp(x) * Vector256.Create(0.25) - Vector256.Create(0.5);
        return Vector256.Sum(x);
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "the table method, a dependent chain (latency)")]
    public double TableFourLanesChain()
    {
        var x = Vector256.Create(-0.5, -0.25, 0.25, 0.5);
        for (int i = 0; i < Count; i += 4) x = ExpPrototypes.Table64(x) * Vector256.Create(0.25) - Vector256.Create(0.5);
        return Vector256.Sum(x);
    }
}
