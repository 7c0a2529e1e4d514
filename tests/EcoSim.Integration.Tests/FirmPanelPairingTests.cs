using EcoSim.Experiments.Engines;
using EcoSim.Experiments.Output;
using EcoSim.Model.Engine;
using EcoSim.Model.State;

namespace EcoSim.Integration.Tests;

/// <summary>
/// The panel pairs firms across collected ticks by their cluster index: a census that no longer holds the firms
/// dead before the previous collected tick (as a shard that drops its dead firms gives), so that live firms sit at
/// other positions, writes the same rows as the census of every slot; so do the engine's own censuses, which keep an
/// exited firm only until a census has reported it.
/// </summary>
public sealed class FirmPanelPairingTests
{
    [Fact]
    public async Task A_census_without_the_long_dead_writes_the_same_panel_as_the_census_of_every_slot()
    {
        var world = TestFiles.LoadSmall().World;
        int[] collected = [1, 3, 4, 7];
        // Censuses of every firm ever entered, from an engine that keeps every exit.
        var censuses = new List<(FirmCensus Census, string Period)>();
        var every = new ReferenceEngine(world);
        while (every.Tick < world.Ticks)
        {
            var outcome = every.Step();
            if (collected.Contains(outcome.Tick))
                censuses.Add((new FirmCensus(outcome.Tick, [.. Enumerable.Range(0, world.ClusterCount).Select(c => FirmColumns.Of(every.FirmsOf(c)))]), outcome.Rows[0].Period));
        }
        // The engine's own censuses, which keep each exit only until a census has reported it.
        var own = new List<FirmCensus>();
        await foreach (var tick in new ReferenceSimulation().RunAsync(world, new HashSet<int>(collected), CancellationToken.None))
            if (tick.Firms is { } census) own.Add(census);
        Assert.Equal(collected, own.Select(c => c.Tick));

        var thinned = new List<FirmCensus>();
        for (int k = 0; k < censuses.Count; k++)
        {
            var before = k == 0 ? null : censuses[k - 1].Census;
            thinned.Add(censuses[k].Census with { Clusters = [.. censuses[k].Census.Clusters.Select((c, n) => WithoutDeadAt(c, before?.Clusters[n]))] });
        }
        static int Firms(FirmCensus census) => census.Clusters.Sum(c => c.Count);
        Assert.True(thinned.Zip(censuses).Any(p => Firms(p.First) < Firms(p.Second.Census)), "no census lost a firm: the test shows nothing");
        Assert.True(own.Zip(censuses).Any(p => Firms(p.First) < Firms(p.Second.Census)), "the engine kept every exit: the test shows nothing");

        string root = TestFiles.NewTempFolder();
        var ids = world.Clusters.Select(c => c.Id).ToList();
        async Task<byte[]> Write(string name, IReadOnlyList<FirmCensus> list)
        {
            string path = Path.Combine(root, name);
            await using (var writer = await FirmPanelWriter.CreateAsync(path, ids, new ParquetProvenance("s", "0", [1], "reference", "v")))
            {
                for (int k = 0; k < list.Count; k++) await writer.WriteAsync(list[k], censuses[k].Period);
                await writer.CompleteAsync();
            }
            return File.ReadAllBytes(path);
        }
        var full = await Write("full.parquet", [.. censuses.Select(c => c.Census)]);
        Assert.Equal(full, await Write("thinned.parquet", thinned));
        Assert.Equal(full, await Write("own.parquet", own));
    }

    // The firms of `firms` but those already dead at the previous census `before` (all firms are kept for the first census).
    private static FirmColumns WithoutDeadAt(FirmColumns firms, FirmColumns? before)
    {
        var deadBefore = before is null ? [] : Enumerable.Range(0, before.Count).Where(i => !before.Alive[i]).Select(i => before.Index[i]).ToHashSet();
        int[] keep = [.. Enumerable.Range(0, firms.Count).Where(i => !deadBefore.Contains(firms.Index[i]))];
        T[] Pick<T>(T[] column) => [.. keep.Select(i => column[i])];
        return new FirmColumns(firms.Cluster, firms.FirstIndex, Pick(firms.Productivity), Pick(firms.Weight), Pick(firms.Revenue), Pick(firms.RdIntensity),
            Pick(firms.RdStock), Pick(firms.Cash), Pick(firms.Researchers), Pick(firms.Age), Pick(firms.Vintage), Pick(firms.Alive), Pick(firms.CertifiedTick), Pick(firms.Index));
    }
}
