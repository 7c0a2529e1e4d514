namespace EcoSim.Scale;

/// <summary>The sizes, horizons and repetitions of one harness run.</summary>
internal sealed record HarnessPlan
{
    /// <summary>"quick" or "full".</summary>
    public required string Name { get; init; }
    /// <summary>Firm counts of the throughput sweep, smallest first; the smallest also runs one activation per firm.</summary>
    public required int[] SweepFirms { get; init; }
    /// <summary>Ticks timed per run of the sweep, by firm count.</summary>
    public required Func<int, int> SweepTicks { get; init; }
    /// <summary>Timed repetitions per case of the sweep (the median is reported), by firm count.</summary>
    public required Func<int, int> Repetitions { get; init; }
    /// <summary>Firms per shard at every size of the sweep.</summary>
    public int[] ShardSizes { get; init; } = [256, 1024, 4096];
    /// <summary>Shard sizes run at the smallest size of the sweep only (more activations than is sane beyond it).</summary>
    public int[] SmallShardSizes { get; init; } = [1, 64];
    /// <summary>The largest size at which each shard size still runs (256 firms per shard up to 100,000 firms).</summary>
    public required Func<int, int> MaxFirmsForShard { get; init; }
    /// <summary>The shard size the other measures use (the engine's default).</summary>
    public int DefaultShard { get; init; } = 4096;
    /// <summary>Populations of the memory measure.</summary>
    public required int[] MemoryFirms { get; init; }
    /// <summary>Population and ticks of each ensemble run.</summary>
    public required int EnsembleFirms { get; init; }
    public required int EnsembleTicks { get; init; }
    /// <summary>Runs at a time in the ensemble-throughput measure.</summary>
    public int[] Concurrency { get; init; } = [1, 2, 8, 32];
    /// <summary>Runs per concurrency level at least (more when more run at once).</summary>
    public required int EnsembleMinRuns { get; init; }
    /// <summary>Runs of the streamed ensemble whose peak memory is measured.</summary>
    public int PeakRuns { get; init; } = 100;
    /// <summary>Ticks of each run of the streamed ensemble (shortened from the baseline's 108).</summary>
    public required int PeakTicks { get; init; }

    /// <summary>Seconds: a smoke test of every measure on small worlds.</summary>
    public static HarnessPlan Quick => new()
    {
        Name = "quick",
        SweepFirms = [2_000, 10_000],
        SweepTicks = _ => 3,
        Repetitions = _ => 2,
        MaxFirmsForShard = shard => int.MaxValue,
        MemoryFirms = [10_000, 20_000],
        EnsembleFirms = 2_000,
        EnsembleTicks = 2,
        EnsembleMinRuns = 4,
        PeakTicks = 2,
    };

    /// <summary>The published figures: about a minute and a half on two cores (1 min 25 s in the last full run, docs/PERFORMANCE.md).</summary>
    public static HarnessPlan Full => new()
    {
        Name = "full",
        SweepFirms = [10_000, 100_000, 1_000_000],
        SweepTicks = firms => firms switch { <= 10_000 => 24, <= 100_000 => 16, _ => 8 },
        Repetitions = firms => firms <= 100_000 ? 5 : 3,
        MaxFirmsForShard = shard => shard < 1024 ? 100_000 : int.MaxValue,
        MemoryFirms = [100_000, 1_000_000],
        EnsembleFirms = 75_000,
        EnsembleTicks = 20,
        EnsembleMinRuns = 16,
        PeakTicks = 8,
    };
}
