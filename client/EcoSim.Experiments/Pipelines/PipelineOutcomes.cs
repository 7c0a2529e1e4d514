namespace EcoSim.Experiments.Pipelines;

/// <summary>What a pipeline wrote: the output folder (as it is shown: the path asked for or the default) and its headline in words.</summary>
/// <param name="Folder">The output folder, moved into place.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">A few lines that sum the output up (a run's key metrics from first to last tick, a comparison's findings, ...).</param>
public abstract record OutputOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline);

/// <summary>What <see cref="RunPipeline"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">The periods and the key metrics from the first to the last tick.</param>
/// <param name="FirmPanel">Whether firms.parquet was written.</param>
public sealed record RunOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline, bool FirmPanel) : OutputOutcome(Folder, Plots, Headline);

/// <summary>What <see cref="RunEnsemblePipeline"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">The seeds, periods and the key metrics' medians and bands.</param>
public sealed record EnsembleOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline) : OutputOutcome(Folder, Plots, Headline);

/// <summary>What <see cref="ComparePipeline"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">The findings, as findings.md has them (one element).</param>
public sealed record ComparisonOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline) : OutputOutcome(Folder, Plots, Headline);

/// <summary>What <see cref="SweepPipeline"/> wrote.</summary>
/// <param name="Folder">The output folder.</param>
/// <param name="Plots">Whether plots were drawn.</param>
/// <param name="Headline">Each grid point's key metrics at the last tick.</param>
public sealed record SweepOutcome(string Folder, bool Plots, IReadOnlyList<string> Headline) : OutputOutcome(Folder, Plots, Headline);
