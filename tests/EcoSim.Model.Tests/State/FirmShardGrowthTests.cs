using EcoSim.Model.State;

namespace EcoSim.Model.Tests.State;

/// <summary>
/// A shard keeps every slot for the whole run, so how it grows is memory held to the end: a full shard grows by an eighth
/// (at least <see cref="FirmShard.MinimumGrowth"/> slots), never doubling, and growing keeps every slot's state.
/// </summary>
public class FirmShardGrowthTests
{
    private static FirmRecord Firm(int k) => new(1 + k, 2 + k, 3 + k, 0.01 * k, 4 + k, -k, 0.5 * k, k, k % 7, k % 3 != 0, k % 5 == 0 ? k : FirmRecord.NotCertified);

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1, 17)]
    [InlineData(100, 116)]
    [InlineData(4096, 4608)]
    [InlineData(1_000_000, 1_125_000)]
    public void A_full_shard_grows_by_an_eighth_and_at_least_the_minimum(int count, int grown) =>
        Assert.Equal(grown, FirmShard.GrownCapacity(count));

    [Fact]
    public void Growth_stops_at_the_largest_array()
    {
        Assert.Equal(Array.MaxLength, FirmShard.GrownCapacity(Array.MaxLength - 3));
    }

    [Fact]
    public void A_full_shard_takes_an_entrant_without_doubling()
    {
        const int n = 10_000;
        var shard = new FirmShard(2, 500, n);
        for (int k = 0; k < n; k++) shard.Append(Firm(k));
        Assert.Equal(n, shard.Capacity);

        Assert.Equal(n, shard.Append(Firm(n)));
        Assert.Equal(n + 1, shard.Count);
        Assert.Equal(FirmShard.GrownCapacity(n), shard.Capacity);
        Assert.True(shard.Capacity < n * 2);
    }

    [Fact]
    public void Growing_from_empty_keeps_every_slot_and_leaves_less_than_an_eighth_empty()
    {
        var shard = new FirmShard(0, 0, 1);
        const int n = 50_000;
        for (int k = 0; k < n; k++) Assert.Equal(k, shard.Append(Firm(k)));

        Assert.Equal(n, shard.Count);
        Assert.InRange(shard.Capacity, n, n + Math.Max(n / 8, FirmShard.MinimumGrowth));
        for (int k = 0; k < n; k++) Assert.Equal(Firm(k), shard.Read(k));
        Assert.Equal(n, FirmColumns.Of(shard).Count);
    }
}
