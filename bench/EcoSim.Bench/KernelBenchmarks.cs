using BenchmarkDotNet.Attributes;
using EcoSim.Model.Numerics;
using EcoSim.Model.Randomness;

namespace EcoSim.Bench;

/// <summary>The building blocks every firm uses every tick: a keyed random stream and an exact sum.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private ulong _entity;

    [Benchmark(Description = "open a keyed stream + one uniform")]
    public double StreamUniform()
    {
        var stream = new RandomStream(42, _entity++, 7, RandomPurpose.InnovationSize);
        return stream.NextDouble();
    }

    [Benchmark(Description = "open a keyed stream + one normal")]
    public double StreamNormal()
    {
        var stream = new RandomStream(42, _entity++, 7, RandomPurpose.FirmTick);
        return stream.StandardNormal();
    }

    [Benchmark(Description = "exact sum: 1000 terms", OperationsPerInvoke = 1000)]
    public double ExactSum1000()
    {
        var sums = new SumVector(1);
        for (int i = 0; i < 1000; i++) sums.Add(0, i * 1.37e3);
        return sums[0];
    }
}
