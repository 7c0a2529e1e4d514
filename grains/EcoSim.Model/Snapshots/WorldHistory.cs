using System.Security.Cryptography;
using EcoSim.Model.Parameters;
using EcoSim.Model.World;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// What of a world the ticks before a snapshot have read, split into named components and hashed: the start
/// and the clusters (the world's identity), what only tick 0 reads (the seed, the population, parameters fixed
/// at the start), and, up to the snapshot's tick, each parameter's values and the facilities and events begun.
/// A world may resume a snapshot when every component hashes the same; a fork is such a world whose changes
/// all come from the snapshot's quarter on.
/// </summary>
public static class WorldHistory
{
    /// <summary>The components of <paramref name="spec"/> that ticks 0 to <paramref name="tick"/> - 1 read.</summary>
    public static IReadOnlyList<WorldComponent> Components(WorldSpec spec, int tick)
    {
        var components = new List<WorldComponent>
        {
            Hash("start", ComponentKind.Identity, w => { w.Write(spec.Start.Year); w.Write(spec.Start.Quarter); }),
            Hash("clusters", ComponentKind.Identity, w =>
            {
                w.Write(spec.ClusterCount);
                foreach (var c in spec.Clusters)
                {
                    w.Write(c.Id); w.Write(c.Name); w.Write((int)c.Kind); w.Write(c.Revenue); w.Write(c.RdIntensity); w.Write(c.Priority); w.Write(c.HasPipeline);
                }
                w.Write((ReadOnlySpan<double>)[.. spec.Relatedness]);
            }),
            Hash("seed", ComponentKind.Start, w => w.Write(spec.Seed)),
            Hash("population", ComponentKind.Start, w =>
            {
                w.Write(spec.Firms);
                w.Write(spec.Labs.Count);
                foreach (var g in spec.Labs) { w.Write((int)g.Kind); w.Write(g.Count); w.Write(g.BasicWeight); w.Write(g.AppliedWeight); }
                w.Write(spec.Funds.Count);
                foreach (var g in spec.Funds) { w.Write((int)g.Kind); w.Write(g.Count); w.Write(g.Capital); }
            }),
        };
        int read = Math.Max(tick, 1); // tick 0's parameters set up the start even for a snapshot before any tick
        var timeline = ParameterTimeline.Of(spec);
        var all = ParameterCatalog.All;
        for (int p = 0; p < all.Count; p++)
        {
            var parameter = all[p];
            components.Add(new WorldComponent(ParameterName(parameter.Name), parameter.FixedAtStart ? ComponentKind.Start : ComponentKind.Timeline,
                timeline.Sha256(p, parameter.FixedAtStart ? 1 : read)));
        }
        components.Add(Hash("facilities", ComponentKind.Timeline, w =>
        {
            foreach (var f in spec.Facilities.Where(f => f.StartTick < tick))
            {
                w.Write(f.Name); w.Write(f.Cluster); w.Write(f.StartTick); w.Write(f.BuildYears); w.Write(f.OperationYears); w.Write(f.CostPerYear); w.Write(f.KnowledgeBoost);
            }
        }));
        components.Add(Hash("events", ComponentKind.Timeline, w =>
        {
            foreach (var s in spec.Shocks.Where(s => s.StartTick < tick))
            {
                w.Write((int)s.Kind); w.Write(s.Cluster); w.Write(s.StartTick); w.Write(s.EndTick); w.Write(s.Value);
            }
        }));
        return components;
    }

    /// <summary>How <paramref name="spec"/> differs from the world the snapshot <paramref name="world"/> describes; empty when it may resume it.</summary>
    public static IReadOnlyList<WorldDifference> Differences(WorldSpec spec, SnapshotWorld world)
    {
        var recorded = world.Components;
        var now = Components(spec, world.Tick).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var differences = new List<WorldDifference>();
        foreach (var old in recorded)
        {
            if (now.TryGetValue(old.Name, out var current) && current.Sha256.AsSpan().SequenceEqual(old.Sha256)) continue;
            differences.Add(new WorldDifference(old.Name, old.Kind, Describe(old, spec, world)));
        }
        foreach (var added in now.Keys.Except(recorded.Select(r => r.Name), StringComparer.Ordinal))
            differences.Add(new WorldDifference(added, now[added].Kind, $"{added} is not in the snapshot (written by another version of the model)"));
        return differences;
    }

    /// <summary>The component name of a parameter.</summary>
    public static string ParameterName(string parameter) => $"parameter {parameter}";

    private static string Describe(WorldComponent component, WorldSpec spec, SnapshotWorld world)
    {
        string before = $"before {world.Period}, which the snapshot has already run";
        return component.Kind switch
        {
            ComponentKind.Identity when component.Name == "start" => $"the start is {spec.Start}, the snapshot's {world.Start}",
            _ when component.Name == "seed" => $"the seed is {spec.Seed}, the snapshot's {world.Seed}",
            ComponentKind.Identity => $"the {component.Name} differ from the snapshot's",
            ComponentKind.Start => $"{component.Name} differs, and only acts at tick 0 (the start)",
            _ when component.Name.StartsWith("parameter ", StringComparison.Ordinal) => $"{component.Name} changes {before}",
            _ => $"{component.Name} begun {before} differ",
        };
    }

    private static WorldComponent Hash(string name, ComponentKind kind, Action<PartWriter> write)
    {
        using var bytes = new MemoryStream();
        var writer = new PartWriter(bytes);
        write(writer);
        writer.Flush();
        return new WorldComponent(name, kind, SHA256.HashData(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)));
    }
}
