using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using EcoSim.Model.Numerics;
using EcoSim.Model.Phases;
using EcoSim.Model.Randomness;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Bench;

/// <summary>
/// Where a firm's tick goes: the parts of <see cref="FirmPhase.Step"/> timed alone over one shard, each
/// case a superset of the one before, so the differences are the parts' costs. Philox alone (the three
/// blocks a firm draws), Philox with the normal and the uniforms, the whole branch-free part
/// (<see cref="FirmLanes{TLanes}"/>: draws, size effects, market, R&amp;D, hazards), the totals alone
/// (<see cref="FirmTotals"/> over every firm, one at a time and four at a time), and the whole step. The step's remainder after the lanes
/// is the per-firm decisions and the totals.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerFirmConfig))]
[InvocationCount(1, 1)]
public class FirmKernelPartsBenchmarks
{
    private FirmShard _shard = null!;
    private ClusterSignals _signals = null!;
    private WorldSpec _world = null!;
    private FirmTickTerms _terms;
    private double[] _ageFactors = [];

    [Params(100_000)]
    public int Firms { get; set; }

    /// <summary>A fresh shard for every iteration: the step changes it.</summary>
    [IterationSetup]
    public void Setup()
    {
        _world = BenchWorlds.Baseline(Firms * 10, 2);
        var constants = WorldConstants.Derive(_world);
        _shard = new FirmShard(0, 0, Firms);
        FirmPhase.Initialize(_shard, _world, constants, 0, Firms);
        var report = FirmPhase.Summarize(_shard, 0);
        _signals = new ClusterSignals
        {
            Tick = 1, Cluster = 0, Demand = _world.Clusters[0].Revenue * Firms / (_world.Firms * 0.2),
            WeightTotal = report.Sums[FirmSums.Weight], MeanProductivity = report.Sums[FirmSums.WeightedProductivity] / report.Sums[FirmSums.Weight],
            Frontier = report.Frontier, Firms = report.Sums[FirmSums.Alive], Opportunity = 1, Generation = 1, AdopterShare = 0.2,
            FillRate = 0.95, Wage = 200, TransformationFunding = 2, RdUserCostRatio = 1,
        };
        _terms = new FirmTickTerms(_world.Seed, 0, 1, _world.ParametersAt(1), _signals);
        _ageFactors = new double[FirmAgeFactors.TableLength(Firms, 1, _world.ParametersAt(1).InitialMaxAgeYears)];
        FirmAgeFactors.Fill(_ageFactors, _terms.YoungFirmExitPremium, _terms.YoungFirmAgeScale);
    }

    [Benchmark(Description = "1 Philox: three blocks per firm, side by side")]
    public ulong Philox()
    {
        var t = _terms;
        var acc = Vector256<ulong>.Zero;
        var laneIndex = Vector256.Create(0UL, 1, 2, 3);
        for (int i = 0; i < Firms; i += 4)
        {
            var index = Vector256.Create((ulong)i) + laneIndex;
            var ((a, _, _, _), (b, c, _, _), (d, e, _, _)) = Philox4x32Vector.Blocks(index, t.IdHigh, t.Tick, t.Purpose, t.Purpose | 1, t.Purpose | 2, t.Key0, t.Key1);
            acc ^= a ^ b ^ c ^ d ^ e;
        }
        return Vector256.Sum(acc);
    }

    [Benchmark(Description = "2 Philox and the normal (AS 241)")]
    public double PhiloxNormal()
    {
        var t = _terms;
        var acc = Vector256<double>.Zero;
        var laneIndex = Vector256.Create(0UL, 1, 2, 3);
        for (int i = 0; i < Firms; i += 4)
        {
            var index = Vector256.Create((ulong)i) + laneIndex;
            var ((a, b, _, _), (c, _, _, _), (d, _, _, _)) = Philox4x32Vector.Blocks(index, t.IdHigh, t.Tick, t.Purpose, t.Purpose | 1, t.Purpose | 2, t.Key0, t.Key1);
            var word = Vector256.ShiftLeft(b, 32) | a;
            var u = (Vector256.ConvertToDouble(Vector256.ShiftRightLogical(word, 12)) + Vector256.Create(0.5)) * Vector256.Create(1.0 / (1UL << 52));
            acc += NormalQuantile.Of(u) + Vector256.ConvertToDouble(c ^ d);
        }
        return Vector256.Sum(acc);
    }

    [Benchmark(Description = "3 the lanes: draws, size effects, market, R&D, hazards")]
    public double Lanes()
    {
        var acc = Vector256<double>.Zero;
        var laneIndex = Vector256.Create(0UL, 1, 2, 3);
        var s = _shard;
        for (int i = 0; i < Firms; i += 4)
        {
            var lanes = new FirmLanes<FourLanes>(_terms, new FourLanes((Vector256.Create((ulong)i) + laneIndex).AsDouble()),
                FourLanes.Load(s.Productivity.AsSpan(i, 4)), FourLanes.Load(s.Weight.AsSpan(i, 4)),
                FourLanes.Load(s.RdIntensity.AsSpan(i, 4)), FourLanes.Load(s.RdStock.AsSpan(i, 4)),
                FirmAgeFactors.ForSlots<FourLanes>(_ageFactors, s.Age, i, _terms.YoungFirmExitPremium, _terms.YoungFirmAgeScale));
            acc += lanes.Weight.Value + lanes.Wanted.Value + Vector256.Create((double)(lanes.Innovates ^ lanes.Imitates ^ lanes.Adopts ^ lanes.ExitDraw));
        }
        return Vector256.Sum(acc);
    }

    [Benchmark(Description = "4 the totals alone: exact sums and the log, every firm")]
    public double Totals()
    {
        var totals = new FirmTotals();
        var s = _shard;
        for (int i = 0; i < Firms; i++)
            totals.Add(s.Productivity[i], s.Weight[i], s.Revenue[i], s.Revenue[i] * 0.02, s.Researchers[i], s.Researchers[i]);
        return totals.ToSums()[FirmSums.Revenue];
    }

    [Benchmark(Description = "4b the totals four firms at a time (as the step adds them)")]
    public double TotalsInLanes()
    {
        var totals = new FirmTotals();
        var s = _shard;
        var keep = FourLanes.Mask(0xF).Value;
        for (int i = 0; i + 4 <= Firms; i += 4)
        {
            var revenue = Vector256.Create<double>(s.Revenue.AsSpan(i, 4));
            var researchers = Vector256.Create<double>(s.Researchers.AsSpan(i, 4));
            totals.AddLanes(new FourLanes(keep), new FourLanes(keep), FourLanes.Load(s.Productivity.AsSpan(i, 4)), FourLanes.Load(s.Weight.AsSpan(i, 4)),
                new FourLanes(revenue), new FourLanes(revenue * Vector256.Create(0.02)), new FourLanes(researchers), new FourLanes(researchers));
        }
        return totals.ToSums()[FirmSums.Revenue];
    }

    [Benchmark(Description = "5 the whole step (lanes, decisions, totals)")]
    public double Step() => FirmPhase.Step(_shard, _signals, _world).Sums[FirmSums.Alive];
}
