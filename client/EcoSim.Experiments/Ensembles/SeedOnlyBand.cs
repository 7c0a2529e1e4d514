namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// The names of a comparison's second set of pairs under <c>--parameter-uncertainty</c>: the same seeds run
/// with the scenarios' own parameter values. Their bands are those of seed noise alone (a plain
/// <c>ecosim compare</c> of the same seeds gives the same bytes), set beside the bands of seed noise and
/// parameter uncertainty so a reader sees how much the parameters widen each effect. One place names
/// their run files and their columns in summary.csv.
/// </summary>
public static class SeedOnlyBand
{
    /// <summary>What starts the label (and so the run file's name) of a seed-only run.</summary>
    public const string LabelPrefix = "seed-only-";

    /// <summary>What starts summary.csv's columns of the seed-only bands, e.g. <c>seed_only_effect_p05</c>.</summary>
    public const string ColumnPrefix = "seed_only_";

    /// <summary>The label of a seed-only run of <paramref name="role"/>, e.g. <c>seed-only-baseline</c>.</summary>
    public static string Label(MemberRole role) => LabelPrefix + role.Name();

    /// <summary>True when <paramref name="member"/> is a seed-only run (the scenario's own parameter values).</summary>
    public static bool Holds(ExperimentMember member) => member.Label.StartsWith(LabelPrefix, StringComparison.Ordinal);
}
