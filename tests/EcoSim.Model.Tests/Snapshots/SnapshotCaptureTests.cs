using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Snapshots;

/// <summary>
/// A snapshot taken apart from its run (<see cref="SnapshotCapture"/>) and written later, while the run goes on, is the
/// snapshot of the tick it was taken at, byte for byte; the firms streamed into the destination give the bytes of the
/// parts as the engines hand them on (<see cref="RunSnapshot.Parts"/>); the kept columns are written over only once the
/// snapshot before is written.
/// </summary>
public class SnapshotCaptureTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void The_written_snapshot_is_its_parts_written_one_by_one(int tick)
    {
        var spec = TestWorlds.Small(ticks: 10);
        var (engine, history) = Stepped(spec, tick);
        var world = WorldOf(spec, engine);
        using var streamed = new MemoryStream();
        RunSnapshot.Write(streamed, world, history, engine.State);
        using var parts = new MemoryStream();
        var writer = new SnapshotWriter(parts);
        foreach (var part in RunSnapshot.Parts(world, history, engine.State)) writer.Write(part);
        writer.Finish();
        Assert.Equal(parts.ToArray(), streamed.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void A_snapshot_taken_in_place_writes_the_bytes_of_the_copied_one_and_holds_the_capture_until_written(int tick)
    {
        var spec = TestWorlds.Small(ticks: 10);
        var (engine, history) = Stepped(spec, tick);
        var world = WorldOf(spec, engine);
        byte[] copied = Written(new SnapshotCapture().Take(world, history, engine.State));
        var capture = new SnapshotCapture();
        var inPlace = capture.TakeInPlace(world, history, engine.State);
        Assert.True(capture.Open);
        Assert.Throws<InvalidOperationException>(() => capture.TakeInPlace(world, history, engine.State));
        Assert.Equal(copied, Written(inPlace));
        Assert.False(capture.Open);
        Assert.Equal(SnapshotRuns.Write(engine, history), copied);
    }

    [Fact]
    public void A_snapshot_written_after_the_run_stepped_on_is_the_snapshot_of_the_tick_it_was_taken_at()
    {
        var spec = TestWorlds.Small(ticks: 12);
        var (engine, history) = Stepped(spec, 4);
        byte[] expected = SnapshotRuns.Write(engine, history);
        var capture = new SnapshotCapture();
        var taken = capture.Take(WorldOf(spec, engine), history, engine.State);
        while (engine.Tick < 8) history.AddRange(engine.Step().Rows);
        Assert.Equal(expected, Written(taken));
        // A run resumed from it ends as the uninterrupted run does.
        Assert.Equal(SnapshotRuns.Whole(spec), SnapshotRuns.Resumed(spec, expected));
    }

    [Fact]
    public void The_next_capture_reuses_the_columns_once_the_one_before_is_written_and_is_refused_before()
    {
        var spec = TestWorlds.Small(ticks: 12);
        var (engine, history) = Stepped(spec, 3);
        var capture = new SnapshotCapture();
        var first = capture.Take(WorldOf(spec, engine), history, engine.State);
        Assert.True(capture.Open);
        Assert.Throws<InvalidOperationException>(() => capture.Take(WorldOf(spec, engine), history, engine.State));
        byte[] firstBytes = Written(first);
        Assert.False(capture.Open);
        Assert.Throws<InvalidOperationException>(() => first.WriteTo(new MemoryStream()));
        while (engine.Tick < 6) history.AddRange(engine.Step().Rows);
        var second = capture.Take(WorldOf(spec, engine), history, engine.State);
        byte[] secondBytes = Written(second);
        Assert.Equal(SnapshotRuns.Write(engine, history), secondBytes);
        Assert.NotEqual(firstBytes, secondBytes);
    }

    [Fact]
    public void A_write_that_fails_frees_the_columns_and_leaves_the_next_capture_whole()
    {
        var spec = TestWorlds.Small(ticks: 12);
        var (engine, history) = Stepped(spec, 3);
        var capture = new SnapshotCapture();
        var failing = capture.Take(WorldOf(spec, engine), history, engine.State);
        Assert.Throws<NotSupportedException>(() => failing.WriteTo(new MemoryStream([], writable: false)));
        Assert.False(capture.Open);
        Assert.Equal(SnapshotRuns.Write(engine, history), Written(capture.Take(WorldOf(spec, engine), history, engine.State)));
    }

    [Fact]
    public void Parts_gathered_from_the_holders_of_the_state_write_the_engine_s_snapshot_and_out_of_order_ones_are_refused()
    {
        var spec = TestWorlds.Small(ticks: 12);
        var (engine, history) = Stepped(spec, 4);
        var state = engine.State;
        var clusters = Enumerable.Range(0, spec.ClusterCount).Select(c => (PartCodec.Cluster(state.Clusters[c]), PartCodec.Talent(state.Talent[c]),
            PartCodec.Labs(c, state.Labs), FirmColumns.Of(state.Firms[c]))).ToList();
        var funds = state.Funds.Select(PartCodec.Fund).ToList();
        var (world, metrics, region) = (PartCodec.World(WorldOf(spec, engine)), PartCodec.Metrics(history), PartCodec.Region(state.Region));
        Assert.Equal(SnapshotRuns.Write(engine, history), Written(CapturedSnapshot.Of(world, metrics, region, clusters, funds)));
        var refusal = Assert.Throws<ArgumentException>(() => CapturedSnapshot.Of(world, region, metrics, clusters, funds));
        Assert.Contains("metrics", refusal.Message);
        clusters.Reverse();
        Assert.Throws<ArgumentException>(() => CapturedSnapshot.Of(world, metrics, region, clusters, funds));
    }

    private static (ReferenceEngine Engine, List<MetricsRow> History) Stepped(WorldSpec spec, int ticks)
    {
        var engine = new ReferenceEngine(spec);
        var history = new List<MetricsRow>();
        while (engine.Tick < ticks) history.AddRange(engine.Step().Rows);
        return (engine, history);
    }

    private static SnapshotWorld WorldOf(WorldSpec spec, ReferenceEngine engine) =>
        SnapshotWorld.Of(SnapshotRuns.Identity, spec, engine.Tick, engine.State.Labs.Length, engine.State.Funds.Length);

    private static byte[] Written(CapturedSnapshot snapshot)
    {
        using var bytes = new MemoryStream();
        snapshot.WriteTo(bytes);
        return bytes.ToArray();
    }
}
