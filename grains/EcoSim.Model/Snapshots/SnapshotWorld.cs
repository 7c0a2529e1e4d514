using EcoSim.Model.Time;
using EcoSim.Model.World;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// The first part of a snapshot: which run it is of and where the run stands. The scenario (text and hash),
/// seed, start and length of the run that wrote it, the number of ticks done, the number of clusters, labs
/// and funds the parts describe, and the hashed components of the world those ticks read
/// (<see cref="WorldHistory"/>), against which a world that resumes it is checked.
/// </summary>
/// <param name="Scenario">The scenario of the run.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Start">Period of tick 0.</param>
/// <param name="RunTicks">Ticks of the run that wrote the snapshot.</param>
/// <param name="Tick">Ticks done: the snapshot is the state after tick <c>Tick - 1</c>, and the next tick is <c>Tick</c>.</param>
/// <param name="Clusters">Clusters of the world.</param>
/// <param name="Labs">Labs of the world.</param>
/// <param name="Funds">Funds of the world.</param>
/// <param name="Components">The world's components, hashed.</param>
public sealed record SnapshotWorld(ScenarioIdentity Scenario, ulong Seed, Period Start, int RunTicks, int Tick, int Clusters, int Labs, int Funds,
    IReadOnlyList<WorldComponent> Components)
{
    /// <summary>The period the next tick is: the quarter a resumed run starts with.</summary>
    public Period Period => Start.AddQuarters(Tick);

    /// <summary>The record of a run of <paramref name="spec"/> from <paramref name="scenario"/> after <paramref name="tick"/> ticks.</summary>
    public static SnapshotWorld Of(ScenarioIdentity scenario, WorldSpec spec, int tick, int labs, int funds) =>
        new(scenario, spec.Seed, spec.Start, spec.Ticks, tick, spec.ClusterCount, labs, funds, WorldHistory.Components(spec, tick));

    internal void Write(PartWriter w)
    {
        w.Write(Scenario.Name); w.Write(Scenario.Text); w.Write(Scenario.Sha256);
        w.Write(Seed); w.Write(Start.Year); w.Write(Start.Quarter); w.Write(RunTicks); w.Write(Tick);
        w.Write(Clusters); w.Write(Labs); w.Write(Funds);
        w.Write(Components.Count);
        foreach (var c in Components) { w.Write(c.Name); w.Write((int)c.Kind); w.Write(c.Sha256); }
    }

    internal static SnapshotWorld Read(PartReader r)
    {
        var scenario = new ScenarioIdentity(r.ReadString(), r.ReadString(), r.ReadString());
        ulong seed = r.ReadUInt64();
        int year = r.ReadInt32(), quarter = r.ReadInt32();
        if (quarter is < 1 or > 4) throw r.Invalid("a quarter from 1 to 4", $"{quarter}");
        int runTicks = r.ReadInt32(), tick = r.ReadInt32(), clusters = r.ReadInt32(), labs = r.ReadInt32(), funds = r.ReadInt32();
        if (tick < 0 || clusters <= 0 || labs < 0 || funds < 0) throw r.Invalid("a tick, clusters, labs and funds of at least 0 (1 cluster)", $"{tick}, {clusters}, {labs}, {funds}");
        int count = r.ReadInt32();
        if (count is < 0 or > 100_000) throw r.Invalid("up to 100000 world components", $"{count}");
        var components = new WorldComponent[count];
        for (int i = 0; i < count; i++)
        {
            string name = r.ReadString();
            int kind = r.ReadInt32();
            if (!Enum.IsDefined((ComponentKind)kind)) throw r.Invalid("a component kind", $"{kind}");
            components[i] = new WorldComponent(name, (ComponentKind)kind, r.ReadBytes());
        }
        return new SnapshotWorld(scenario, seed, new Period(year, quarter), runTicks, tick, clusters, labs, funds, components);
    }
}
