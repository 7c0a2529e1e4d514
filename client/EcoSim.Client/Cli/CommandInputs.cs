using EcoSim.Experiments.Output;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>The checks every command makes before it runs anything, each reporting its errors as "error: ..." lines.</summary>
internal static class CommandInputs
{
    /// <summary>Loads a scenario (whose <c>extends</c> may also reach files under <paramref name="scenarioRoot"/>); on failure writes every error and returns null.</summary>
    public static Scenario? LoadScenario(string path, TextWriter errors, string? scenarioRoot = null, ScenarioLimits? limits = null)
    {
        try { return ScenarioLoader.Load(path, limits, scenarioRoot); }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors) errors.WriteLine($"error: {error}");
            return null;
        }
    }

    /// <summary>The scenario cut to its first <paramref name="ticks"/> ticks; null (and an error) if it has fewer.</summary>
    public static Scenario? FirstTicks(Scenario scenario, int? ticks, TextWriter errors)
    {
        if (ticks is not int count) return scenario;
        var world = scenario.World;
        if (count <= world.Ticks) return scenario with { World = world with { Ticks = count } };
        errors.WriteLine($"error: --ticks {count} is more than the {world.Ticks} ticks of {scenario.Name} ({world.Start}..{world.PeriodOf(world.Ticks - 1)})");
        return null;
    }

    /// <summary>
    /// Loads a comparison's two scenarios (every error of both), checks that they cover the same horizon and
    /// cuts both to their first <paramref name="ticks"/>; null (and the errors) when any of that fails.
    /// </summary>
    public static (Scenario Baseline, Scenario Policy)? LoadPair(string baselinePath, string policyPath, TextWriter errors, string? scenarioRoot, ScenarioLimits? limits, int? ticks)
    {
        var baseline = LoadScenario(baselinePath, errors, scenarioRoot, limits);
        var policy = LoadScenario(policyPath, errors, scenarioRoot, limits);
        if (baseline is null || policy is null) return null;
        return Paired(baseline, policy, errors, ticks);
    }

    /// <summary>Checks that two loaded scenarios cover the same horizon and cuts both to their first <paramref name="ticks"/>; null (and an error) if not.</summary>
    public static (Scenario Baseline, Scenario Policy)? Paired(Scenario baseline, Scenario policy, TextWriter errors, int? ticks)
    {
        if (baseline.World.Start != policy.World.Start || baseline.World.Ticks != policy.World.Ticks)
        {
            errors.WriteLine($"error: {policy.Path} covers {Horizon(policy)} but {baseline.Path} covers {Horizon(baseline)}; a comparison needs the same horizon");
            return null;
        }
        if (FirstTicks(baseline, ticks, errors) is not { } shortBaseline || FirstTicks(policy, ticks, errors) is not { } shortPolicy) return null;
        return (shortBaseline, shortPolicy);
    }

    private static string Horizon(Scenario s) => $"{s.World.Start}..{s.World.PeriodOf(s.World.Ticks - 1)}";
}
