using EcoSim.Experiments.Ensembles;
using EcoSim.Scenarios;

namespace EcoSim.Experiments;

/// <summary>
/// A batch of runs: the members, started in the order listed, all over the same horizon. The four kinds
/// of output are four ways of making members; what becomes of the runs is the collectors' business
/// (<see cref="IRunCollector"/>), how they run the runner's (<see cref="ExperimentRunner"/>).
/// </summary>
/// <param name="Members">The runs.</param>
public sealed record Experiment(IReadOnlyList<ExperimentMember> Members)
{
    /// <summary>Ticks of each run (every member has the same).</summary>
    public int Ticks => Members[0].Scenario.World.Ticks;

    /// <summary>Firms at the start of the largest run, which decides whether runs may be laid out whole (<see cref="Engines.EnsembleLayout"/>).</summary>
    public long LargestWorld => Members.Count == 0 ? 0 : Members.Max(m => (long)m.Scenario.World.Firms);

    /// <summary>One run of <paramref name="scenario"/> with its own seed.</summary>
    public static Experiment Single(Scenario scenario) =>
        new([ExperimentMember.Of(MemberRole.Run, scenario.Name, scenario, scenario.World.Seed)]);

    /// <summary>An ensemble: <paramref name="scenario"/> once with each of <paramref name="seeds"/>.</summary>
    public static Experiment Seeds(Scenario scenario, IReadOnlyList<ulong> seeds) =>
        new([.. seeds.Select(seed => ExperimentMember.Of(MemberRole.Run, scenario.Name, scenario, seed))]);

    /// <summary>
    /// A comparison: for each seed, the baseline then the policy with that seed (common random numbers);
    /// <paramref name="uncertain"/> parameters are drawn once per seed pair, the same for both runs. With
    /// drawn parameters each seed also runs the pair with the scenarios' own values (labelled by
    /// <see cref="SeedOnlyBand.Label"/>), so the report can set the band of seed noise alone beside the
    /// band of seed noise and parameter uncertainty, over the same seeds.
    /// </summary>
    public static Experiment Comparison(Scenario baseline, Scenario policy, IReadOnlyList<ulong> seeds, IReadOnlyList<Sensitivity.SensitivityRange>? uncertain = null) =>
        new([.. seeds.SelectMany(seed =>
        {
            if (uncertain is not { Count: > 0 })
                return new[] { Arm(MemberRole.Baseline, baseline, seed), Arm(MemberRole.Policy, policy, seed) };
            var drawn = Sensitivity.ParameterDraws.For(uncertain, seed);
            return new[]
            {
                Arm(MemberRole.Baseline, baseline, seed, drawn), Arm(MemberRole.Policy, policy, seed, drawn),
                ExperimentMember.Of(MemberRole.Baseline, SeedOnlyBand.Label(MemberRole.Baseline), baseline, seed),
                ExperimentMember.Of(MemberRole.Policy, SeedOnlyBand.Label(MemberRole.Policy), policy, seed),
            };
        })]);

    private static ExperimentMember Arm(MemberRole role, Scenario scenario, ulong seed, IReadOnlyList<ParameterSetting>? drawn = null) =>
        ExperimentMember.Of(role, role.Name(), scenario, seed, drawn);

    /// <summary>A sweep: every point of <paramref name="grid"/>, each with every one of <paramref name="seeds"/>.</summary>
    public static Experiment Sweep(Scenario scenario, SweepGrid grid, IReadOnlyList<ulong> seeds) =>
        new([.. grid.Points.SelectMany(point => seeds.Select(seed => ExperimentMember.Of(MemberRole.Point, point.Label, scenario, seed,
            [.. point.Settings.Select(s => new ParameterSetting(s.Parameter, s.Value))])))]);

    /// <summary>Most seeds one experiment of many seeds runs (and a manifest may list).</summary>
    public const int MaxSeeds = 10_000;

    /// <summary>Seeds of an ensemble of <paramref name="count"/> runs: <paramref name="first"/> and the next ones.</summary>
    public static IReadOnlyList<ulong> ConsecutiveSeeds(ulong first, int count) => [.. Enumerable.Range(0, count).Select(i => unchecked(first + (ulong)i))];
}
