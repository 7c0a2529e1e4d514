using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.Tests.Support;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A run cut at any tick into a snapshot and resumed gives the uninterrupted run's rows bit for bit, and the
/// same state: the snapshot holds everything the next tick reads.
/// </summary>
public class ResumeTests
{
    public static TheoryData<string, int> LibraryCuts() => new()
    {
        { "guangdong-baseline.yaml", 0 }, { "guangdong-baseline.yaml", 1 }, { "guangdong-baseline.yaml", 7 }, { "guangdong-baseline.yaml", 13 },
        { "one-third-basic-research.yaml", 0 }, { "one-third-basic-research.yaml", 3 }, { "one-third-basic-research.yaml", 8 }, { "one-third-basic-research.yaml", 13 },
    };

    [Theory]
    [MemberData(nameof(LibraryCuts))]
    public void A_library_run_resumed_from_a_snapshot_gives_the_uninterrupted_rows(string file, int cut)
    {
        var spec = SnapshotRuns.Library(file);
        AssertIdentical(SnapshotRuns.Whole(spec), SnapshotRuns.Resumed(spec, SnapshotRuns.SnapshotAt(spec, cut)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(11)]
    public void A_resumed_run_ends_in_the_uninterrupted_runs_state_byte_for_byte(int cut)
    {
        var spec = TestWorlds.Small(seed: 9, ticks: 12);
        var loaded = RunSnapshot.Read(new MemoryStream(SnapshotRuns.SnapshotAt(spec, cut)), spec);
        var engine = ReferenceEngine.From(spec, loaded.State);
        var rows = new List<MetricsRow>(loaded.History);
        foreach (var tick in engine.Run()) rows.AddRange(tick.Rows);
        Assert.Equal(SnapshotRuns.SnapshotAt(spec, spec.Ticks), SnapshotRuns.Write(engine, rows));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(9)]
    public void A_run_with_certification_resumed_ends_in_the_uninterrupted_runs_state_byte_for_byte(int cut)
    {
        var spec = TestWorlds.Small(seed: 9, ticks: 12, parameters: new() { CertificationApplicationRate = 0.5, RdIntensityDispersion = 1.2 }) with { Certification = true };
        var loaded = RunSnapshot.Read(new MemoryStream(SnapshotRuns.SnapshotAt(spec, cut)), spec);
        Assert.Contains(loaded.State.Firms, f => f.CertifiedTick[..f.Count].Any(t => t != EcoSim.Model.State.FirmRecord.NotCertified));
        var engine = ReferenceEngine.From(spec, loaded.State);
        var rows = new List<MetricsRow>(loaded.History);
        foreach (var tick in engine.Run()) rows.AddRange(tick.Rows);
        Assert.Equal(SnapshotRuns.SnapshotAt(spec, spec.Ticks), SnapshotRuns.Write(engine, rows));
    }

    [Fact]
    public void A_snapshot_is_the_same_bytes_every_time_it_is_written()
    {
        var spec = SnapshotRuns.Library("guangdong-baseline.yaml", ticks: 6);
        var engine = new ReferenceEngine(spec);
        var history = new List<MetricsRow>();
        for (int t = 0; t < 4; t++) history.AddRange(engine.Step().Rows);
        var first = SnapshotRuns.Write(engine, history);
        Assert.Equal(first, SnapshotRuns.Write(engine, history));
        Assert.Equal(first, SnapshotRuns.SnapshotAt(spec, 4));
        Assert.NotEqual(first, SnapshotRuns.SnapshotAt(spec, 5));
    }

    [Fact]
    public void A_snapshot_keeps_the_history_of_the_ticks_done_bit_for_bit()
    {
        var spec = TestWorlds.Small(ticks: 8);
        var whole = SnapshotRuns.Whole(spec);
        var loaded = RunSnapshot.Read(new MemoryStream(SnapshotRuns.SnapshotAt(spec, 5)), spec);
        Assert.Equal(5, loaded.World.Tick);
        Assert.Equal(SnapshotRuns.Identity, loaded.World.Scenario);
        AssertIdentical(whole.Take(5 * (spec.ClusterCount + 1)).ToList(), [.. loaded.History]);
    }

    [Fact]
    public void A_resumed_run_may_be_longer_than_the_run_that_wrote_the_snapshot()
    {
        var longer = TestWorlds.Small(ticks: 12);
        var snapshot = SnapshotRuns.SnapshotAt(longer with { Ticks = 6 }, 4);
        AssertIdentical(SnapshotRuns.Whole(longer), SnapshotRuns.Resumed(longer, snapshot));
    }

    internal static void AssertIdentical(List<MetricsRow> expected, List<MetricsRow> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Bits.Identical(expected[i], actual[i]);
    }
}
