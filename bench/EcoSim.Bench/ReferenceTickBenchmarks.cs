using BenchmarkDotNet.Attributes;
using EcoSim.Model.Engine;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Bench;

/// <summary>
/// Ticks of the reference engine on the baseline at several populations. Each iteration starts from a
/// fresh world warmed up for four ticks and times the next eight, so the population does not drift
/// over thousands of invocations. The mean is per tick; "ns/firm/tick" divides it by the firms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerFirmConfig))]
[InvocationCount(1, 1)]
public class ReferenceTickBenchmarks
{
    public const int TimedTicks = 8;
    private ReferenceEngine _engine = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Firms { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _engine = new ReferenceEngine(BenchWorlds.Baseline(Firms, 4 + TimedTicks));
        for (int t = 0; t < 4; t++) _engine.Step();
    }

    [Benchmark(OperationsPerInvoke = TimedTicks)]
    public int Tick()
    {
        int rows = 0;
        for (int t = 0; t < TimedTicks; t++) rows += _engine.Step().Rows.Count;
        return rows;
    }
}

/// <summary>
/// The firm phase alone on one shard of one cluster: the per-firm kernel without labs, funds and
/// talent. Signals are rebuilt from each tick's report, as the cluster would.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerFirmConfig))]
[InvocationCount(1, 1)]
public class FirmPhaseBenchmarks
{
    public const int TimedTicks = 8;
    private FirmShard _shard = null!;
    private ClusterSignals _signals = null!;
    private WorldSpec _world = null!;

    [Params(4096, 100_000)]
    public int Firms { get; set; }

    [IterationSetup]
    public void Setup()
    {
        _world = BenchWorlds.Baseline(Firms * 10, 1 + TimedTicks);
        var constants = WorldConstants.Derive(_world);
        _shard = new FirmShard(0, 0, Firms);
        FirmPhase.Initialize(_shard, _world, constants, 0, Firms);
        _signals = Next(FirmPhase.Summarize(_shard, 0), 0);
    }

    [Benchmark(OperationsPerInvoke = TimedTicks, Description = "firm phase (four lanes, the model's own functions)")]
    public double Step() => Run(FirmPhase.Step);

    /// <summary>The kernel of 2026-12-02 (<see cref="BaselineFirmKernel"/>), in the same run for a ratio that the machine's noise does not move.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TimedTicks, Description = "firm phase of 2026-12-02 (scalar, libm, Box-Muller)")]
    public double BaselineStep() => Run(BaselineFirmKernel.Step);

    private delegate FirmReport Kernel(FirmShard shard, in ClusterSignals signals, WorldSpec world);

    private double Run(Kernel kernel)
    {
        double alive = 0;
        for (int t = 0; t < TimedTicks; t++)
        {
            var report = kernel(_shard, _signals, _world);
            alive += report.Sums[FirmSums.Alive];
            _signals = Next(report, t + 1);
        }
        return alive;
    }

    private ClusterSignals Next(FirmReport report, int tick) => new()
    {
        Tick = tick, Cluster = 0, Demand = _world.Clusters[0].Revenue * Firms / (_world.Firms * 0.2),
        WeightTotal = report.Sums[FirmSums.Weight], MeanProductivity = report.Sums[FirmSums.WeightedProductivity] / report.Sums[FirmSums.Weight],
        Frontier = report.Frontier, Firms = report.Sums[FirmSums.Alive], Opportunity = 1, Generation = 1, AdopterShare = 0.2,
        FillRate = 0.95, Wage = 200, TransformationFunding = 2, RdUserCostRatio = 1,
    };
}
