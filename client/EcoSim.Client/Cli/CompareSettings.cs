using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>What <c>ecosim compare</c> was asked to do.</summary>
internal sealed record CompareSettings(string BaselinePath, string PolicyPath, int Seeds, ulong? FirstSeed, string? OutputPath, string Engine,
    int FirmsPerShard, int? Ticks, EcoSimClusterOptions? Cluster, bool Plots, int Parallel)
{
    /// <summary>The baseline path to record in the manifest and show in the report when it differs from <see cref="BaselinePath"/> (a reproduction reads a temporary copy, whose path no output may show).</summary>
    public string? RecordedBaselinePath { get; init; }

    /// <summary>The policy path to record in the manifest when it differs from <see cref="PolicyPath"/>.</summary>
    public string? RecordedPolicyPath { get; init; }

    /// <summary>The command and start time of the output being reproduced, which the plots and the report show; null for a new output.</summary>
    public RecordedOrigin? Origin { get; init; }

    /// <summary>Whether <c>--overwrite</c> allows replacing an earlier output at the explicit output path, if it is exactly as EcoSim wrote it.</summary>
    public bool Overwrite { get; init; }

    /// <summary>A folder (<c>--scenario-root</c>) whose files <c>extends</c> may reach besides those in or below the scenario's own folder, or null.</summary>
    public string? ScenarioRoot { get; init; }

    /// <summary>The ceilings on the scenario's estimated memory and work (<c>--max-memory</c>, <c>--max-work</c>); the documented defaults when null.</summary>
    public Scenarios.ScenarioLimits? Limits { get; init; }

    /// <summary>The code version the Parquet files record, or null for this program's (a reproduction records the original's, so the files compare byte for byte).</summary>
    public string? RecordedCodeVersion { get; init; }
}
