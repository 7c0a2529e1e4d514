using EcoSim.Model.Parameters;
using EcoSim.Model.Time;

namespace EcoSim.Model.World;

/// <summary>
/// Everything a run needs to know before tick 0: calendar, seed, clusters and their relatedness,
/// populations, parameters and the timeline of policy changes. Immutable; every engine and every grain
/// of a run holds the same one.
/// </summary>
public sealed record WorldSpec
{
    /// <summary>Period of tick 0.</summary>
    public required Period Start { get; init; }
    /// <summary>Number of ticks (quarters).</summary>
    public required int Ticks { get; init; }
    /// <summary>The seed of every random stream.</summary>
    public required ulong Seed { get; init; }
    /// <summary>The clusters, in index order.</summary>
    public required IReadOnlyList<ClusterSpec> Clusters { get; init; }
    /// <summary>Relatedness of cluster i to cluster j at [i * n + j], 0..1, 1 on the diagonal.</summary>
    public required IReadOnlyList<double> Relatedness { get; init; }
    /// <summary>Number of firms at the start, spread over clusters by revenue.</summary>
    public required int Firms { get; init; }
    /// <summary>The labs.</summary>
    public required IReadOnlyList<LabGroup> Labs { get; init; }
    /// <summary>The funds.</summary>
    public required IReadOnlyList<FundGroup> Funds { get; init; }
    /// <summary>Parameters in force at tick 0.</summary>
    public required ModelParameters Parameters { get; init; }
    /// <summary>Scheduled parameter changes, in the order the scenario gives them (later wins).</summary>
    public IReadOnlyList<ParameterChange> Timeline { get; init; } = [];
    /// <summary>Large science facilities, planned or built.</summary>
    public IReadOnlyList<FacilitySpec> Facilities { get; init; } = [];
    /// <summary>
    /// True when firms become certified high-tech enterprises and lose the status by the rules of
    /// <see cref="Phases.CertificationPhase"/> (a scenario's <c>certification:</c> section); false when every live
    /// firm counts as certified, as the baseline's firms stand for Guangdong's certified enterprises.
    /// </summary>
    public bool Certification { get; init; }
    /// <summary>One-off events acting on single clusters (demand shocks, subsidies, talent programmes) or the guidance funds.</summary>
    public IReadOnlyList<ClusterShock> Shocks { get; init; } = [];

    /// <summary>Ticks per year (ticks are quarters).</summary>
    public const int TicksPerYear = 4;
    /// <summary>Length of a tick in years.</summary>
    public const double Dt = 1.0 / TicksPerYear;

    /// <summary>Number of clusters.</summary>
    public int ClusterCount => Clusters.Count;

    /// <summary>Relatedness of cluster <paramref name="i"/> to cluster <paramref name="j"/>.</summary>
    public double Related(int i, int j) => Relatedness[i * Clusters.Count + j];

    /// <summary>The calendar period of a tick.</summary>
    public Period PeriodOf(int tick) => Start.AddQuarters(tick);

    /// <summary>The parameters in force at <paramref name="tick"/>: the start values with every due change applied.</summary>
    public ModelParameters ParametersAt(int tick)
    {
        var schedule = Schedules.GetValue(this, spec => new ModelParameters?[spec.Ticks + 1]);
        int slot = Math.Clamp(tick, 0, Ticks);
        return schedule[slot] ??= Compute(slot);
    }

    // Keyed by reference: a copy made with 'with' gets its own schedule.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WorldSpec, ModelParameters?[]> Schedules = new();

    private ModelParameters Compute(int tick)
    {
        var parameters = Parameters;
        foreach (var change in Timeline)
            if (change.ValueAt(tick) is double value)
                parameters = ParameterCatalog.With(parameters, change.Parameter, value);
        return parameters;
    }
}
