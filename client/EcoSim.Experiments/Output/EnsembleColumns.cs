using Parquet.Schema;

namespace EcoSim.Experiments.Output;

/// <summary>
/// The columns that tell the runs of a file of many runs apart, before the metrics: <c>role</c> for a
/// comparison (baseline or policy), always <c>seed</c>, and for a sweep one double column per swept
/// parameter, named as in a scenario's <c>parameters:</c>, holding the run's value.
/// </summary>
/// <param name="Role">Whether the runs have a role (a comparison's do; an ensemble's and a sweep's runs are told apart by seed and parameters).</param>
/// <param name="Parameters">The swept parameters' names and units, in the sweep's order.</param>
public sealed record EnsembleColumns(bool Role, IReadOnlyList<(string Name, string Unit)> Parameters)
{
    /// <summary>A comparison's file: role and seed.</summary>
    public static EnsembleColumns Comparison { get; } = new(Role: true, []);

    /// <summary>An ensemble's file: seed only.</summary>
    public static EnsembleColumns Seeds { get; } = new(Role: false, []);

    /// <summary>The parameters' columns.</summary>
    public IReadOnlyList<DataField<double>> ParameterFields { get; } = [.. Parameters.Select(p => new DataField<double>(p.Name, nullable: false))];

    /// <summary>Every column of the run, in order.</summary>
    public IEnumerable<Field> Fields => [.. Role ? [MetricsParquetFormat.Role] : Array.Empty<Field>(), MetricsParquetFormat.Seed, .. ParameterFields];
}

/// <summary>One run of a file of many runs.</summary>
/// <param name="Role">Tells the run apart with <see cref="Seed"/> (a comparison's role, a sweep point's label, an ensemble's scenario name); written only when <see cref="EnsembleColumns.Role"/>.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Values">The swept parameters' values, in <see cref="EnsembleColumns.Parameters"/> order.</param>
public sealed record EnsembleRun(string Role, ulong Seed, IReadOnlyList<double> Values);
