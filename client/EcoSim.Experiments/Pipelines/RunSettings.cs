using EcoSim.Experiments.Checkpoints;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Pipelines;

/// <summary>What <c>ecosim run</c> was asked to do.</summary>
/// <param name="Scenario">The scenario, checked, with its seed and ticks as asked.</param>
/// <param name="Output">Engine and output.</param>
public sealed record RunSettings(Scenario Scenario, OutputSettings Output)
{
    /// <summary>Write the firm panel (firms.parquet) every this many ticks and at the last, or null for no panel.</summary>
    public int? FirmPanelEvery { get; init; }

    /// <summary>The checkpoints to write and the one to start from (<see cref="Checkpointing"/>); null for neither.</summary>
    public Checkpointing? Checkpoints { get; init; }

    /// <summary>The detached run this client attached to (its engine only observes it), which the manifest records; null for a run it drives.</summary>
    public Output.DetachedRunRecord? Detached { get; init; }
}

/// <summary>What <c>ecosim run --seeds N</c> (N &gt; 1) was asked to do.</summary>
/// <param name="Scenario">The scenario, checked, with its ticks as asked.</param>
/// <param name="Seeds">The seeds, one run each.</param>
/// <param name="Output">Engine and output.</param>
public sealed record EnsembleSettings(Scenario Scenario, IReadOnlyList<ulong> Seeds, OutputSettings Output);

/// <summary>What <c>ecosim compare</c> was asked to do.</summary>
/// <param name="Baseline">The baseline, checked, with its ticks as asked.</param>
/// <param name="Policy">The policy, over the same horizon.</param>
/// <param name="Seeds">The seeds, each run with both scenarios.</param>
/// <param name="Output">Engine and output.</param>
public sealed record CompareSettings(Scenario Baseline, Scenario Policy, IReadOnlyList<ulong> Seeds, OutputSettings Output)
{
    /// <summary>Parameters each seed pair draws from its range (the same draw for both runs; <see cref="Sensitivity.ParameterDraws"/>), so the bands cover their uncertainty too; empty for none.</summary>
    public IReadOnlyList<Sensitivity.SensitivityRange> ParameterUncertainty { get; init; } = [];

    /// <summary>
    /// Whether each seed's policy run continues from an in-memory snapshot of its baseline twin at the first quarter the two
    /// scenarios differ, instead of computing the quarters before it again; the bytes written are the same either way.
    /// </summary>
    public bool SharePrefix { get; init; } = true;
}

/// <summary>What <c>ecosim sweep</c> was asked to do.</summary>
/// <param name="Scenario">The scenario, checked, with its ticks as asked.</param>
/// <param name="Grid">The grid of swept parameters.</param>
/// <param name="Seeds">The seeds, the same at every grid point.</param>
/// <param name="Output">Engine and output.</param>
public sealed record SweepSettings(Scenario Scenario, Experiments.Ensembles.SweepGrid Grid, IReadOnlyList<ulong> Seeds, OutputSettings Output);
