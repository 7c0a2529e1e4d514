using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>What <c>ecosim compare</c> was asked to do.</summary>
internal sealed record CompareSettings(string BaselinePath, string PolicyPath, int Seeds, ulong? FirstSeed, string? OutputPath, string Engine,
    int FirmsPerShard, int? Ticks, EcoSimClusterOptions? Cluster, bool Plots, int Parallel)
{
    /// <summary>The baseline path to record in the manifest when it differs from <see cref="BaselinePath"/> (a reproduction reads a copy).</summary>
    public string? RecordedBaselinePath { get; init; }

    /// <summary>The policy path to record in the manifest when it differs from <see cref="PolicyPath"/>.</summary>
    public string? RecordedPolicyPath { get; init; }

    /// <summary>The date the plots' captions show, or null for today (a reproduction shows the original's).</summary>
    public DateTime? PlotDate { get; init; }

    /// <summary>The code version the Parquet files record, or null for this program's (a reproduction records the original's, so the files compare byte for byte).</summary>
    public string? RecordedCodeVersion { get; init; }
}
