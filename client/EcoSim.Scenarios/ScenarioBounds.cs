using System.Globalization;
using EcoSim.Model.Mechanisms;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace EcoSim.Scenarios;

/// <summary>
/// Checks a merged scenario against <see cref="ScenarioLimits"/>: the structural counts first (so that
/// nothing quadratic is built for twelve thousand clusters), then the estimated memory and work of its run.
/// Errors go to the scenario's own file, at the key that sets the offending population.
/// </summary>
internal static class ScenarioBounds
{
    /// <summary>Whether the clusters are few enough to build the relatedness matrix; reports when not.</summary>
    public static bool ClustersWithinLimit(ScenarioPart part)
    {
        int n = part.Clusters?.Count ?? 0;
        if (n <= ScenarioLimits.MaxClusters) return true;
        Report(part, "clusters", $"{Count(n)} clusters are more than the {Count(ScenarioLimits.MaxClusters)} a scenario may have");
        return false;
    }

    /// <summary>Reports every count over its limit and, when the counts are within them, a run too large for <paramref name="limits"/>.</summary>
    /// <param name="part">The merged scenario.</param>
    /// <param name="ticks">Its horizon in quarters.</param>
    /// <param name="clustersOk">Whether <see cref="ClustersWithinLimit"/> held (else it has reported already).</param>
    /// <param name="limits">The ceilings on memory and work.</param>
    public static void Check(ScenarioPart part, int ticks, bool clustersOk, ScenarioLimits limits)
    {
        long labs = part.Labs?.Sum(g => (long)g.Count) ?? 0;
        long funds = part.Funds?.Sum(g => (long)g.Count) ?? 0;
        int events = part.Events.Count + part.Facilities.Count + part.Shocks.Count;
        int pairs = part.Relatedness?.Pairs.Count ?? 0;
        bool countsOk = clustersOk;
        void Over(bool over, string key, string message) { if (over) { Report(part, key, message); countsOk = false; } }
        Over(labs > ScenarioLimits.MaxLabs, "population.labs", $"{Count(labs)} labs in all are more than the {Count(ScenarioLimits.MaxLabs)} a scenario may have");
        Over(funds > ScenarioLimits.MaxFunds, "population.funds", $"{Count(funds)} funds in all are more than the {Count(ScenarioLimits.MaxFunds)} a scenario may have");
        Over(events > ScenarioLimits.MaxEvents, "events", $"{Count(events)} events (with facilities and shocks, over every file) are more than the {Count(ScenarioLimits.MaxEvents)} a scenario may have");
        Over(pairs > ScenarioLimits.MaxRelatednessPairs, "relatedness.pairs", $"{Count(pairs)} pairs are more than the {Count(ScenarioLimits.MaxRelatednessPairs)} a scenario may list");
        if (!countsOk || part.Firms is not int firms || part.Clusters is null || ticks < 1) return;

        var cost = RunCost.Of(firms, labs, funds, part.Clusters.Count, ticks, HoldingTicks(part));
        bool memory = cost.MemoryBytes > limits.MaxMemoryBytes, work = cost.Work > limits.MaxWork;
        if (!memory && !work) return;
        var largest = cost.Parts[0];
        string terms = string.Join(", ", cost.Parts.Select(p => $"{p.What} {RunCost.Bytes(p.MemoryBytes)} and {RunCost.Updates(p.Work)}"));
        var (needs, allowed) = RunCost.BytesApart(cost.MemoryBytes, limits.MaxMemoryBytes);
        var (works, allowedWork) = RunCost.UpdatesApart(cost.Work, limits.MaxWork);
        string what = (memory, work) switch
        {
            (true, true) => $"about {needs} of memory and {works}, over the ceilings of {allowed} (--max-memory) and {allowedWork} (--max-work)",
            (true, false) => $"about {needs} of memory, over the ceiling of {allowed} (--max-memory)",
            _ => $"about {works}, over the ceiling of {allowedWork} (--max-work)",
        };
        Report(part, largest.Key, $"a run of this scenario would need {what}; by population: {terms}. Make the populations smaller, or raise the ceiling if the machine has room");
    }

    /// <summary>The funds' holding period in quarters: the scenario's <c>holdingYears</c> (fixed at the start), or the model's default.</summary>
    private static int HoldingTicks(ScenarioPart part)
    {
        var parameters = new ModelParameters();
        if (part.Parameters.TryGetValue(nameof(ModelParameters.HoldingYears), out var years)) parameters = parameters with { HoldingYears = years.Value };
        return FinanceRules.HoldingTicks(parameters, WorldSpec.TicksPerYear);
    }

    private static void Report(ScenarioPart part, string key, string message) => part.Sink!.At(Find(part.Root, key), key, message);

    /// <summary>The node of a dotted key in the scenario's own file, or its root when that file does not set it.</summary>
    private static YamlNode? Find(YamlNode? root, string key)
    {
        YamlNode? node = root;
        foreach (string step in key.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(step), out var child)) return root;
            node = child;
        }
        return node;
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
