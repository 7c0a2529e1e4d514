using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.Tests.Snapshots;
using EcoSim.Model.World;

namespace EcoSim.Model.Tests.State;

/// <summary>
/// An engine keeps an exited firm until the end of the first censused tick at or after its exit, and no longer: after every
/// tick of a run it holds exactly the live firms, the tick's own exits and the exits no census has reported yet, each with
/// its state at exit, for several sets of census ticks, while its metrics stay those of an engine that keeps every exit.
/// Its snapshots hold the same firms and resume to the same run.
/// </summary>
public class ExitRetentionTests
{
    private const int Ticks = 14;

    public static TheoryData<string, int[]> CensusSets() => new()
    {
        { "no census", [] },
        { "the first tick only", [0] },
        { "every fourth tick", [3, 7, 11, 13] },
        { "every tick", [.. Enumerable.Range(0, Ticks)] },
        { "the first and the last", [0, Ticks - 1] },
        { "scattered", [1, 2, 6, 12] },
    };

    [Fact]
    public void An_exit_is_kept_through_the_first_census_at_or_after_it()
    {
        var rule = ExitRetention.UntilReported([7, 3, 11, 3]);
        Assert.Equal([3, 7, 11], rule.CensusTicks);
        Assert.Equal([3, 3, 7, 11, -1], new[] { 0, 3, 4, 11, 12 }.Select(rule.KeptThrough));
        Assert.Equal([true, false, true, false, false], new[] { 2, 3, 4, 11, 12 }.Select(rule.KeepsPast));
        Assert.Equal(int.MaxValue, ExitRetention.Every.KeptThrough(1_000));
        Assert.True(ExitRetention.Every.KeepsPast(1_000));
        Assert.Equal(-1, ExitRetention.None.KeptThrough(0));
        Assert.False(ExitRetention.UntilReported([]).KeepsPast(0));
    }

    [Theory]
    [MemberData(nameof(CensusSets))]
    public void After_every_tick_an_engine_holds_exactly_the_exits_no_census_has_reported_yet(string name, int[] census)
    {
        var world = World();
        var rule = ExitRetention.UntilReported(census);
        var (every, kept) = (new ReferenceEngine(world), new ReferenceEngine(world, rule));
        var exitTicks = new Dictionary<(int, long), int>();
        int exits = 0;
        for (int t = 0; t < Ticks; t++)
        {
            AssertSameRows(every.Step().Rows, kept.Step().Rows, $"{name}, tick {t}");
            int previousCensus = census.Where(c => c < t).DefaultIfEmpty(-1).Max();
            for (int c = 0; c < world.ClusterCount; c++)
            {
                var all = FirmColumns.Of(every.FirmsOf(c));
                for (int i = 0; i < all.Count; i++)
                    if (!all.Alive[i] && exitTicks.TryAdd((c, all.Index[i]), t)) exits++;
                // The definition itself: live, exited in this tick, or exited earlier and kept through this tick at least.
                bool Held(int i) => all.Alive[i] || exitTicks[(c, all.Index[i])] is int e && (e == t || rule.KeptThrough(e) >= t);
                var expected = Enumerable.Range(0, all.Count).Where(Held).ToArray();
                var held = FirmColumns.Of(kept.FirmsOf(c));
                string where = $"{name}, tick {t}, cluster {c}";
                Assert.True(expected.Select(i => all.Index[i]).SequenceEqual(held.Index), $"{where}: other firms held");
                for (int k = 0; k < expected.Length; k++) Assert.Equal(all.Read(expected[k]), held.Read(k));
                for (int i = 0; i < all.Count; i++) Assert.Equal(expected.Contains(i) ? all.Read(i) : null, kept.FirmsOf(c).Find(all.Index[i]));
                if (census.Contains(t))
                {
                    // A census reports the exits since the census before it, each once.
                    var reported = Enumerable.Range(0, held.Count).Where(k => !held.Alive[k]).Select(k => exitTicks[(c, held.Index[k])]);
                    Assert.All(reported, e => Assert.InRange(e, previousCensus + 1, t));
                    Assert.Equal(exitTicks.Count(x => x.Key.Item1 == c && x.Value > previousCensus && x.Value <= t), held.Alive.Count(a => !a));
                }
            }
        }
        Assert.True(exits > 100, $"only {exits} exits: too few for the test to show anything");
    }

    [Theory]
    [MemberData(nameof(CensusSets))]
    public void A_snapshot_holds_the_firms_its_engine_holds_and_resumes_to_the_same_run(string name, int[] census)
    {
        var world = World();
        var rule = ExitRetention.UntilReported(census);
        foreach (int cut in new[] { 4, 8 })
        {
            var whole = new ReferenceEngine(world, rule);
            var history = new List<MetricsRow>();
            while (whole.Tick < cut) history.AddRange(whole.Step().Rows);
            var bytes = SnapshotRuns.Write(whole, history);
            var loaded = RunSnapshot.Read(new MemoryStream(bytes), world);
            for (int c = 0; c < world.ClusterCount; c++)
            {
                AssertSameFirms(FirmColumns.Of(whole.FirmsOf(c)), FirmColumns.Of(loaded.State.Firms[c]), $"{name}, cut {cut}, cluster {c}");
                Assert.Equal(whole.FirmsOf(c).NextIndex, loaded.State.Firms[c].NextIndex);
            }
            var resumed = ReferenceEngine.From(world, loaded.State, rule);
            while (whole.Tick < Ticks)
            {
                AssertSameRows(whole.Step().Rows, resumed.Step().Rows, $"{name}, cut {cut}, tick {whole.Tick - 1}");
                for (int c = 0; c < world.ClusterCount; c++)
                    AssertSameFirms(FirmColumns.Of(whole.FirmsOf(c)), FirmColumns.Of(resumed.FirmsOf(c)), $"{name}, cut {cut}, tick {whole.Tick - 1}, cluster {c}");
            }
        }
    }

    [Fact]
    public void A_snapshot_of_a_run_that_keeps_no_exit_holds_no_firm_that_exited_before_its_last_tick()
    {
        var world = World();
        var kept = new ReferenceEngine(world, ExitRetention.None);
        var every = new ReferenceEngine(world);
        var history = new List<MetricsRow>();
        while (kept.Tick < 10) { history.AddRange(kept.Step().Rows); every.Step(); }
        var loaded = RunSnapshot.Read(new MemoryStream(SnapshotRuns.Write(kept, history)), world);
        for (int c = 0; c < world.ClusterCount; c++)
        {
            var all = FirmColumns.Of(every.FirmsOf(c));
            var held = FirmColumns.Of(loaded.State.Firms[c]);
            Assert.Equal(all.Alive.Count(a => a), held.Alive.Count(a => a));
            Assert.True(held.Count < all.Count, $"cluster {c}: the snapshot holds {held.Count} firms, every firm ever is {all.Count}");
        }
    }

    private static WorldSpec World() => SnapshotRuns.Library("guangdong-baseline.yaml", firms: 2500, ticks: Ticks);

    private static void AssertSameRows(IReadOnlyList<MetricsRow> expected, IReadOnlyList<MetricsRow> actual, string where) =>
        Assert.True(expected.SequenceEqual(actual), $"{where}: the metrics differ");

    private static void AssertSameFirms(FirmColumns expected, FirmColumns actual, string where)
    {
        Assert.True(expected.Index.SequenceEqual(actual.Index), $"{where}: other firms");
        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected.Read(i), actual.Read(i));
    }
}
