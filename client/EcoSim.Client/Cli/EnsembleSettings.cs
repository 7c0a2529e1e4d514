using EcoSim.Hosting;

namespace EcoSim.Client.Cli;

/// <summary>What <c>ecosim run --seeds N</c> (N &gt; 1) was asked to do.</summary>
/// <param name="ScenarioPath">Scenario file.</param>
/// <param name="OutputPath">Output folder, or null for <c>runs/&lt;scenario name&gt;</c>.</param>
/// <param name="FirstSeed">First seed, or null for the scenario's; the others follow it.</param>
/// <param name="Seeds">Number of runs, one per seed.</param>
/// <param name="Engine">"orleans" or "reference".</param>
/// <param name="FirmsPerShard">Firms per shard grain.</param>
/// <param name="Ticks">Run only this many ticks, or null for the whole horizon.</param>
/// <param name="Cluster">Gateway of a running cluster, or null for an embedded silo.</param>
/// <param name="Plots">Whether to draw plots.</param>
/// <param name="Parallel">Runs in progress at once.</param>
internal sealed record EnsembleSettings(string ScenarioPath, string? OutputPath, ulong? FirstSeed, int Seeds, string Engine, int FirmsPerShard, int? Ticks,
    EcoSimClusterOptions? Cluster, bool Plots, int Parallel)
{
    /// <summary>The scenario path to record in the manifest and show in the report when it differs from <see cref="ScenarioPath"/> (a reproduction reads a temporary copy, whose path no output may show).</summary>
    public string? RecordedScenarioPath { get; init; }

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
