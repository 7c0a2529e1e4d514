using BenchmarkDotNet.Attributes;
using EcoSim.Grains.Abstractions;

namespace EcoSim.Bench;

/// <summary>A population and a shard size for one case of <see cref="OrleansTickBenchmarks"/>.</summary>
/// <param name="Firms">Firms at the start of the world.</param>
/// <param name="FirmsPerShard">Firms per shard grain (1 = one activation per firm).</param>
public sealed record OrleansLayout(int Firms, int FirmsPerShard) : IFirmCount, IComparable<OrleansLayout>, IComparable
{
    /// <summary>By firms, then by shard size, so the summary table lists the cases in numeric order.</summary>
    public int CompareTo(OrleansLayout? other) => other is null ? 1 : (Firms, FirmsPerShard).CompareTo((other.Firms, other.FirmsPerShard));

    /// <inheritdoc/>
    public int CompareTo(object? obj) => CompareTo(obj as OrleansLayout);

    /// <summary>How the case is shown in the summary table: N firms, S firms per shard (BenchmarkDotNet cuts longer values).</summary>
    public override string ToString() => $"N={Firms} S={FirmsPerShard}";
}

/// <summary>
/// Ticks of the Orleans engine on a silo in this process: the run grain driving every phase over the
/// run's grains, as a client's call to Step sees it. One run is started per case (activation is not
/// timed: the scale harness times it) and warmed up for two ticks; each iteration then times the next
/// four ticks of the same run, so a million-firm case does not pay a start per iteration. The run's
/// horizon is the baseline's 108 ticks; should a job need more, a fresh run is started. One activation
/// per firm (S=1) and 64 firms per shard only at 10,000 firms: at 100,000 firms they would hold 100,000
/// or 1,600 activations and a case would take minutes; 256 firms per shard runs up to 100,000 firms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerFirmConfig))]
[InvocationCount(1, 1)]
public class OrleansTickBenchmarks
{
    public const int WarmUpTicks = 2;
    public const int TimedTicks = 4;
    public const int Horizon = 108;
    private InProcessSilo _silo = null!;
    private IRunGrain? _run;
    private int _nextTick;

    [ParamsSource(nameof(Layouts))]
    public OrleansLayout Layout { get; set; } = null!;

    public static IEnumerable<OrleansLayout> Layouts =>
    [
        new(10_000, 1), new(10_000, 64), new(10_000, 256), new(10_000, 1024), new(10_000, 4096),
        new(100_000, 256), new(100_000, 1024), new(100_000, 4096),
        new(1_000_000, 1024), new(1_000_000, 4096),
    ];

    [GlobalSetup]
    public void StartSilo() => _silo = InProcessSilo.StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void StopSilo()
    {
        _run?.Stop().GetAwaiter().GetResult();
        _silo.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void EnsureTicksLeft()
    {
        if (_run is not null && _nextTick + TimedTicks <= Horizon) return;
        _run?.Stop().GetAwaiter().GetResult();
        _run = _silo.Grains.GetGrain<IRunGrain>($"bench-{Guid.NewGuid():N}");
        _run.Start(BenchWorlds.Baseline(Layout.Firms, Horizon), new RunLayout(Layout.FirmsPerShard)).GetAwaiter().GetResult();
        for (_nextTick = 0; _nextTick < WarmUpTicks; _nextTick++) _run.Step().GetAwaiter().GetResult();
    }

    [Benchmark(OperationsPerInvoke = TimedTicks)]
    public async Task<int> Tick()
    {
        int rows = 0;
        for (int t = 0; t < TimedTicks; t++, _nextTick++) rows += (await _run!.Step()).Rows.Count;
        return rows;
    }
}
