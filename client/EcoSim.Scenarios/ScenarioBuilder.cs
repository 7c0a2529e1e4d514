using System.Globalization;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;

namespace EcoSim.Scenarios;

/// <summary>
/// Checks a scenario merged from all its files as a whole (required keys, horizon, cluster ids,
/// relatedness pairs, event dates, and the bounds on its size in <see cref="ScenarioBounds"/>) and turns it into the model's <see cref="WorldSpec"/>. Each error
/// goes to the sink of the file its value came from.
/// </summary>
internal static class ScenarioBuilder
{
    /// <summary>The world <paramref name="part"/> describes.</summary>
    /// <exception cref="ScenarioException">Any file of the scenario has an error, found here or before.</exception>
    public static WorldSpec Build(ScenarioPart part, ScenarioErrors errors, ScenarioLimits limits)
    {
        var sink = part.Sink!;
        var root = part.Root!;
        void Missing(string key, string what) => sink.At(root, key, $"is required ({what}); give it here or in the file this one extends");
        if (part.Name is null) Missing("name", "a short name");
        if (part.Start is null) Missing("start", "first quarter, e.g. 2024Q1");
        if (part.End is null) Missing("end", "last quarter, e.g. 2050Q4");
        if (part.Seed is null) Missing("seed", "a whole number");
        if (part.Firms is null) Missing("population.firms", "number of firms");
        if (part.Labs is null) Missing("population.labs", "lab groups");
        if (part.Funds is null) Missing("population.funds", "fund groups");
        if (part.Clusters is null || part.Clusters.Count == 0) Missing("clusters", "at least one cluster");

        int ticks = 0;
        if (part.Start is { } start && part.End is { } end)
        {
            ticks = end.Value.QuartersSince(start.Value) + 1;
            if (ticks < 1) end.Error($"must not be before start ({start.Value})");
            else if (ticks > ScenarioLoader.MaxYears * 4)
                end.Error(string.Create(CultureInfo.InvariantCulture, $"horizon of {ticks / 4.0} years ({ticks} quarters) is longer than the {ScenarioLoader.MaxYears} years allowed"));
        }

        var clusters = part.Clusters ?? [];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in clusters)
            if (!ids.TryAdd(c.Value.Id, ids.Count)) c.Error($"cluster id '{c.Value.Id}' is used twice");
        bool clustersOk = ScenarioBounds.ClustersWithinLimit(part);
        ScenarioBounds.Check(part, ticks, clustersOk, limits);
        if (!clustersOk) errors.ThrowIfAny(); // the relatedness matrix would be too large to build
        var relatedness = BuildRelatedness(part.Relatedness, ids);

        var parameters = new ModelParameters();
        foreach (var (name, value) in part.Parameters)
            parameters = ParameterCatalog.With(parameters, name, value.Value);

        var timeline = new List<ParameterChange>();
        foreach (var e in part.Events)
        {
            if (part.Start is null || part.End is null) break;
            int at = e.Value.At.QuartersSince(part.Start.Value);
            int until = e.Value.RampEnd is { } rampEnd ? rampEnd.QuartersSince(part.Start.Value) : at;
            if (at < 0 || at >= ticks) { e.Error($"event date {e.Value.At} is outside the horizon {part.Start.Value}..{part.End.Value}"); continue; }
            if (until >= ticks) { e.Error($"ramp end {e.Value.RampEnd} is outside the horizon {part.Start.Value}..{part.End.Value}"); continue; }
            double from = e.Value.RampEnd is null ? e.Value.To : ValueBefore(parameters, timeline, e.Value.Parameter, at);
            timeline.Add(new ParameterChange(e.Value.Parameter, at, until, from, e.Value.To));
        }

        var facilities = new List<FacilitySpec>();
        foreach (var f in part.Facilities)
        {
            if (part.Start is null || part.End is null) break;
            int at = f.Value.At.QuartersSince(part.Start.Value);
            if (at < 0 || at >= ticks) { f.Error($"facility date {f.Value.At} is outside the horizon {part.Start.Value}..{part.End.Value}"); continue; }
            if (!ids.TryGetValue(f.Value.ClusterId, out int cluster)) { f.Error(UnknownCluster(f.Value.ClusterId, ids.Keys)); continue; }
            facilities.Add(new FacilitySpec(f.Value.Name, cluster, at, f.Value.BuildYears, f.Value.OperationYears, f.Value.CostPerYear, f.Value.KnowledgeBoost));
        }

        var shocks = new List<ClusterShock>();
        foreach (var sh in part.Shocks)
        {
            if (part.Start is null || part.End is null) break;
            int at = sh.Value.At.QuartersSince(part.Start.Value);
            int until = sh.Value.Until is { } u ? u.QuartersSince(part.Start.Value) : ticks;
            if (at < 0 || at >= ticks) { sh.Error($"event date {sh.Value.At} is outside the horizon {part.Start.Value}..{part.End.Value}"); continue; }
            if (until > ticks) { sh.Error($"'until' {sh.Value.Until} is after the horizon's end {part.End.Value}"); continue; }
            int cluster = 0;
            if (sh.Value.ClusterId is { } id && !ids.TryGetValue(id, out cluster)) { sh.Error(UnknownCluster(id, ids.Keys)); continue; }
            shocks.Add(new ClusterShock(sh.Value.Kind, cluster, at, sh.Value.Kind == ShockKind.GuidanceInjection ? at + 1 : until, sh.Value.Value));
        }

        errors.ThrowIfAny();
        return new WorldSpec
        {
            Start = part.Start!.Value,
            Ticks = ticks,
            Seed = part.Seed!.Value,
            Clusters = [.. clusters.Select(c => c.Value)],
            Relatedness = relatedness,
            Firms = part.Firms!.Value,
            Labs = part.Labs!,
            Funds = part.Funds!,
            Parameters = parameters,
            Timeline = timeline,
            Facilities = facilities,
            Shocks = shocks,
            Certification = part.Certification is true,
        };
    }

    private static double ValueBefore(ModelParameters parameters, List<ParameterChange> timeline, string name, int tick)
    {
        double value = ParameterCatalog.Get(parameters, name);
        foreach (var change in timeline)
            if (change.Parameter.Equals(name, StringComparison.OrdinalIgnoreCase) && change.ValueAt(tick) is double v) value = v;
        return value;
    }

    private static double[] BuildRelatedness(RelatednessPart? part, Dictionary<string, int> ids)
    {
        int n = ids.Count;
        var matrix = new double[n * n];
        double fallback = part?.Default ?? 0.1;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                matrix[i * n + j] = i == j ? 1 : fallback;
        foreach (var pair in part?.Pairs ?? [])
        {
            var (a, b, value) = pair.Value;
            bool okA = ids.TryGetValue(a, out int i), okB = ids.TryGetValue(b, out int j);
            if (!okA || !okB) { pair.Error(UnknownCluster(okA ? b : a, ids.Keys)); continue; }
            if (i == j) { pair.Error("a cluster's relatedness to itself is always 1"); continue; }
            matrix[i * n + j] = value;
            matrix[j * n + i] = value;
        }
        return matrix;
    }

    /// <summary>The error for a cluster id the scenario does not define: the nearest id if one is close, and every id.</summary>
    private static string UnknownCluster(string id, IEnumerable<string> known) =>
        DidYouMean.Closest(id, known) is { } close
            ? $"unknown cluster '{id}'; did you mean '{close}'? (known: {string.Join(", ", known)})"
            : $"unknown cluster '{id}'; known: {string.Join(", ", known)}";
}
