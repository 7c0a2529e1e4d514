using System.Globalization;
using EcoSim.Model.Inspection;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Client.Cli;

/// <summary>
/// Reads the agent named on <c>inspect</c>'s command line against a scenario's world: a cluster may be
/// given by its number or by its id in the scenario (<c>firm:electronics:1200</c>, <c>talent:robots</c>).
/// </summary>
internal static class InspectTarget
{
    /// <summary>The kinds of agent, as written before the first colon.</summary>
    private static readonly string[] Kinds = ["firm", "lab", "fund", "talent"];

    /// <summary>The forms accepted, for messages.</summary>
    public const string Forms = "firm:CLUSTER:INDEX, lab:INDEX, fund:INDEX or talent:CLUSTER, where CLUSTER is a cluster's id in the scenario or its number from 0 (e.g. firm:electronics:1200, talent:3, lab:17)";

    /// <summary>The agent <paramref name="text"/> names in <paramref name="world"/>; false with the reason in <paramref name="error"/>.</summary>
    public static bool TryResolve(string text, WorldSpec world, out EntityRef entity, out string error)
    {
        entity = default;
        error = "";
        var parts = text.Trim().Split(':');
        string kind = parts[0].ToLowerInvariant();
        if (!Kinds.Contains(kind))
        {
            string hint = DidYouMean.Closest(kind, Kinds) is { } close ? $"; did you mean '{close}'?" : "";
            error = $"entity '{text}': '{parts[0]}' is not a kind of agent (firm, lab, fund or talent){hint}";
            return false;
        }
        if (kind is "firm" or "talent" && parts.Length >= 2 && !IsNumber(parts[1]))
        {
            if (ClusterNumber(parts[1], world) is not int cluster)
            {
                error = UnknownCluster(text, parts[1], world);
                return false;
            }
            parts[1] = cluster.ToString(CultureInfo.InvariantCulture);
        }
        if (EntityRef.TryParse(string.Join(':', parts), out entity)) return true;
        error = $"entity '{text}' is not {Forms}";
        return false;
    }

    /// <summary>The cluster's id and number, e.g. <c>electronics (0)</c>.</summary>
    public static string ClusterLabel(WorldSpec world, int cluster) =>
        string.Create(CultureInfo.InvariantCulture, $"{world.Clusters[cluster].Id} ({cluster})");

    private static bool IsNumber(string part) => part.Length > 0 && part.All(char.IsAsciiDigit);

    private static int? ClusterNumber(string id, WorldSpec world)
    {
        for (int c = 0; c < world.ClusterCount; c++)
            if (string.Equals(world.Clusters[c].Id, id, StringComparison.OrdinalIgnoreCase)) return c;
        return null;
    }

    private static string UnknownCluster(string text, string id, WorldSpec world)
    {
        var ids = world.Clusters.Select(c => c.Id).ToArray();
        string hint = DidYouMean.Closest(id, ids) is { } close ? $" (did you mean '{close}'?)" : "";
        string known = string.Join(", ", Enumerable.Range(0, world.ClusterCount).Select(c => ClusterLabel(world, c)));
        return $"entity '{text}': the scenario has no cluster '{id}'{hint}; its clusters are {known}";
    }
}
