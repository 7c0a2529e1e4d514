using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.World;
using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>Runs for the snapshot tests: whole, or cut at a tick into a snapshot and resumed.</summary>
internal static class SnapshotRuns
{
    public static readonly ScenarioIdentity Identity = new("test", "name: test\n", "0000");

    /// <summary>A library scenario, smaller and shorter so that a test runs it many times.</summary>
    public static WorldSpec Library(string file, int firms = 2500, int ticks = 14) =>
        ScenarioLoader.Load(TestWorlds.LibraryScenario(file)).World with { Firms = firms, Ticks = ticks };

    /// <summary>Every row of an uninterrupted run.</summary>
    public static List<MetricsRow> Whole(WorldSpec spec) => [.. new ReferenceEngine(spec).Run().SelectMany(t => t.Rows)];

    /// <summary>The snapshot after <paramref name="tick"/> ticks of <paramref name="spec"/>.</summary>
    public static byte[] SnapshotAt(WorldSpec spec, int tick)
    {
        var engine = new ReferenceEngine(spec);
        var history = new List<MetricsRow>();
        while (engine.Tick < tick) history.AddRange(engine.Step().Rows);
        return Write(engine, history);
    }

    public static byte[] Write(ReferenceEngine engine, IReadOnlyList<MetricsRow> history)
    {
        using var bytes = new MemoryStream();
        engine.WriteSnapshot(bytes, Identity, history);
        return bytes.ToArray();
    }

    /// <summary>The rows of a run of <paramref name="spec"/> resumed from <paramref name="snapshot"/>: the snapshot's history, then the ticks run.</summary>
    public static List<MetricsRow> Resumed(WorldSpec spec, byte[] snapshot)
    {
        var loaded = RunSnapshot.Read(new MemoryStream(snapshot), spec);
        var engine = ReferenceEngine.From(spec, loaded.State);
        return [.. loaded.History, .. engine.Run().SelectMany(t => t.Rows)];
    }

    /// <summary>Reads <paramref name="snapshot"/> whole and returns what was refused, or null if it reads.</summary>
    public static Exception? Refusal(byte[] snapshot, WorldSpec spec) =>
        Record.Exception(() => RunSnapshot.Read(new MemoryStream(snapshot), spec));
}
