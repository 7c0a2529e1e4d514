using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;

namespace EcoSim.Experiments.Pipelines;

/// <summary>What every command that writes an output folder was asked, besides its scenarios: where it runs and what it writes where.</summary>
/// <param name="Engine">The engine.</param>
/// <param name="OutputPath">Output folder (<c>--out</c>), or null for the command's default under <c>runs/</c>.</param>
/// <param name="Plots">Whether to draw plots.</param>
/// <param name="Parallel">Runs in progress at once.</param>
public sealed record OutputSettings(EngineChoice Engine, string? OutputPath, bool Plots, int Parallel = 1)
{
    /// <summary>Whether <c>--overwrite</c> allows replacing an earlier output at the explicit output path, if it is exactly as EcoSim wrote it.</summary>
    public bool Overwrite { get; init; }

    /// <summary>The command and start time of the output being reproduced, which the plots and the report show; null for a new output.</summary>
    public RecordedOrigin? Origin { get; init; }

    /// <summary>
    /// The command the manifest records, one word each, or null for this process's own. A program that writes a
    /// command's output in its place (the explorer's downloads) records the command that writes the same folder.
    /// </summary>
    public IReadOnlyList<string>? CommandLine { get; init; }

    /// <summary>The code version the Parquet files record, or null for this program's (a reproduction records the original's, so the files compare byte for byte).</summary>
    public string? RecordedCodeVersion { get; init; }
}
