using EcoSim.Experiments.Ensembles;
using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Experiments;

/// <summary>One parameter held at one value from a quarter on, replacing the scenario's own scheduled changes of it (see <see cref="ParameterOverride"/>).</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Value">Its value.</param>
/// <param name="FromTick">The first tick it holds; parameters that only tick 0 reads are set at the start whatever this says.</param>
public sealed record ParameterSetting(ParameterSpec Parameter, double Value, int FromTick = ParameterOverride.FirstTick);

/// <summary>
/// One run of an experiment: its role, the label that names its files, and the scenario it runs, with
/// its seed and its parameter overrides already in force.
/// </summary>
/// <param name="Role">What the run stands for.</param>
/// <param name="Label">Names the run's files (<see cref="FileName"/>) and its rows in a file of many runs: the role's name, the scenario's name or a grid point's label.</param>
/// <param name="Scenario">The scenario as run.</param>
/// <param name="Overrides">The parameter overrides in force in <paramref name="Scenario"/> (empty for most members).</param>
public sealed record ExperimentMember(MemberRole Role, string Label, Scenario Scenario, IReadOnlyList<ParameterSetting> Overrides)
{
    /// <summary>A member that runs <paramref name="scenario"/> with <paramref name="seed"/> and <paramref name="overrides"/> applied to it.</summary>
    public static ExperimentMember Of(MemberRole role, string label, Scenario scenario, ulong seed, IReadOnlyList<ParameterSetting>? overrides = null)
    {
        var settings = overrides ?? [];
        var applied = settings.Aggregate(scenario, (s, o) => ParameterOverride.Apply(s, o.Parameter, o.Value, o.FromTick));
        return new ExperimentMember(role, label, applied.WithSeed(seed), settings);
    }

    /// <summary>The snapshot the run starts from and the checkpoints it writes, or null for a plain run from tick 0.</summary>
    public Checkpoints.RunCheckpoints? Checkpoints { get; init; }

    /// <summary>The run's seed.</summary>
    public ulong Seed => Scenario.World.Seed;

    /// <summary>The run's metrics file in <c>runs/</c>: <c>&lt;label&gt;-seed&lt;seed&gt;.csv</c>.</summary>
    public string FileName => $"{Label}-seed{Seed}.csv";
}
