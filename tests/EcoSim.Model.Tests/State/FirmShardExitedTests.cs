using EcoSim.Model.State;

namespace EcoSim.Model.Tests.State;

/// <summary>
/// The firms a compaction drops are kept apart with their state at exit, so the shard's census
/// (<see cref="FirmColumns.Of(FirmShard)"/>, <see cref="FirmColumns.Into"/>) and <see cref="FirmShard.Find"/> give what a
/// shard never compacted gives, however many rounds of deaths, entries and compactions came between.
/// </summary>
public class FirmShardExitedTests
{
    private static FirmRecord Firm(int k) => new(1 + k, 2 + k, 3 + k, 0.01 * k, 4 + k, -k, 0.5 * k, k, k % 7, true, k % 5 == 0 ? k : FirmRecord.NotCertified);

    [Fact]
    public void The_census_and_find_of_a_shard_compacted_each_round_match_a_shard_never_compacted()
    {
        const long first = 40;
        var (compacted, plain) = (new FirmShard(2, first, 4), new FirmShard(2, first, 4));
        var random = new Random(7);
        FirmColumns? kept = null;
        int made = 0;
        for (int round = 0; round < 30; round++)
        {
            for (int e = random.Next(0, 6); e > 0; e--) { compacted.Append(Firm(made)); plain.Append(Firm(made)); made++; }
            // Kill some live firms (the same ones in both, by index), as the firm step marks its exits.
            for (int i = 0; i < compacted.Count; i++)
                if (compacted.Alive[i] != 0 && random.Next(4) == 0)
                {
                    compacted.Alive[i] = 0;
                    plain.Alive[plain.SlotOf(compacted.Index[i])] = 0;
                }
            compacted.Compact();

            Assert.All(Enumerable.Range(0, compacted.Count), i => Assert.True(compacted.Alive[i] != 0));
            AssertSame(FirmColumns.Of(plain), FirmColumns.Of(compacted), $"round {round}");
            kept = FirmColumns.Into(compacted, kept);
            AssertSame(FirmColumns.Of(plain), kept, $"round {round}, copied into kept columns");
            for (long index = first; index < first + made; index++) Assert.Equal(plain.Read(plain.SlotOf(index)), compacted.Find(index));
            Assert.Null(compacted.Find(first + made));
            Assert.Null(compacted.Find(first - 1));
            Assert.Equal(plain.Count, compacted.Count + compacted.ExitedCount);
            Assert.Equal(plain.NextIndex, compacted.NextIndex);
        }
        Assert.True(compacted.ExitedCount > 20, "too few exits for the test to show anything");
    }

    [Fact]
    public void A_shard_restored_from_its_census_holds_the_same_firms_and_compacts_to_the_same_census()
    {
        var shard = new FirmShard(0, 0, 4);
        for (int k = 0; k < 12; k++) shard.Append(Firm(k));
        foreach (int i in new[] { 0, 3, 4, 11 }) shard.Alive[i] = 0;
        shard.Compact();
        shard.Alive[2] = 0; // slot 2 now holds index 5
        var census = FirmColumns.Of(shard);

        var restored = FirmShard.Of(census);
        Assert.Equal(12, restored.Count);
        Assert.Equal(shard.NextIndex, restored.NextIndex);
        restored.Compact();
        shard.Compact();
        AssertSame(FirmColumns.Of(shard), FirmColumns.Of(restored), "after both compacted");
        Assert.Equal(shard.Count, restored.Count);
    }

    private static void AssertSame(FirmColumns expected, FirmColumns actual, string where)
    {
        Assert.True(expected.Index.SequenceEqual(actual.Index), $"{where}: indices");
        Assert.True(expected.Productivity.SequenceEqual(actual.Productivity), $"{where}: productivity");
        Assert.True(expected.Weight.SequenceEqual(actual.Weight), $"{where}: weight");
        Assert.True(expected.Revenue.SequenceEqual(actual.Revenue), $"{where}: revenue");
        Assert.True(expected.RdIntensity.SequenceEqual(actual.RdIntensity), $"{where}: R&D intensity");
        Assert.True(expected.RdStock.SequenceEqual(actual.RdStock), $"{where}: R&D stock");
        Assert.True(expected.Cash.SequenceEqual(actual.Cash), $"{where}: cash");
        Assert.True(expected.Researchers.SequenceEqual(actual.Researchers), $"{where}: researchers");
        Assert.True(expected.Age.SequenceEqual(actual.Age), $"{where}: age");
        Assert.True(expected.Vintage.SequenceEqual(actual.Vintage), $"{where}: vintage");
        Assert.True(expected.Alive.SequenceEqual(actual.Alive), $"{where}: alive");
        Assert.True(expected.CertifiedTick.SequenceEqual(actual.CertifiedTick), $"{where}: certification");
        Assert.Equal(expected.FirstIndex, actual.FirstIndex);
    }
}
